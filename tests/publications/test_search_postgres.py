"""Words on PostgreSQL: full-text search with English stemming, in the library and site-wide."""

import pytest

from tests.factories import PublicationPageFactory, resource_type

from .library import titles

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
