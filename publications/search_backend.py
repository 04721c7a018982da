"""Wagtail's PostgreSQL search backend, with results ranked over the search index alone.

Wagtail's query for results in order of relevance joins every page that matches to its
index entry and sorts the joined rows, whole, by rank: PostgreSQL hashes every page of
the filtered queryset, wide rows and all, to return twenty. Here the matching index
entries are ranked alone, the queryset's filters are checked for the best of them only,
and the same query fetches those pages: at 10,000 publications the library's search for
"asylum" spends 3.5 ms in PostgreSQL instead of 9.5 (15 in one process), and the gap
widens as the library grows. The match, the rank (the same expression and weights) and
the order (rank, then newest primary key first) are Wagtail's. Results given a
`ranking_request` pick their page from the ranking of every match, kept per content
generation for that request's site and language (`ranked_keys`), so that other pages
and filters of the same words rank nothing again.

Results in the queryset's own order (the library's facets, other sorts and feeds) are
the queryset's objects whose key is among the matching entries', a subquery, without
joining the index to every page. And no query selects the full-text vector that
Wagtail's compiler adds to each match (`title || body`) only so as to filter on it.

Wagtail's own queries answer autocomplete, fuzzy search, searches of named `fields`,
scores asked of results not ordered by relevance, and models whose primary key is not
an integer.

Each language is stemmed as itself: a page's entry is built with the text search
configuration of the page's language, a search of pages runs in the active language's
(LANGUAGE_CONFIGS: "asilos" finds "asilo" in Spanish, "explainers" finds "explainer" in
English); other models (documents, images, snippets) keep SEARCH_CONFIG.

Used on PostgreSQL only (settings.WAGTAILSEARCH_BACKENDS); SQLite keeps Wagtail's own.
"""

import copy
from collections import defaultdict

from django.db import ProgrammingError, connections
from django.db.models import CharField, F, IntegerField, OuterRef, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.db.models.lookups import In
from django.db.models.query import FlatValuesListIterable
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Locale, Page

from base.cache import kept

MATCHED_VECTOR = "_vector_"  # the annotation's name in Wagtail's compiler
RANK = "_rank_"
KEY = "_key_"
# IndexEntry.object_id is a varchar(50): a primary key cast the same way uses the
# indexes of migration publications.0010 on `id::varchar(50)`.
OBJECT_ID = CharField(max_length=50)
INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}


def yields_keys(queryset):
    """Whether `queryset` is `values_list("pk", flat=True)`: its results are keys."""
    return queryset._iterable_class is FlatValuesListIterable and queryset._fields == ("pk",)


def integer_key(model):
    pk = model._meta.pk
    target = getattr(pk, "target_field", pk)  # a multi-table child's key is its parent's
    return target.get_internal_type() in INTEGER_KEYS


class SearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        # The words stemmed as the active language's pages were (Index.add_items); other
        # models' entries are all in SEARCH_CONFIG.
        if issubclass(self.queryset.model, Page):
            return backend.language_config(translation.get_language())
        return backend.config

    def _apply_ordering_and_scoring(self, queryset, *args, **kwargs):
        query = queryset.query
        if MATCHED_VECTOR in query.annotations:
            queryset = queryset.all()  # a copy: the compiler's queryset stays as it was
            selected = set(queryset.query.annotation_select) - {MATCHED_VECTOR}
            queryset.query.set_annotation_mask(selected)
        return super()._apply_ordering_and_scoring(queryset, *args, **kwargs)

    def matching_entries(self, config):
        """The index entries that match, each with its rank as `_rank_` and its object's
        primary key as `_key_`; None for the searches that Wagtail's own queries answer."""
        query = self.query
        if (
            self.fields is not None
            or isinstance(query, (MatchAll, Fuzzy))
            or (isinstance(query, Not) and isinstance(query.subquery, MatchAll))
            or not integer_key(self.queryset.model)
        ):
            return None
        search_query = self.build_tsquery(query, config=config)
        # The index vectors of Wagtail's get_index_vectors(), seen from the entry.
        vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
        rank = self._build_rank_expression(vectors, config)
        return (
            IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .alias(**{MATCHED_VECTOR: F("title")._combine(F("body"), "||", False)})
            .filter(**{MATCHED_VECTOR: search_query})
            .annotate(**{RANK: rank, KEY: Cast("object_id", IntegerField())})
        )

    def object_ids(self):
        """The queryset's primary keys as index entries write them."""
        return self.queryset.order_by().annotate(**{KEY: Cast("pk", OBJECT_ID)}).values(KEY)

    def matches(self, entries):
        """The queryset's objects that `entries` index, in the queryset's order."""
        return self.queryset.filter(In(Cast("pk", OBJECT_ID), entries.values("object_id")))

    def search(self, config, start, stop, score_field=None, backend=None):
        entries = None
        if not self.order_by_relevance and score_field is None:
            entries = self.matching_entries(config)
        if entries is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # In the queryset's own order: the matches are a subquery on the primary key,
        # which aggregates (the library's facets) can count without joining the index.
        matches = self.matches(entries)
        if not matches.query.order_by:
            matches = matches.order_by("-pk")  # a stable order to slice, as Wagtail's
        return matches[start:stop]


