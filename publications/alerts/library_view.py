"""The view of the library an alert follows: its filters checked exactly as the library
checks them, kept as one canonical query string, and described in words."""

from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext

from publications.filters import LibraryFilterForm
from publications.models import Alert, PublicationIndexPage


def canonical_query(data, types, topics):
    """(form, query): the library's filter form for `data` (a QueryDict), and the view's
    filters as a query string without "?", the page or the sort ("" for the whole
    library), or None when the form is not valid. Two spellings of the same view
    (`?type=a&type=a&page=2`, `?type=a`) give the same query, so one alert each."""
    form = LibraryFilterForm(data, types=types, topics=topics)
    if not form.is_valid():
        return form, None
    query = urlencode(form.filters().feed_params)
    if len(query) > Alert._meta.get_field("query").max_length:
        form.add_error(None, gettext("An alert can follow fewer filters: remove some."))
        return form, None
    return form, query


def filters_of(query, types, topics):
    """The LibraryFilters of a stored query, or None when they are no longer valid (a
    type or topic it names was removed since)."""
    form = LibraryFilterForm(QueryDict(query), types=types, topics=topics)
    return form.filters() if form.is_valid() else None


def library_page(language=None):
    """The live library in `language` (the active one by default), or None."""
    return PublicationIndexPage.objects.live().in_language(language).first()


def describe(filters, title):
    """The view in words, in the active language: the library's heading ("Resources:
    FAQs & Explainers, DACA"), and its search words and dates when it has any."""
    details = []
    if filters.q:
        details.append(gettext("Search: “%(words)s”") % {"words": filters.q})
    if filters.date_from:
        details.append(gettext("From %(date)s") % {"date": filters.date_from.text})
    if filters.date_to:
        details.append(gettext("To %(date)s") % {"date": filters.date_to.text})
    heading = filters.heading(title)
    if not details:
        return heading
    # Translators: a library view's title and types and topics, then its words and dates.
    return gettext("%(heading)s (%(details)s)") % {
        "heading": heading,
        "details": ", ".join(details),
    }


def view_url(library, query):
    """The absolute address of the library view `query`, on `library` (a page)."""
    return library.get_full_url() + (f"?{query}" if query else "")
