"""The interface around the content speaks the page's language: every interface text has
its Spanish in locale/es/LC_MESSAGES/django.po, Spanish pages show none of them in English
(not even a 404 or a filter's error message), and English pages are as they were."""

import datetime
import os
import re
from collections import Counter
from xml.etree import ElementTree

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from ilrc_site.demo.home import load_home
from publications.models import PolicyExample, ResourceType
from tests.factories import (
    DocumentFactory,
    PolicyResourcePageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResourceTypeFactory,
    StoryPageFactory,
    TopicFactory,
    TopicPageFactory,
    resource_type,
)

CATALOGUE = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
TAG = re.compile(r"<[^>]+>")
# Attributes whose words visitors meet (read aloud, shown on hover or by the copy script).
READ_ATTRIBUTES = ["aria-label", "placeholder", "title", "data-copied", "data-copy-failed"]
PUBLICATION_COUNT = 21  # a page of results and one more
# The library lists them, the story and the policy resource.
LIBRARY_COUNT = PUBLICATION_COUNT + 2
# The content is in Spanish too, types included: "Stories" is a type's name as well as
# an interface text.
SPANISH_TYPE_NAMES = {
    "toolkits-reports": "Guías prácticas e informes",
    "faqs-explainers": "Preguntas frecuentes y explicaciones",
    "stories": "Historias",
}


def catalogue():
    return polib.pofile(str(CATALOGUE))


# The catalogue


def test_the_catalogue_translates_every_interface_text():
    po = catalogue()

    assert po.metadata["Language"] == "es"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert not po.metadata_is_fuzzy
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []
    assert len(po) > 100


def translations_of(entry):
    """(English, Spanish) pairs of an entry: one, or each plural form with its English."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [
        (entry.msgid if form == 0 else entry.msgid_plural, text)
        for form, text in sorted(entry.msgstr_plural.items())
    ]


def test_translations_keep_every_placeholder_and_tag():
    mismatched = []
    for entry in catalogue():
        english_placeholders = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        for english, spanish in translations_of(entry):
            if set(PLACEHOLDER.findall(spanish)) != english_placeholders or Counter(
                TAG.findall(spanish)
            ) != Counter(TAG.findall(english)):
                mismatched.append((english, spanish))

    assert mismatched == []


def test_the_compiled_catalogue_is_current():
    # Django reads the .mo file, which `make messages` compiles (it is not committed).
    assert COMPILED.exists(), "run `make messages`"
    assert os.path.getmtime(COMPILED) >= os.path.getmtime(CATALOGUE), "run `make messages`"


# Pages in both languages


def spanish():
    return Locale.objects.get(language_code="es")


def in_spanish(page, **fields):
    """The page's Spanish translation, with `fields` in Spanish, published."""
    copy = page.copy_for_translation(spanish())
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def policy_example(area, jurisdiction, year, text):
    return PolicyExample(
        area=area,
        jurisdiction=jurisdiction,
        year=year,
        text=text,
        source_title="Ordenanza local",
        source_url="https://example.org/ordenanza",
    )


