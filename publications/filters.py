"""The library's filters in one place: the query string checked, the default sort, and every
parameter, link, chip, heading and choice that shows the filters (site search takes its
words and page number the same way).

Every parameter goes through a form field, so that an unknown type, an impossible date
or a page that is not a number is a message next to the field (HTTP 400), never an
exception. A valid query string becomes one `LibraryFilters`: the listing, its feed,
its links and the cache's names all read that one value.
"""

import calendar
import datetime
import re
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from base.pagination import query_string

Q_MAX_LENGTH = 200
EARLIEST_YEAR = 1900
# A type or topic filter shows this many options, the most used first; the rest are
# one "Show all" away (a list barely longer is shown whole).
FACET_SHOWN = 5

SORT_NEWEST = "newest"
SORT_OLDEST = "oldest"
SORT_RELEVANCE = "relevance"

# ASCII digits only: "٢٠٢٣" is not a year in a URL.
DATE_PATTERN = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{1,2})(?:-(?P<day>[0-9]{1,2}))?)?")
WORD = re.compile(r"\w+")


def search_words(text):
    """The words of a search, for the search backend: letters and digits only.

    Quotes, hyphens and operators mean something to the full-text engines
    (SQLite FTS5, PostgreSQL tsquery); passing plain words keeps any input harmless.
    """
    return " ".join(WORD.findall(text))


def default_sort(words):
    """The order of results when none is chosen: the best match first when there are words."""
    return SORT_RELEVANCE if words else SORT_NEWEST


def latest_year():
    return timezone.localdate().year + 1


class Period(NamedTuple):
    """What a date filter names: a day, a month or a year, as first and last day."""

    first: datetime.date
    last: datetime.date
    text: str  # as given, for links that keep the filter

    @classmethod
    def year(cls, year):
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), str(year))


