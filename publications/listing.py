"""The library's listing for one request: filtered results, facet counts, timeline and links.

Every number on the page comes from two aggregate queries over the filtered items
(types and years in one, topics in the other), so the page costs the same handful
of queries whether the library holds fifty items or fifty thousand.
"""

from collections import Counter
from functools import cached_property
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import Http404

from .content_cache import remember
from .forms import SORT_NEWEST, SORT_OLDEST, SORT_RELEVANCE, Period, search_words
from .models.taxonomy import PageTopic

PAGE_SIZE = 20


class LibraryListing:
    def __init__(self, items, filters, *, url="", feed_url="", cache_name=None):
        """`items`: the library's live, public items (a DatedPage queryset);
        `filters`: valid LibraryFilters; `url`, `feed_url`: where links point;
        `cache_name`: names these items in the shared cache, which then keeps the facet
        counts until content changes (None: counted on every request)."""
        self.items = items
        self.filters = filters
        self.url = url
        self.feed_url = feed_url
        self.cache_name = cache_name

    # Queries

    @cached_property
    def matches(self):
        """The pks of the items matching the search words, as a subquery; None without words.

        Wagtail's database search backend (FTS5 on SQLite, full text on PostgreSQL)
        runs the match as SQL over the queryset it is given and hands that SQL back
        as a queryset, so the match stays a subquery: the facets and the timeline
        aggregate over it in the database, one query each, however many items match.
        """
        if not self.filters.words:
            return None
        results = self.items.search(self.filters.words, operator="and", order_by_relevance=False)
        return results.get_queryset().values("pk")

    def filtered(self, *, ignore=None, search=True):
        """The items that pass every filter except `ignore` ("type" or "topic").

        OR within a parameter, AND across parameters. Topics are a many-to-many
        relation, which the search backend cannot filter on, so they are applied as
        a subquery on the primary key, which it can: the same queryset then works
        with and without `.search()`.
        """
        f = self.filters
        items = self.items
        if search and self.matches is not None:
            items = items.filter(pk__in=self.matches)
        if f.types and ignore != "type":
            items = items.filter(resource_type__in=f.types)
        if f.topics and ignore != "topic":
            tagged = PageTopic.objects.filter(tag__in=f.topics).values("content_object")
            items = items.filter(pk__in=tagged)
        if f.date_from:
            items = items.filter(date__gte=f.date_from.first)
        if f.date_to:
            items = items.filter(date__lte=f.date_to.last)
        return items

    def results(self):
        """The primary keys of the filtered items, in the chosen order.

        Keys, not items: the cards of most are kept rendered (the item_cards tag), and
        building twenty page objects costs more than the query that finds them.
        """
        if self.filters.sort == SORT_RELEVANCE:
            # Filter first, then let the search backend rank what remains.
            items = self.filtered(search=False).values_list("pk", flat=True)
            return items.search(self.filters.words, operator="and")
        order = ("date", "pk") if self.filters.sort == SORT_OLDEST else ("-date", "-pk")
        return self.filtered().order_by(*order).values_list("pk", flat=True)

    @cached_property
    def counts_by_type_and_year(self):
        """{(ResourceType pk, year): count} for the items that pass every filter but type.

        One query gives both the type facet (which ignores the type filter) and the
        timeline (the chosen types' rows only).
        """

        def count():
            rows = (
                self.filtered(ignore="type")
                .order_by()
                .annotate(year=ExtractYear("date"))
                .values("resource_type", "year")
                .annotate(count=Count("pk"))
            )
            return {(row["resource_type"], row["year"]): row["count"] for row in rows}

        return self.remembered("type-year", count, ignore="types")

    @cached_property
    def type_counts(self):
        """{ResourceType pk: number of results if that type were the one chosen}."""
        counts = Counter()
        for (type_pk, _), count in self.counts_by_type_and_year.items():
            counts[type_pk] += count
        return counts

    @cached_property
    def topic_counts(self):
        """{Topic pk: number of results if that topic were the one chosen}."""

        def count():
            items = self.filtered(ignore="topic").values("pk")
            rows = (
                PageTopic.objects.filter(content_object__in=items)
                .order_by()
                .values("tag")
                .annotate(count=Count("pk"))
            )
            return {row["tag"]: row["count"] for row in rows}

        return self.remembered("topics", count, ignore="topics")

    def remembered(self, name, count, *, ignore):
        """`count()`, kept per content generation for these filters, less the one that
        the facet `ignore`s (which therefore do not change it): the aggregates read
        every matching item, and pages, sorts and feeds of the same filters share them."""
        if self.cache_name is None:
            return count()
        params = urlencode(self.filters._replace(**{ignore: ()}).params(keep_sort=False))
        return remember(f"{self.cache_name}:{name}:{params}", count)

    @cached_property
    def year_counts(self):
        """[(year, number of results)], oldest first, for years with results."""
        chosen = {t.pk for t in self.filters.types}
        counts = Counter()
        for (type_pk, year), count in self.counts_by_type_and_year.items():
            if not chosen or type_pk in chosen:
                counts[year] += count
        return sorted(counts.items())

    @cached_property
    def total(self):
        # Every item has a date, so the years add up to the number of results.
        return sum(count for _, count in self.year_counts)

    def page(self, number):
        """One page of results; Http404 past the last page."""
        paginator = Paginator(self.results(), PAGE_SIZE)
        paginator.count = self.total  # known already: no second COUNT query
        try:
            return paginator.page(number or 1)
        except EmptyPage:
            raise Http404("There is no such page of results.") from None

    # Links: each keeps every filter, in a stable order.

    def link(self, filters=None, *, page=None, keep_sort=True):
        params = (filters or self.filters).params(page=page, keep_sort=keep_sort)
        return self.url + query_string(params)

    def fragment_name(self, part):
        """A name for `part` of the page ("facets", "timeline") as these filters show it,
        for {% remembered %}: the same on every page of these results ("" without a cache)."""
        if self.cache_name is None:
            return ""
        return f"{self.cache_name}:{part}:{self.link()}"

    def pagination(self, page):
        return pagination(page, lambda number: self.link(page=number))

    def chips(self):
        """The active filters, each with a link that removes it."""
        f = self.filters
        chips = []
        if f.q:
            chips.append((f"Search: “{f.q}”", self.link(f._replace(q=""))))
        for t in f.types:
            others = tuple(other for other in f.types if other != t)
            chips.append((f"Type: {t.name}", self.link(f._replace(types=others))))
        for t in f.topics:
            others = tuple(other for other in f.topics if other != t)
            chips.append((f"Topic: {t.name}", self.link(f._replace(topics=others))))
        if f.date_from:
            chips.append((f"From {f.date_from.text}", self.link(f._replace(date_from=None))))
        if f.date_to:
            chips.append((f"To {f.date_to.text}", self.link(f._replace(date_to=None))))
        return [{"label": label, "url": url} for label, url in chips]

    def timeline(self):
        """A bar per year from the first to the last year with results, gaps included.

        Each bar with results links to the same filters narrowed to that year.
        """
        if not self.year_counts:
            return []
        counts = dict(self.year_counts)
        tallest = max(counts.values())
        bars = []
        for year in range(self.year_counts[0][0], self.year_counts[-1][0] + 1):
            count = counts.get(year, 0)
            period = Period.year(year)
            bars.append(
                {
                    "year": year,
                    "count": count,
                    # Height in tenths of the tallest, drawn by a CSS class (the
                    # Content-Security-Policy refuses inline styles); a bar with
                    # results stays visible, however small its share.
                    "tenths": max(round(10 * count / tallest), 1) if count else 0,
                    "url": self.link(self.filters._replace(date_from=period, date_to=period))
                    if count
                    else None,
                }
            )
        return bars

    def feed_link(self):
        """The feed of these filters (always newest first, so without the sort)."""
        return self.feed_url + query_string(self.filters.params(keep_sort=False))