@pytest.fixture(scope="module")
def _site_built(django_db_setup, django_db_blocker):
    """An English site and its Spanish translation with every kind of page, built once for
    the module in a transaction rolled back after its last test."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_site()
        transaction.set_rollback(True)


def build_site():
    home = load_home()
    explainers = resource_type("faqs-explainers")
    empty_type = ResourceTypeFactory(name="Webinars", name_translations={"es": "Seminarios web"})
    youth = TopicFactory(name="Immigrant Youth", name_translations={"es": "Jóvenes inmigrantes"})
    library = PublicationIndexPageFactory(parent=home)
    publications = [
        PublicationPageFactory(
            parent=library,
            date=datetime.date(2020 + number % 4, 5, 1),
            resource_type=explainers,
            topics=[youth],
        )
        for number in range(PUBLICATION_COUNT)
    ]
    detailed = publications[-1]
    detailed.authors = "Ana Ruiz"
    detailed.last_updated = datetime.date(2024, 1, 15)
    detailed.downloads.add(
        detailed.downloads.model(document=DocumentFactory(title="Guía en PDF"), language="es")
    )
    detailed.save_revision().publish()
    topic_page = TopicPageFactory(parent=home, topic=youth, popular=[publications[0]])
    programs = ProgramIndexPageFactory(parent=home)
    program = ProgramPageFactory(
        parent=programs,
        acronym="RJI",
        website="https://example.org/rji",
        topics=[youth],
        partners=[("Coalición Uno", "https://example.org/coalicion")],
    )
    story = StoryPageFactory(parent=program, topics=[youth])
    policy = PolicyResourcePageFactory(
        parent=home,
        examples=[
            policy_example(
                "detainers",
                "Condado de Santa Clara, California",
                2011,
                "<p>El condado no atenderá solicitudes civiles de retención.</p>",
            ),
            policy_example(
                "data-sharing", "Estado de Nueva York", 2019, "<p>Sin datos para ICE.</p>"
            ),
        ],
    )

    for kind in ResourceType.objects.all():
        kind.name_translations = {"es": SPANISH_TYPE_NAMES.get(kind.slug, f"Tipo {kind.pk}")}
        kind.save()

    es_home = in_spanish(
        home,
        title="Inicio",
        hero_heading="Centro de recursos legales para inmigrantes",
        hero_tagline="Trabajamos con las comunidades inmigrantes y con quienes las defienden.",
        search_description="",
        programs_heading="Proyectos y redes",
        latest_heading="Novedades",
    )
    es_library = in_spanish(library, title="Recursos")
    for number, publication in enumerate(publications):
        in_spanish(
            publication,
            title=f"Guía número {number}",
            summary=f"Resumen de la guía número {number}.",
        )
    es_topic_page = in_spanish(
        topic_page, title="Jóvenes inmigrantes", intro="Recursos para jóvenes inmigrantes."
    )
    es_programs = in_spanish(programs, title="Proyectos y redes", intro="Nuestros programas.")
    es_program = in_spanish(program, title="Red de Justicia", intro="Qué hace la red.")
    es_story = in_spanish(story, title="Una campaña ganada", summary="Cómo se ganó la campaña.")
    es_policy = in_spanish(
        policy, title="Políticas locales", summary="Ejemplos de textos que pueden adoptar."
    )
    return {
        "home": home,
        "library": library,
        "detailed": detailed,
        "explainers": explainers,
        "empty_type": empty_type,
        "youth": youth,
        "es_home": es_home,
        "es_library": es_library,
        "es_detailed": detailed.get_translation(spanish()),
        "es_topic_page": es_topic_page,
        "es_programs": es_programs,
        "es_program": es_program,
        "es_story": es_story,
        "es_policy": es_policy,
    }


@pytest.fixture
def site(_site_built, db):
    return _site_built


def spanish_urls(site):
    library = site["es_library"].url
    youth, explainers = site["youth"].slug, site["explainers"].slug
    return {
        site["es_home"].url: 200,
        library: 200,
        f"{library}?page=2": 200,
        f"{library}?type={explainers}&topic={youth}&date_from=2020&date_to=2023": 200,
        f"{library}?type={site['empty_type'].slug}&topic={youth}": 200,
        f"{library}?type={site['empty_type'].slug}": 200,
        site["es_detailed"].url: 200,
        site["es_topic_page"].url: 200,
        site["es_programs"].url: 200,
        site["es_program"].url: 200,
        site["es_story"].url: 200,
        site["es_policy"].url: 200,
        f"{site['es_policy'].url}?area=detainers": 200,
        f"{site['es_policy'].url}?area=funding": 200,
        "/es/search/?q=resumen": 200,
        "/es/search/?q=zzzz": 200,
        "/es/search/": 200,
        "/es/no-such-page/": 404,
        f"{library}?type=nope&date_from=2023-02-30&page=0&sort=up": 400,
        f"{library}?date_from=1850&q=%3F%3F": 400,
        f"{site['es_policy'].url}?area=nope": 400,
        "/es/search/?q=x&q=y&page=none": 400,
    }


def read_text(html):
    """What a visitor reads of a page, as one string: its text (the title too) and the
    attributes that are read aloud or shown, less scripts and parts marked as written in
    another language (the language switcher's links)."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(["script", "style"]):
        element.decompose()
    for element in soup.find_all(lang=True):
        if element.name != "html" and not element["lang"].startswith("es"):
            element.decompose()
    attributes = [
        element[name] for name in READ_ATTRIBUTES for element in soup.find_all(attrs={name: True})
    ]
    return " ".join(" ".join([soup.get_text(" "), *attributes]).split())


def words_of(text):
    """An interface text as it reads: without its tags, its spaces normalised."""
    return " ".join(TAG.sub("", text).split())


def english_pattern(text):
    """A pattern finding an English interface text, whatever its placeholders became."""
    words = words_of(text)
    parts = [re.escape(part.strip()) for part in PLACEHOLDER.split(words)]
    parts = [part for part in parts if part]
    if not parts:
        return None
    pattern = r".+?".join(parts).replace(r"\ ", r"\s+")
    start = r"(?<!\w)" if re.match(r"\w", words) else ""
    end = r"(?!\w)" if re.search(r"\w$", words) else ""
    return re.compile(start + pattern + end)


@pytest.fixture(scope="module")
def english_texts():
    """The catalogue's English texts whose Spanish differs, each as a pattern."""
    patterns = {}
    for entry in catalogue():
        for english, spanish_text in translations_of(entry):
            pattern = english_pattern(english)
            if pattern and words_of(spanish_text) != words_of(english):
                patterns[english] = pattern
    return patterns


def untranslated(html, english_texts):
    text = read_text(html)
    return sorted(english for english, pattern in english_texts.items() if pattern.search(text))


def test_spanish_pages_show_no_interface_text_in_english(client, site, english_texts):
    found = {}
    for url, status in spanish_urls(site).items():
        response = client.get(url)
        assert response.status_code == status, url
        html = response.content.decode()
        assert '<html lang="es">' in html, url
        if leftovers := untranslated(html, english_texts):
            found[url] = leftovers

    assert found == {}


def test_the_check_finds_english_interface_text(client, site, english_texts):
    # The same pages in English: the check above would see every one of these.
    html = client.get(site["library"].url + "?page=2").content.decode()

    assert {
        "Skip to main content",
        "Find resources",
        "%(counter)s results",
        'Previous<span class="visually-hidden"> page</span>',
        "Publication date",
        "Newest first",
        "Search words",
    } <= set(untranslated(html, english_texts))


def test_the_spanish_404_page(client, site):
    response = client.get("/es/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "<title>Página no encontrada | Immigrant Legal Resource Center</title>" in html
    assert "No encontramos esa página" in html
    assert '<a href="/es/">Ir a la página de inicio</a>' in html
    assert f'<a href="{site["es_library"].url}">Explorar la biblioteca de recursos</a>' in html


def test_a_bad_library_filter_in_spanish(client, site):
    response = client.get(f"{site['es_library'].url}?type=nope&date_from=2023-02-30&page=0")

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 400
    assert soup.select_one("#error-summary-heading").get_text() == "Revise sus filtros"
    assert [item.get_text() for item in soup.select(".error-summary li")] == [
        "Tipo: No existe el tipo “nope”. Elija uno de la lista.",
        "Desde: 2023-02-30 no es una fecha válida.",
        "Página: La página debe ser 1 o un número mayor.",
    ]
    assert soup.select_one("#results-heading").get_text() == "Todavía no hay resultados"


def test_the_spanish_library_counts_and_chips(client, site):
    library = site["es_library"]
    url = f"{library.url}?topic={site['youth'].slug}&date_from=2021"
    soup = BeautifulSoup(client.get(url).content, "html.parser")

    assert " ".join(soup.select_one("#results-heading").get_text().split()) == (
        f"{PUBLICATION_COUNT - 6} resultados"
    )
    assert [chip.get_text(" ", strip=True) for chip in soup.select(".chip")] == [
        "Quitar el filtro Tema: Jóvenes inmigrantes ✕",
        "Quitar el filtro Desde 2021 ✕",
    ]
    # The filters behind one control that counts them; the long list of types, the most
    # used first, the rest behind "Show all".
    summary = soup.select_one("details.library-filters > summary")
    summary.select_one('[aria-hidden="true"]').extract()  # ")" on screen after "(2"
    assert " ".join(summary.get_text().split()) == "Filtros (2 aplicados)"
    types = soup.select_one("#type-group")
    assert types.select_one("details.facet-more > summary").get_text() == "Mostrar los 8 tipos"
    assert len(types.select("input")) == ResourceType.objects.count() == 8
    one = BeautifulSoup(client.get(f"{library.url}?date_from=2024").content, "html.parser")
    assert one.select_one("#results-heading").get_text() == "0 resultados"
    assert one.select_one(".no-results p").get_text() == "Ningún recurso coincide con este filtro."


def test_the_spanish_publication_page(client, site):
    soup = BeautifulSoup(client.get(site["es_detailed"].url).content, "html.parser")

    assert " ".join(soup.select_one(".dates").get_text().split()) == (
        "Publicado el 1 de mayo de 2020 · Actualizado el 15 de enero de 2024"
    )
    assert soup.select_one(".authors").get_text() == "Por Ana Ruiz"
    assert soup.select_one("#downloads-heading").get_text() == "Descargas"
    assert "español)" in soup.select_one(".downloads .file-meta").get_text()
    assert soup.select_one(".breadcrumb")["aria-label"] == "Ruta de navegación"
    assert soup.select_one(".breadcrumb a").get_text() == "Inicio"


def test_spanish_search_results_are_labelled_in_spanish(client, site):
    soup = BeautifulSoup(client.get("/es/search/?q=resumen").content, "html.parser")

    heading = " ".join(soup.select_one("#results-heading").get_text().split())
    assert heading == f"{PUBLICATION_COUNT} resultados para “resumen” (página 1 de 2)"
    assert {kind.get_text() for kind in soup.select(".result-kind")} <= {"Publicación", "Historia"}


def channel(response):
    assert response.status_code == 200
    return ElementTree.fromstring(response.content).find("channel")


def test_the_spanish_feeds_have_spanish_titles(client, site):
    latest = channel(client.get("/es/feeds/latest/"))

    assert latest.findtext("title") == ("Publicaciones recientes | Immigrant Legal Resource Center")
    assert latest.findtext("description").startswith("Nuevas guías prácticas, explicaciones")
    assert latest.findtext("language") == "es"
    assert latest.findtext("link") == "http://testserver/es/"
    library = channel(client.get(f"{site['es_library'].url}feed/?topic={site['youth'].slug}"))
    assert library.findtext("title") == (
        "Recursos: Jóvenes inmigrantes | Immigrant Legal Resource Center"
    )
    assert library.findtext("description") == (
        "La biblioteca de recursos del Immigrant Legal Resource Center."
    )


def test_the_spanish_500_and_503_pages():
    with translation.override("es"):
        server_error = render_to_string("500.html")
        unavailable = render_to_string("503.html")

    assert '<html lang="es">' in server_error
    assert "Algo salió mal de nuestro lado" in server_error
    assert '<a href="/es/">Ir a la página de inicio</a>' in server_error
    assert "Volvemos en un momento" in unavailable


# English is as it was


def test_english_pages_keep_their_english(client, site):
    library = client.get(site["library"].url + "?page=2").content.decode()
    soup = BeautifulSoup(library, "html.parser")

    assert '<html lang="en">' in library
    assert "Skip to main content" in library
    assert soup.select_one("#filters-heading").get_text() == "Find resources"
    assert " ".join(soup.select_one("#results-heading").get_text().split()) == (
        f"{LIBRARY_COUNT} results (page 2 of 2)"
    )
    assert soup.select_one('a[rel="prev"]').get_text() == "Previous page"
    assert soup.select_one(".card-date").get_text().startswith("Published ")
    publication = client.get(site["detailed"].url).content.decode()
    assert "· Updated <time" in publication
    assert '<p class="authors">By Ana Ruiz</p>' in publication
    assert "Spanish)" in publication
    not_found = client.get("/no-such-page/").content.decode()
    assert "<title>Page not found | Immigrant Legal Resource Center</title>" in not_found
    assert '<a href="/">Go to the home page</a>' in not_found
    bad = client.get(f"{site['library'].url}?type=nope")
    assert bad.status_code == 400
    assert "There is no type “nope”. Choose from the list." in bad.content.decode()
    latest = channel(client.get("/feeds/latest/"))
    assert latest.findtext("title") == "Latest items | Immigrant Legal Resource Center"
    assert latest.findtext("link") == "http://testserver/"
    with translation.override("en"):
        assert '<html lang="en">' in render_to_string("503.html")
