"""Words in each language: each language's search lists only that language's pages and,
on PostgreSQL, a Spanish page is indexed and searched with Spanish stemming, an English
one with English stemming (publications/search_backend.py)."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.index import insert_or_update_object

from base.demo import publish
from ilrc_site.models import StandardPage
from tests.factories import DocumentFactory, PublicationPageFactory

from .library import soup, titles

pytestmark = pytest.mark.django_db
postgres = pytest.mark.postgres

ENGLISH = "Asylum explainer"
SPANISH = "Explainer sobre el asilo"


def translated(page, locale, **fields):
    """`page` translated into `locale` as a translator would: copied, changed, published."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def pages(home, index, spanish):
    """An English publication and its Spanish translation, in each language's library,
    and a Spanish page of the site that is not in the library. Both publications say
    "DACA" and "explainer", so that only the language tells them apart."""
    translated(home, spanish)
    translated(index, spanish, title="Recursos")
    english = PublicationPageFactory(
        parent=index,
        title=ENGLISH,
        summary="What DACA recipients should know before applying for asylum.",
    )
    translated(
        english,
        spanish,
        title=SPANISH,
        summary="Qué deben saber los beneficiarios de DACA antes de presentar una "
        "solicitud de asilo o una petición.",
    )
    return english


def site_results(client, path, words):
    response = client.get(path, {"q": words})
    assert response.status_code == 200
    return [h.get_text(strip=True) for h in soup(response).select(".result-title")]


def test_each_language_searches_its_own_pages_only(client, pages):
    # Both publications say "DACA".
    assert site_results(client, "/es/search/", "DACA") == [SPANISH]
    assert site_results(client, "/search/", "DACA") == [ENGLISH]
    for sort in ("relevance", "newest"):
        assert titles(client.get("/es/resources/", {"q": "DACA", "sort": sort})) == [SPANISH]
        assert titles(client.get("/resources/", {"q": "DACA", "sort": sort})) == [ENGLISH]


@postgres
@pytest.mark.parametrize(
    "words",
    [
        "asilos",  # "asilo"
        "solicitudes",  # "solicitud"
        "peticiones",  # "petición": only Spanish stemming drops the accent
    ],
)
def test_the_spanish_search_finds_other_forms_of_spanish_words(client, pages, words):
    assert site_results(client, "/es/search/", words) == [SPANISH]
    assert titles(client.get("/es/resources/", {"q": words})) == [SPANISH]
    # Ordered by date rather than by relevance: another query.
    assert titles(client.get("/es/resources/", {"q": words, "sort": "newest"})) == [SPANISH]


@postgres
@pytest.mark.parametrize(
    "words",
    [
        "explainers",  # "explainer", which the Spanish page says too
        "applied",  # "applying"
    ],
)
def test_the_english_search_keeps_english_stemming_and_english_pages(client, pages, words):
    assert site_results(client, "/search/", words) == [ENGLISH]
    assert titles(client.get("/resources/", {"q": words})) == [ENGLISH]
    assert titles(client.get("/resources/", {"q": words, "sort": "newest"})) == [ENGLISH]


@postgres
def test_pages_outside_the_library_are_stemmed_by_language_too(client, home, spanish):
    spanish_home = translated(home, spanish)
    spanish_home.add_child(
        instance=StandardPage(title="Peticiones", slug="peticiones", intro="Cómo presentarlas.")
    )

    # English stemming would keep the accent of "petición", and miss.
    assert site_results(client, "/es/search/", "petición") == ["Peticiones"]


def entry_vectors(obj):
    """The lexemes of an object's search index entry, as PostgreSQL stored them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title::text || ' ' || body::text FROM wagtailsearch_indexentry"
            " WHERE object_id = %s AND content_type_id = %s",
            [str(obj.pk), ContentType.objects.get_for_model(obj).pk],
        )
        (vector,) = cursor.fetchone()
    return vector


def spanish_of(page, spanish):
    return page.get_translation(spanish).specific


@postgres
def test_each_language_entry_keeps_its_own_configuration(pages, spanish):
    spanish_page = spanish_of(pages, spanish)

    # "asilo" stemmed as Spanish ('asil'), "asylum" as English (itself).
    assert "'asil'" in entry_vectors(spanish_page)
    assert "'asilo'" not in entry_vectors(spanish_page)
    assert "'explain'" in entry_vectors(pages)


@postgres
def test_indexing_the_english_page_leaves_the_spanish_entry_alone(settings, pages, spanish):
    # Two backends over the one index table, one per configuration, would each write
    # every page's entry: whichever indexed a page last would win. The one backend writes
    # each entry in its page's language, however often and by whatever path it indexes.
    assert list(settings.WAGTAILSEARCH_BACKENDS) == ["default"]
    spanish_page = spanish_of(pages, spanish)
    before = entry_vectors(spanish_page)

    publish(pages)  # re-indexed on publishing
    insert_or_update_object(pages)  # by every backend
    insert_or_update_object(spanish_page)
    call_command("update_index", stdout=io.StringIO())

    assert entry_vectors(spanish_page) == before
    assert "'appli'" in entry_vectors(pages)  # "applying", stemmed as English


@postgres
def test_indexing_both_languages_together_gives_each_its_configuration(pages, spanish):
    # `manage.py update_index` indexes a model's pages in batches of every language.
    spanish_page = spanish_of(pages, spanish)
    model = type(pages)
    get_search_backend().add_bulk(model, model.objects.filter(pk__in=[pages.pk, spanish_page.pk]))

    assert "'asil'" in entry_vectors(spanish_page)
    assert "'explain'" in entry_vectors(pages)


@postgres
def test_search_configurations_are_settings(settings):
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert backend["SEARCH_CONFIG"] == "english"
    assert backend["LANGUAGE_CONFIGS"] == {"en": "english", "es": "spanish"}


@postgres
def test_documents_keep_the_default_configuration(spanish):
    document = DocumentFactory(title="Applications for asylum")
    insert_or_update_object(document)

    assert "'applic'" in entry_vectors(document)  # stemmed as English
    with translation.override("es"):
        assert list(get_document_model().objects.search("application")) == [document]