def pagination(page, url_for):
    """Links to the previous and next pages and the elided page range; `url_for(number)`."""
    paginator = page.paginator
    numbers = paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {
        "previous": url_for(page.number - 1) if page.has_previous() else None,
        "next": url_for(page.number + 1) if page.has_next() else None,
        "links": [
            {"ellipsis": True}
            if number == paginator.ELLIPSIS
            else {"number": number, "url": url_for(number), "current": number == page.number}
            for number in numbers
        ],
    }


def query_string(params):
    return f"?{urlencode(params)}" if params else ""


def form_choices(form, listing=None):
    """The form's checkboxes and sort menu: with counts and the order in effect when the
    filters are valid (`listing`), and as they were submitted when they are not."""
    if listing is None:
        chosen_types, chosen_topics = form["type"].value(), form["topic"].value()
        type_counts = topic_counts = None
        sort = form["sort"].value()
        default_sort = SORT_RELEVANCE if search_words(form["q"].value() or "") else SORT_NEWEST
    else:
        filters = listing.filters
        chosen_types = [t.slug for t in filters.types]
        chosen_topics = [t.slug for t in filters.topics]
        type_counts, topic_counts = listing.type_counts, listing.topic_counts
        sort, default_sort = filters.sort, filters.default_sort
    return {
        "type_options": options(form.types.values(), chosen_types, type_counts),
        "topic_options": options(form.topics.values(), chosen_topics, topic_counts),
        "sort_options": [
            # The default order submits no value, so that it stays the default:
            # "newest" without words becomes "best match" once words are added.
            {
                "value": "" if value == default_sort else value,
                "label": label,
                "selected": value == sort,
            }
            for value, label in form.fields["sort"].choices
        ],
    }


def options(choices, chosen_slugs, counts):
    """Checkboxes for types or topics, with their counts when known."""
    return [
        {
            "slug": choice.slug,
            "name": choice.name,
            "count": counts.get(choice.pk, 0) if counts is not None else None,
            "checked": choice.slug in chosen_slugs,
        }
        for choice in choices
    ]
