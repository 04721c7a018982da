"""The library's results for one set of filters: the matching items, the facet counts, the
timeline and a page of results.

Every number on the page comes from two aggregate queries over the filtered items
(types and years in one, topics in the other), so the page costs the same handful of
queries whether the library holds fifty items or fifty thousand. The aggregates read
every matching item, so they are kept until content changes (see `counted`).
"""

from collections import Counter
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import ExtractYear

from base.cache import kept
from base.pagination import results_page

from .filters import SORT_OLDEST, SORT_RELEVANCE, Period
from .models.taxonomy import PageTopic


class LibraryListing:
    def __init__(self, request, items, filters):
        """`items`: the library's live, public items (a DatedPage queryset); `filters`:
        valid LibraryFilters."""
        self.request = request
        self.items = items
        self.filters = filters

    @cached_property
    def matches(self):
        """The pks of the items matching the search words, as a subquery; None without words.

        Wagtail's database search backend (FTS5 on SQLite, full text on PostgreSQL) runs
        the match as SQL over the queryset it is given and hands that SQL back as a
        queryset, so the match stays a subquery: the facets and the timeline aggregate
        over it in the database, one query each, however many items match.
        """
        if not self.filters.words:
            return None
        results = self.items.search(self.filters.words, operator="and", order_by_relevance=False)
        return results.get_queryset().values("pk")

    def filtered(self, *, ignore=None, search=True):
        """The items that pass every filter except `ignore` ("type" or "topic").

        OR within a parameter, AND across parameters. Topics are a many-to-many relation,
        which the search backend cannot filter on, so they are a subquery on the primary
        key, which it can: the same queryset then works with and without `.search()`.
        """
        f = self.filters
        items = self.items
        if search and self.matches is not None:
            items = items.filter(pk__in=self.matches)
        if f.types and ignore != "type":
            items = items.filter(resource_type__in=f.types)
        if f.topics and ignore != "topic":
            items = items.tagged(f.topics)
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
            results = items.search(self.filters.words, operator="and")
            # On PostgreSQL, every match's ranking kept (publications/search_backend.py).
            results.ranking_request = self.request
            return results
        order = ("date", "pk") if self.filters.sort == SORT_OLDEST else ("-date", "-pk")
        return self.filtered().order_by(*order).values_list("pk", flat=True)

    def counted(self, name, count, *, ignore):
        """`count()`, kept until content changes for these filters less the one the facet
        `ignore`s (which does not change it), so that every page, sort and feed of the
        same filters shares it. Without it, the library's two aggregates cost about 20 ms
        per page at 10,000 items, in process (bench/README.md, "library-counts")."""
        params = self.filters._replace(**{ignore: ()}).params(keep_sort=False)
        return kept(self.request, ("library-counts", name, urlencode(params)), count, chosen=True)

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

        return self.counted("type-year", count, ignore="types")

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

        return self.counted("topics", count, ignore="topics")

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

    def page(self):
        """The filters' page of results (keys); Http404 past the last page."""
        return results_page(self.results(), self.filters.page, count=self.total)

    def timeline(self, url):
        """A bar per year from the first to the last year with results, gaps included.

        Each bar with results links to `url` with the same filters narrowed to that year.
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
                    "url": self.filters.link(url, date_from=period, date_to=period)
                    if count
                    else None,
                }
            )
        return bars