class PeriodField(forms.CharField):
    """A date as YYYY-MM-DD, YYYY-MM or YYYY; a bare year or month means all of it."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        match = DATE_PATTERN.fullmatch(value)
        if not match:
            raise ValidationError(
                gettext(
                    "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD, for example 2023 or 2023-06-15."
                ),
                code="invalid",
            )
        year = int(match["year"])
        if not EARLIEST_YEAR <= year <= latest_year():
            raise ValidationError(
                gettext("Enter a year from %(earliest)s to %(latest)s.")
                % {"earliest": EARLIEST_YEAR, "latest": latest_year()},
                code="out_of_range",
            )
        try:
            if match["day"]:
                first = last = datetime.date(year, int(match["month"]), int(match["day"]))
            elif match["month"]:
                month = int(match["month"])
                first = datetime.date(year, month, 1)
                last = first.replace(day=calendar.monthrange(year, month)[1])
            else:
                return Period.year(year)
        except ValueError:
            raise ValidationError(
                gettext("%(date)s is not a real date.") % {"date": value}, code="invalid"
            ) from None
        return Period(first, last, value)


class SlugChoiceField(forms.MultipleChoiceField):
    """A repeatable slug parameter (?type=a&type=b): blanks and repeats are dropped."""

    def to_python(self, value):
        slugs = [slug for slug in super().to_python(value) if slug]
        return list(dict.fromkeys(slugs))


class SearchForm(forms.Form):
    """Words and a page number: the site search's parameters, and the library's too."""

    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=Q_MAX_LENGTH,
        error_messages={
            "max_length": _("Use at most %(limit_value)d characters (you used %(show_value)d).")
        },
    )
    page = forms.IntegerField(
        label=_("Page"),
        required=False,
        min_value=1,
        error_messages={
            "invalid": _("The page must be a whole number, such as 2."),
            "min_value": _("The page must be 1 or more."),
        },
    )

    # Parameters that take one value; ?page=1&page=2 is an error, not a guess.
    single_valued = ["q", "page"]

    def clean_q(self):
        q = " ".join(self.cleaned_data["q"].split())
        if q and not search_words(q):
            raise ValidationError(gettext("Search with words or numbers."), code="no_words")
        return q

    def clean(self):
        cleaned_data = super().clean()
        getlist = getattr(self.data, "getlist", None)
        for name in self.single_valued if getlist else []:
            if len(getlist(name)) > 1 and name not in self.errors:
                self.add_error(name, gettext("Give this only once."))
        return cleaned_data

    @property
    def words(self):
        """The words to search for (valid form only); empty when there are none."""
        return search_words(self.cleaned_data.get("q") or "")


class LibraryFilterForm(SearchForm):
    """The resource library's filters: types, topics, a date range, words and a sort."""

    type = SlugChoiceField(
        label=_("Type"),
        required=False,
        error_messages={"invalid_choice": _("There is no type “%(value)s”. Choose from the list.")},
    )
    topic = SlugChoiceField(
        label=_("Topic"),
        required=False,
        error_messages={
            "invalid_choice": _("There is no topic “%(value)s”. Choose from the list.")
        },
    )
    date_from = PeriodField(label=_("From"), required=False)
    date_to = PeriodField(label=_("To"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            (SORT_NEWEST, _("Newest first")),
            (SORT_OLDEST, _("Oldest first")),
            (SORT_RELEVANCE, _("Best match")),
        ],
        error_messages={"invalid_choice": _("Sort by newest, oldest or relevance.")},
    )

    single_valued = [*SearchForm.single_valued, "date_from", "date_to", "sort"]
    field_order = ["q", "type", "topic", "date_from", "date_to", "sort", "page"]

    def __init__(self, data, *, types, topics):
        """`types` and `topics`: every ResourceType and Topic, the choices, in the order
        the form lists them."""
        super().__init__(data)
        self.types = {t.slug: t for t in types}
        self.topics = {t.slug: t for t in topics}
        self.fields["type"].choices = [(t.slug, t.local_name) for t in types]
        self.fields["topic"].choices = [(t.slug, t.local_name) for t in topics]

    def clean(self):
        cleaned_data = super().clean()
        first, last = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if first and last and first.first > last.last:
            # A reversed range is read the right way round, and shown so.
            cleaned_data["date_from"], cleaned_data["date_to"] = last, first
            self.data = self.data.copy()
            self.data["date_from"], self.data["date_to"] = last.text, first.text
        return cleaned_data

    def filters(self):
        """The valid form's filters, with ResourceType and Topic objects for the slugs."""
        data = self.cleaned_data
        words = self.words
        sort = data["sort"] or default_sort(words)
        if sort == SORT_RELEVANCE and not words:
            sort = SORT_NEWEST  # nothing to rank by
        return LibraryFilters(
            q=data["q"] if words else "",
            types=tuple(self.types[slug] for slug in data["type"]),
            topics=tuple(self.topics[slug] for slug in data["topic"]),
            date_from=data["date_from"],
            date_to=data["date_to"],
            sort=sort,
            page=data["page"] or 1,
        )

    def choices(self, filters=None, type_counts=None, topic_counts=None):
        """The form's checkboxes and sort menu: with counts and the order in effect for
        valid `filters`, and as they were submitted when the form is not valid."""
        if filters is None:
            chosen_types, chosen_topics = self["type"].value(), self["topic"].value()
            sort = self["sort"].value()
            default = default_sort(search_words(self["q"].value() or ""))
        else:
            chosen_types = [t.slug for t in filters.types]
            chosen_topics = [t.slug for t in filters.topics]
            sort, default = filters.sort, filters.default_sort
        return {
            "type_facet": _facet(self.types.values(), chosen_types, type_counts),
            "topic_facet": _facet(self.topics.values(), chosen_topics, topic_counts),
            "sort_options": [
                # The default order submits no value, so that it stays the default:
                # "newest" without words becomes "best match" once words are added.
                {
                    "value": "" if value == default else value,
                    "label": label,
                    "selected": value == sort,
                }
                for value, label in self.fields["sort"].choices
            ],
        }