def ranked_keys(request, entries):
    """Every matching entry's key, best first, as a PostgreSQL array ("{12,7,3}"), ranked
    once per content generation.

    Ranking costs a rank for every match: at 10,000 publications, 1,450 match "asylum",
    4 ms of PostgreSQL's CPU for each page of results and each filter added to the words
    (bench/README.md, "search-ranking"); 14,500 match at 100,000, 30 ms. The ranking kept,
    a page of results costs a look at the first keys of it until the page is full,
    whatever the size of the library. Too large for every process to keep a copy of.
    """
    matches = entries.values(RANK, KEY)
    sql, params = matches.query.get_compiler(matches.db).as_sql()

    def rank():
        with connections[matches.db].cursor() as cursor:
            cursor.execute(
                f"SELECT '{{' || COALESCE(string_agg(m.{KEY}::text, ','"  # noqa: S608
                f" ORDER BY m.{RANK} DESC, m.{KEY} DESC), '') || '}}' FROM ({sql}) m",  # nosec B608
                params,
            )
            return cursor.fetchone()[0]

    # Named by the ranking query itself: the words, the search configuration, the kinds
    # of page (kept under its hash, being long).
    name = ("search-ranking", repr((sql, params)))
    return kept(request, name, rank, chosen=True, shared_only=True)


