"""Wagtail's PostgreSQL search backend, with results that do not carry the matched text.

Wagtail's query compiler annotates each result with the full-text vector it matched
(`title || body` of the page's index entry) so as to filter on it, and Django selects
every annotation: PostgreSQL then builds that vector for every match, sorts it with
them and sends it with every result. Filtering needs it; the results never do. At
10,000 publications that is 2 of the 6 ms of site search's query for "asylum".

Used on PostgreSQL only (settings.WAGTAILSEARCH_BACKENDS); SQLite keeps Wagtail's own.
"""

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

MATCHED_VECTOR = "_vector_"  # the annotation's name in Wagtail's compiler


class SearchQueryCompiler(PostgresSearchQueryCompiler):
    def _apply_ordering_and_scoring(self, queryset, *args, **kwargs):
        query = queryset.query
        if MATCHED_VECTOR in query.annotations:
            queryset = queryset.all()  # a copy: the compiler's queryset stays as it was
            selected = set(queryset.query.annotation_select) - {MATCHED_VECTOR}
            queryset.query.set_annotation_mask(selected)
        return super()._apply_ordering_and_scoring(queryset, *args, **kwargs)


class SearchBackend(PostgresSearchBackend):
    query_compiler_class = SearchQueryCompiler