def _facet(choices, chosen_slugs, counts):
    """Checkboxes for types or topics, with their counts when known: {"shown": [...],
    "more": [...], "total": n}, "more" being the options behind "Show all".

    With counts, the most used come first (ties in the choices' own order), and only
    the first FACET_SHOWN are shown, with every chosen option wherever it ranks. Without
    (a form with errors), every option is shown, in the choices' own order.
    """
    options = [
        {
            "slug": choice.slug,
            "name": choice.local_name,
            "count": counts.get(choice.pk, 0) if counts is not None else None,
            "checked": choice.slug in chosen_slugs,
        }
        for choice in choices
    ]
    if counts is not None:
        options.sort(key=lambda option: -option["count"])
    if counts is None or len(options) <= FACET_SHOWN + 1:
        return {"shown": options, "more": [], "total": len(options)}
    shown = [o for n, o in enumerate(options) if n < FACET_SHOWN or o["checked"]]
    more = [o for n, o in enumerate(options) if n >= FACET_SHOWN and not o["checked"]]
    return {"shown": shown, "more": more, "total": len(options)}


class LibraryFilters(NamedTuple):
    """A valid set of library filters, and the links and words that show it."""

    q: str = ""
    types: tuple = ()
    topics: tuple = ()
    date_from: Period | None = None
    date_to: Period | None = None
    sort: str = SORT_NEWEST
    page: int = 1

    @property
    def words(self):
        return search_words(self.q)

    @property
    def default_sort(self):
        return default_sort(self.words)

    def params(self, *, page=None, keep_sort=True):
        """These filters as (name, value) pairs, in a stable order, for a query string:
        with `page` when it is past the first, and the sort unless it is the default."""
        pairs = [("q", self.q)] if self.q else []
        pairs += [("type", t.slug) for t in self.types]
        pairs += [("topic", t.slug) for t in self.topics]
        if self.date_from:
            pairs.append(("date_from", self.date_from.text))
        if self.date_to:
            pairs.append(("date_to", self.date_to.text))
        # Relevance without words means nothing (the listing falls back to newest).
        meaningful = self.sort != SORT_RELEVANCE or self.words
        if keep_sort and self.sort != self.default_sort and meaningful:
            pairs.append(("sort", self.sort))
        if page and page > 1:
            pairs.append(("page", page))
        return pairs

    @property
    def fragment_key(self):
        """Names what the filters choose of the listing's facets and timeline, the same on
        every page of these results: "?" and the query string without the page."""
        return query_string(self.params()) or "?"

    @property
    def shown_params(self):
        """The parameters of exactly what this page of results shows."""
        return self.params(page=self.page)

    @property
    def feed_params(self):
        """The parameters of these filters' feed: always newest first, so without the sort."""
        return self.params(keep_sort=False)

    def link(self, url, *, page=None, keep_sort=True, **changes):
        """`url` with these filters, changed by `changes` (`topics=()`...), on `page`."""
        filters = self._replace(**changes) if changes else self
        return url + query_string(filters.params(page=page, keep_sort=keep_sort))

    @property
    def is_indexable(self):
        """Search engines index the whole library and single-type or single-topic views only."""
        return (
            not (self.q or self.date_from or self.date_to)
            and self.sort == SORT_NEWEST
            and len(self.types) + len(self.topics) <= 1
        )

    def heading(self, title):
        """`title` ("Resources"), or "Resources: FAQs & Explainers, DACA" when filtered."""
        names = [t.local_name for t in (*self.types, *self.topics)]
        if not names:
            return title
        # Translators: a listing's title and the types and topics it is filtered by.
        return gettext("%(title)s: %(filters)s") % {"title": title, "filters": ", ".join(names)}

    def chips(self, url):
        """The active filters, each with a link to `url` without it."""
        chips = []
        if self.q:
            chips.append((gettext("Search: “%(words)s”") % {"words": self.q}, self.link(url, q="")))
        for t in self.types:
            others = tuple(other for other in self.types if other != t)
            label = gettext("Type: %(type)s") % {"type": t.local_name}
            chips.append((label, self.link(url, types=others)))
        for t in self.topics:
            others = tuple(other for other in self.topics if other != t)
            label = gettext("Topic: %(topic)s") % {"topic": t.local_name}
            chips.append((label, self.link(url, topics=others)))
        if self.date_from:
            label = gettext("From %(date)s") % {"date": self.date_from.text}
            chips.append((label, self.link(url, date_from=None)))
        if self.date_to:
            label = gettext("To %(date)s") % {"date": self.date_to.text}
            chips.append((label, self.link(url, date_to=None)))
        return [{"label": label, "url": chip_url} for label, chip_url in chips]