class SearchResults(PostgresSearchResults):
    # The request to keep the ranking for, set by the caller (other backends' results
    # take the attribute and ignore it).
    ranking_request = None

    def _clone(self):
        clone = super()._clone()
        clone.ranking_request = self.ranking_request
        return clone

    def _matching_entries(self):
        compiler = self.query_compiler
        if not isinstance(compiler, SearchQueryCompiler):  # autocomplete: Wagtail's queries
            return None
        return compiler.matching_entries(compiler.get_config(self.backend))

    def _do_search(self):
        compiler = self.query_compiler
        entries = self._matching_entries()
        if entries is None or not compiler.order_by_relevance:
            return super()._do_search()
        try:
            if yields_keys(compiler.queryset) and self._score_field is None:
                # Only keys asked for (the library's cards): one query answers, from the
                # kept ranking where there is one.
                if self.ranking_request is None:
                    best = self._best_keys(entries, compiler.object_ids())
                else:
                    ranking = ranked_keys(self.ranking_request, entries)
                    best = self._best_of_ranking(ranking, compiler.queryset)
                with connections[entries.db].cursor() as cursor:
                    cursor.execute(*best)
                    return [key for (key,) in cursor.fetchall()]
            best_sql, best_params = self._best_keys(entries, compiler.object_ids())
            # Each of this page's results carries its rank again (the same expression
            # over its own entry, found by key): twenty ranks, to put the twenty in order.
            rank = entries.filter(object_id=Cast(OuterRef("pk"), OBJECT_ID)).values(RANK)[:1]
            score = self._score_field or RANK
            results = (
                compiler.queryset.filter(pk__in=RawSQL(best_sql, best_params))  # noqa: S611  # nosec B611
                .annotate(**{score: Subquery(rank)})
                .order_by(F(score).desc(), "-pk")
            )
            return list(results)
        except ProgrammingError as e:
            self._handle_missing_postgres_extension(e)

    def _best_keys(self, entries, object_ids):
        """The SQL and parameters that select the primary keys of this page of results,
        best first.

        Ranked in a subquery that PostgreSQL may not merge into the rest (OFFSET 0): it
        then sorts the matching entries, small rows of a key and a rank, and checks the
        queryset's filters for the best of them, one key at a time, until the page is
        full; merged, it would first hash every page that passes the filters. The ORM
        cannot select from a subquery, so the SQL is put together from the querysets'.
        """
        db = entries.db
        ranked = entries.values_list("object_id", RANK, KEY).order_by(F(RANK).desc(), F(KEY).desc())
        ranked_sql, ranked_params = ranked.query.get_compiler(db).as_sql()
        ids_sql, ids_params = object_ids.query.get_compiler(db).as_sql()
        limits, limit_params = self._limits()
        # Only the ORM's own SQL and constants go into the text; every value is a parameter.
        sql = (
            f"SELECT ranked.{KEY} FROM ({ranked_sql} OFFSET 0) ranked"  # noqa: S608
            f" WHERE ranked.object_id IN ({ids_sql})"
            f" ORDER BY ranked.{RANK} DESC, ranked.{KEY} DESC {limits}"  # nosec B608
        )
        return sql, (*ranked_params, *ids_params, *limit_params)

    def _best_of_ranking(self, ranking, queryset):
        """The SQL and parameters that select this page of results' keys from `ranking`
        (every match's key, best first): the queryset's filters are checked for the
        first keys, one at a time, until the page is full."""
        keys = queryset.order_by().values("pk")
        keys_sql, keys_params = keys.query.get_compiler(keys.db).as_sql()
        limits, limit_params = self._limits()
        sql = (
            "SELECT ranked.object_key"  # noqa: S608
            " FROM unnest(%s::integer[]) WITH ORDINALITY AS ranked(object_key, place)"
            f" WHERE ranked.object_key IN ({keys_sql}) ORDER BY ranked.place {limits}"  # nosec B608
        )
        return sql, (ranking, *keys_params, *limit_params)

    def _limits(self):
        limits, params = [], []
        if self.stop is not None:
            limits.append("LIMIT %s")
            params.append(self.stop - self.start)
        if self.start:
            limits.append("OFFSET %s")
            params.append(self.start)
        return " ".join(limits), params

    def _do_count(self):
        entries = self._matching_entries()
        if entries is None:
            return super()._do_count()
        try:
            return self.query_compiler.matches(entries).count()
        except ProgrammingError as e:
            self._handle_missing_postgres_extension(e)


class Index(PostgresIndex):
    def add_items(self, model, objs):
        """Index pages each in its language's configuration.

        Wagtail's indexer takes the configuration from the backend, so each language's
        pages are indexed by Wagtail's own `add_items` with a copy of the backend set to
        that language's. One backend, choosing per entry: two backends of different
        configurations would share the one index table, and overwrite each other's entries.
        """
        if not issubclass(model, Page):
            super().add_items(model, objs)
            return
        objs = list(objs)
        locales = Locale.objects.filter(pk__in={obj.locale_id for obj in objs})
        languages = dict(locales.values_list("pk", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.language_config(languages.get(obj.locale_id))].append(obj)
        for config, pages in by_config.items():
            backend = copy.copy(self.backend)
            backend.config = config
            PostgresIndex(backend).add_items(model, pages)


class SearchBackend(PostgresSearchBackend):
    query_compiler_class = SearchQueryCompiler
    results_class = SearchResults
    index_class = Index

    def __init__(self, params):
        super().__init__(params)
        # {language code: PostgreSQL text search configuration} for pages.
        self.language_configs = params.get("LANGUAGE_CONFIGS", {})

    def language_config(self, language):
        """The configuration of `language` ("es": "spanish"); SEARCH_CONFIG for a language
        without one, or none."""
        return self.language_configs.get(language, self.config)
