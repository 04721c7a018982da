"""Words on PostgreSQL: full-text search with English stemming, in the library and site-wide."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import PublicationPageFactory, resource_type

from .library import soup, titles

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def library(index):
    PublicationPageFactory(
        parent=index,
        title="Community explainer on the public charge rule",
        summary="Who is affected when applying for benefits.",
    )
    PublicationPageFactory(
        parent=index,
        title="Renewing DACA",
        resource_type=resource_type("public-comments"),
        summary="Our comment about renewal fees.",
    )
    PublicationPageFactory(
        parent=index,
        title="Asylum",
        resource_type=resource_type("practice-advisories"),
        summary="Nothing about the others.",
    )
    return index


@pytest.mark.parametrize(
    "words, expected",
    [
        ("explainers", ["Community explainer on the public charge rule"]),
        ("charges", ["Community explainer on the public charge rule"]),
        ("applied benefit", ["Community explainer on the public charge rule"]),
        ("renewals", ["Renewing DACA"]),
        ("commenting", ["Renewing DACA"]),
    ],
)
def test_the_library_finds_other_forms_of_a_word(client, library, words, expected):
    assert titles(client.get("/resources/", {"q": words})) == expected


def test_stemming_works_with_filters_and_facets(client, library):
    response = client.get("/resources/", {"q": "renewals", "type": "public-comments"})

    assert titles(response) == ["Renewing DACA"]
    assert "(1<span" in response.content.decode()


def test_site_search_finds_other_forms_of_a_word(client, library):
    response = client.get("/search/", {"q": "explainers"})

    assert "Community explainer on the public charge rule" in response.content.decode()


def test_the_search_configuration_is_english(settings):
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "english"


def test_the_search_index_has_a_gin_index_for_title_and_body(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["publications_indexentry_title_body_gin"],
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (((title || body)))" in definition


GIN_INDEX = "publications_indexentry_title_body_gin"
# Wagtail joins index entries to pages on `object_id = (page id)::varchar(50)`.
JOIN_INDEXES = {
    "publications_datedpage_id_varchar": "publications_datedpage",
    "publications_page_id_varchar": "wagtailcore_page",
}


def test_new_entries_go_straight_into_the_title_and_body_index(db):
    # In GIN's pending list (fastupdate, the default), entries loaded in bulk made the
    # planner read the whole search index until the next VACUUM.
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [GIN_INDEX])
        (options,) = cursor.fetchone()
    assert options == ["fastupdate=off"]


def test_pages_have_an_index_on_the_id_as_the_search_backend_casts_it(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
            [list(JOIN_INDEXES)],
        )
        rows = cursor.fetchall()
    assert {name: table for name, table, _ in rows} == JOIN_INDEXES
    assert all("::character varying(50)))" in definition for _, _, definition in rows)


@pytest.fixture
def large_library(index):
    call_command("generate_publications", count=500, stdout=io.StringIO(), stderr=io.StringIO())
    for title in ("Sanctuary policies", "Sanctuary policies in Texas", "County jails"):
        PublicationPageFactory(parent=index, title=title, summary="A policy brief.")
    # Tests run in a transaction, where generate_publications can only ANALYZE.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE publications_datedpage, wagtailcore_page, wagtailsearch_indexentry")
    return index


def test_results_do_not_carry_the_text_they_matched(client, library):
    # Wagtail's compiler filters on each entry's whole title-and-body vector; selected,
    # it would be built, sorted and sent for every match (publications/search_backend.py).
    for path in ("/resources/", "/search/"):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path, {"q": "explainers"}).status_code == 200
        searches = [q["sql"] for q in captured if "wagtailsearch_indexentry" in q["sql"]]
        assert searches
        for sql in searches:
            select = sql.split(" FROM ", 1)[0]
            assert "wagtailsearch_indexentry" not in select, sql


def test_the_best_match_still_comes_first(client, large_library):
    PublicationPageFactory(
        parent=large_library, title="Jails", summary="Sanctuary policies and county jails."
    )

    assert titles(client.get("/resources/", {"q": "sanctuary policies"})) == [
        "Sanctuary policies",
        "Sanctuary policies in Texas",
        "Jails",
    ]
    site = soup(client.get("/search/", {"q": "sanctuary policies"}))
    assert [h.get_text(strip=True) for h in site.select(".result-title")] == [
        "Sanctuary policies",
        "Sanctuary policies in Texas",
        "Jails",
    ]


# Outside a test's transaction, as when run from the command line: VACUUM can run.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_generated_library_is_left_vacuumed_as_autovacuum_would(index):
    call_command("generate_publications", count=50, stdout=io.StringIO(), stderr=io.StringIO())

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relpages, relallvisible FROM pg_class WHERE relname = ANY(%s)",
            [["wagtailsearch_indexentry", "publications_datedpage", "wagtailcore_page"]],
        )
        tables = cursor.fetchall()
    # Only VACUUM marks pages all-visible, which index scans and the planner rely on.
    assert len(tables) == 3
    assert all(0 < visible == pages for _, pages, visible in tables), tables


@pytest.fixture
def wagtails_backend(settings):
    """Wagtail's own PostgreSQL search backend, as the site's settings configure it."""
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    params = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    params.pop("BACKEND")
    return PostgresSearchBackend(params)


def ranked(results, *slices):
    return [[(page.pk, page.title) for page in results[s]] for s in slices]


PAGES = (slice(0, 20), slice(20, 40), slice(7, 13), slice(None, 5))


@pytest.mark.parametrize("words", ["asylum", "removal defense", "daca renewal", "court"])
def test_results_come_in_the_order_wagtails_own_query_gives(
    large_library, wagtails_backend, settings, words
):
    from wagtail.models import Page

    from publications.models import DatedPage

    # A page that is not live must not be found, nor shift the order of those that are.
    unpublished = DatedPage.objects.in_language("en").live().search(words)[0]
    unpublished.unpublish()
    library = (
        DatedPage.objects.in_language("en")
        .live()
        .descendant_of(large_library)
        .select_related("resource_type")
    )
    querysets = [
        library,
        library.filter(resource_type=resource_type("practice-advisories")),
        Page.objects.live().specific().defer_streamfields(),
    ]
    for queryset in querysets:
        ours = queryset.search(words, operator="and")
        wagtails = wagtails_backend.search(words, queryset, operator="and")

        assert ours.count() == wagtails.count() > 0
        assert ranked(ours, *PAGES) == ranked(wagtails, *PAGES)
        assert unpublished.pk not in [page.pk for page in ours[:1000]]
        # In the queryset's own order, as the library's other sorts and facets use it.
        ours = queryset.order_by("path")
        ours = ours.search(words, operator="and", order_by_relevance=False)
        wagtails = wagtails_backend.search(
            words, queryset.order_by("path"), order_by_relevance=False
        )
        assert ours.count() == wagtails.count()
        assert ranked(ours, *PAGES) == ranked(wagtails, *PAGES)
    # Only the keys, as the library's page of results asks for them: picked from a
    # ranking kept in the shared cache for the request, or ranked and checked in one
    # query without it.
    for ranking_request in (RequestFactory().get("/"), None):
        for queryset in querysets[:2]:
            keys = queryset.values_list("pk", flat=True).search(words, operator="and")
            keys.ranking_request = ranking_request
            wagtails = wagtails_backend.search(words, queryset, operator="and")
            assert [list(keys[s]) for s in PAGES] == [[p.pk for p in wagtails[s]] for s in PAGES]
    # The ranks themselves, where a caller asks for them.
    ours = library.search(words, operator="and").annotate_score("score")
    wagtails = wagtails_backend.search(words, library, operator="and").annotate_score("score")
    assert [(p.pk, p.score) for p in ours[:20]] == [(p.pk, p.score) for p in wagtails[:20]]


def ranking_queries(client, data):
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/resources/", data).status_code == 200
    return [q["sql"] for q in captured if "ts_rank" in q["sql"]]


def test_the_matches_are_ranked_once_for_every_page_and_filter(client, large_library):
    client.get("/resources/")  # creates the site's settings, which moves the content on
    # The first page of results ranks every match, over the search index alone.
    (ranking,) = ranking_queries(client, {"q": "asylum", "page": 2})
    assert "wagtailcore_page" not in ranking
    # Other pages of the same words, and the same words with filters, pick their
    # results from the ranking kept for the current content (base/cache.py).
    assert ranking_queries(client, {"q": "asylum", "page": 3}) == []
    assert ranking_queries(client, {"q": "asylum", "type": "practice-advisories"}) == []
    # Content published, a new ranking.
    draft = PublicationPageFactory(parent=large_library, title="Asylum", live=False)
    draft.save_revision().publish()
    assert len(ranking_queries(client, {"q": "asylum", "page": 3})) == 1
    assert titles(client.get("/resources/", {"q": "asylum"}))[0] == "Asylum"


def test_without_a_shared_cache_each_page_of_results_is_ranked_in_one_query(
    client, large_library, settings
):
    settings.CONTENT_CACHE = False
    # Nothing is kept: each page of results is ranked by its own single query, and the
    # pages follow one another without a repeat.
    assert len(ranking_queries(client, {"q": "asylum", "page": 2})) == 1
    assert len(ranking_queries(client, {"q": "asylum", "page": 2})) == 1
    first = titles(client.get("/resources/", {"q": "asylum"}))
    second = titles(client.get("/resources/", {"q": "asylum", "page": 2}))
    assert len(first) == len(second) == 20
    assert not set(first) & set(second)


def test_editors_search_pages_and_images_in_the_admin(admin_client, library):
    from django.urls import reverse

    from tests.factories import ImageFactory

    ImageFactory(title="Asylum clinic waiting room")
    pages = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "explain"})
    images = admin_client.get(reverse("wagtailimages:index"), {"q": "clinic"})

    assert pages.status_code == images.status_code == 200
    assert "Community explainer on the public charge rule" in pages.content.decode()
    assert "Asylum clinic waiting room" in images.content.decode()
