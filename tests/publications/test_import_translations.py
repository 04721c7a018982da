"""Importing rows as translations: `page_language` puts a row into that language's
library, `translation_of` links it to its original in the default language, so that
each page's readers find the other (hreflang links, the language switcher)."""

import csv
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from base.demo import publish
from publications.models import PublicationPage

from .test_importer import reported_lines, run_import

pytestmark = pytest.mark.django_db

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">')
COLUMNS = ["title", "type", "date", "summary", "legacy_url", "slug", "page_language"]
COLUMNS += ["translation_of"]


def row(title, **fields):
    return {
        "title": title,
        "type": "faqs-explainers",
        "date": "2021-05-04",
        "summary": f"About {title}.",
        **fields,
    }


# Spanish rows before and after their originals, named by old address and by slug.
ROWS = [
    row("Asylum basics", legacy_url="/node/1"),  # line 2
    row(
        "Conceptos básicos del asilo",
        legacy_url="/node/1001",
        page_language="es",
        translation_of="https://www.ilrc.org/node/1",
    ),
    # Before its original, and with the same slug: slugs are unique per library.
    row("Guía de DACA", slug="daca-guide", page_language="es", translation_of="daca-guide"),
    row("DACA guide", slug="daca-guide"),  # line 5
    row("Solo en español", page_language="Spanish"),  # no original
]


def write_rows(path, rows):
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def spanish_library(home, index, spanish):
    """The Spanish home page and library, translated as an editor would."""
    publish(home.copy_for_translation(spanish))
    library = index.copy_for_translation(spanish)
    library.title, library.slug = "Recursos", "recursos"
    return publish(library)


@pytest.fixture
def imported(spanish_library, tmp_path):
    # Two rows a batch: the Spanish row on line 4 waits for its original on line 5.
    out, err, error = run_import(write_rows(tmp_path / "rows.csv", ROWS), batch_size=2)
    assert "5 created, 0 updated, 0 skipped (unchanged), 0 failed" in out, err
    assert error is None
    return tmp_path / "rows.csv"


def page(title):
    return PublicationPage.objects.get(title=title)


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def alternates(html):
    """{hreflang: path} of the page's alternate links."""
    return {lang: urlsplit(unescape(href)).path for lang, href in ALTERNATE.findall(html)}


def state():
    """Every imported page's language, parent, address and translation key."""
    return sorted(
        (p.title, p.locale.language_code, p.get_parent().pk, p.url, str(p.translation_key))
        for p in PublicationPage.objects.select_related("locale")
    ) + [Redirect.objects.count(), Page.objects.count()]


def test_a_translation_is_served_in_its_language_and_linked_to_its_original(
    client, imported, index, spanish_library
):
    english, translation = page("Asylum basics"), page("Conceptos básicos del asilo")

    assert translation.locale.language_code == "es"
    assert translation.get_parent().pk == spanish_library.pk
    assert translation.translation_key == english.translation_key
    assert translation.url == "/es/recursos/conceptos-basicos-del-asilo/"

    spanish_html = served(client, translation.url)
    english_html = served(client, english.url)

    assert '<html lang="es">' in spanish_html
    assert "Conceptos básicos del asilo" in spanish_html
    assert '<html lang="en">' in english_html
    links = {"en": english.url, "es": translation.url, "x-default": english.url}
    assert alternates(spanish_html) == alternates(english_html) == links
    # The Spanish page's old address leads to it.
    response = client.get("/node/1001")
    assert (response.status_code, response["Location"]) == (301, translation.url)


def test_a_spanish_slug_may_be_an_english_one_and_a_translation_may_come_first(
    client, imported, index, spanish_library
):
    english, translation = page("DACA guide"), page("Guía de DACA")

    assert translation.translation_key == english.translation_key
    assert (english.url, translation.url) == ("/resources/daca-guide/", "/es/recursos/daca-guide/")
    assert alternates(served(client, translation.url))["en"] == english.url
    assert alternates(served(client, english.url))["es"] == translation.url
    # Each library counts its own children (numchild, which the page tree relies on).
    assert Page.objects.get(pk=index.pk).get_children().count() == 2
    assert Page.objects.get(pk=spanish_library.pk).get_children().count() == 3


def test_a_page_in_another_language_may_have_no_original(client, imported):
    alone = page("Solo en español")

    assert alone.locale.language_code == "es"
    assert not alone.get_translations().exists()
    html = served(client, alone.url)
    assert '<html lang="es">' in html
    assert alternates(html) == {"es": alone.url}  # no other language to link to


def test_importing_again_changes_nothing(imported):
    before = state()

    out, err, error = run_import(imported, batch_size=2)

    assert "0 created, 0 updated, 5 skipped (unchanged), 0 failed" in out, err
    assert state() == before


def test_a_changed_translation_is_updated_in_place_and_stays_linked(imported, tmp_path):
    rows = [dict(r) for r in ROWS]
    rows[1]["title"] = "Lo básico del asilo"
    rows[1]["slug"] = "asilo"

    out, err, error = run_import(write_rows(tmp_path / "changed.csv", rows))

    assert "0 created, 1 updated, 4 skipped (unchanged), 0 failed" in out, err
    translation = page("Lo básico del asilo")
    assert translation.url == "/es/recursos/asilo/"
    assert translation.translation_key == page("Asylum basics").translation_key


BAD_ROWS = {
    7: (row("Asile", page_language="fr"), "unknown page_language 'fr' (the site's: en, es)"),
    8: (
        row("Nada", page_language="es", translation_of="/node/404"),
        "translation_of '/node/404' names no page: no English publication, imported or in "
        "this file, has that legacy URL",
    ),
    9: (
        row("Otra", page_language="es", translation_of="solo-en-espanol"),
        "translation_of 'solo-en-espanol' names 'Solo en español', a page in Spanish: name "
        "its English original",
    ),
    10: (
        row("Asilo otra vez", page_language="es", translation_of="/node/1"),
        "translation_of '/node/1': 'Asylum basics' is already translated into Spanish (on line 3)",
    ),
    11: (
        row("Asylum again", translation_of="/node/1"),
        "translation_of '/node/1': this row is in English (no page_language), and only a "
        "page in another language translates one",
    ),
    12: (
        row("Mala", page_language="es", translation_of="not a slug!"),
        "translation_of 'not a slug!' is neither an old address (/node/36) nor a slug",
    ),
    13: (
        row("Duplicada", page_language="es", legacy_url="/node/1"),
        "duplicate legacy URL '/node/1' (also on line 2)",
    ),
}


def test_each_bad_translation_is_reported_with_its_line_and_skipped(spanish_library, tmp_path):
    rows = ROWS + [r for r, _ in BAD_ROWS.values()]

    out, err, error = run_import(write_rows(tmp_path / "bad.csv", rows), batch_size=3)

    assert "5 created, 0 updated, 0 skipped (unchanged), 7 failed" in out
    assert error.returncode == 1
    assert reported_lines(err) == {line: message for line, (_, message) in BAD_ROWS.items()}
    assert PublicationPage.objects.count() == 5
    assert not PublicationPage.objects.filter(title__in=["Asile", "Nada", "Otra"]).exists()


def test_a_page_translated_before_takes_no_second_translation(imported, tmp_path):
    rows = [
        row("Asilo: segunda versión", page_language="es", translation_of="/node/1"),
        row("Asylum basics", legacy_url="/node/2", slug="asylum-basics"),
        row("Extra", page_language="es", legacy_url="/node/1"),
    ]

    out, err, error = run_import(write_rows(tmp_path / "more.csv", rows))

    assert reported_lines(err) == {
        2: "translation_of '/node/1': 'Asylum basics' already has a Spanish translation, "
        "'Conceptos básicos del asilo'",
        3: "duplicate slug 'asylum-basics': 'Asylum basics' already has that address",
        4: "duplicate legacy URL '/node/1': 'Asylum basics', a page in English, already has it",
    }


def test_a_language_without_a_library_is_a_row_error(index, tmp_path):
    rows = [row("Asylum basics", slug="asylum"), row("Asilo", page_language="es")]

    out, err, error = run_import(write_rows(tmp_path / "rows.csv", rows))

    assert "1 created, 0 updated, 0 skipped (unchanged), 1 failed" in out
    assert reported_lines(err) == {
        3: "page_language 'es': there is no live Spanish resource library yet (translate "
        "the library into Spanish and publish it first)"
    }


def test_a_dry_run_checks_translations_and_writes_nothing(spanish_library, tmp_path):
    rows = ROWS + [BAD_ROWS[9][0], BAD_ROWS[10][0]]
    before = state()

    out, err, error = run_import(
        write_rows(tmp_path / "rows.csv", rows), dry_run=True, batch_size=2
    )

    assert "5 created, 0 updated, 0 skipped (unchanged), 2 failed" in out, err
    assert "Dry run: nothing was written." in out
    assert reported_lines(err) == {7: BAD_ROWS[9][1], 8: BAD_ROWS[10][1]}
    assert state() == before


def queries(path):
    with CaptureQueriesContext(connection) as captured:
        out, err, error = run_import(path)
    assert error is None, err
    return len(captured)


def test_originals_are_looked_up_once_a_batch_not_once_a_row(spanish_library, tmp_path):
    english = [row(f"Guide {n}", slug=f"guide-{n}") for n in range(41)]
    spanish = [
        row(f"Guía {n}", slug=f"guia-{n}", page_language="es", translation_of=f"guide-{n}")
        for n in range(41)
    ]
    # Each library holds a page already, as it will on every later batch.
    run_import(write_rows(tmp_path / "first.csv", [english[0], spanish[0]]))

    english_growth = queries(write_rows(tmp_path / "en-30.csv", english[11:41])) - queries(
        write_rows(tmp_path / "en-10.csv", english[1:11])
    )
    spanish_growth = queries(write_rows(tmp_path / "es-30.csv", spanish[11:41])) - queries(
        write_rows(tmp_path / "es-10.csv", spanish[1:11])
    )

    # Twenty more translations cost what twenty more pages without an original do.
    assert spanish_growth == english_growth
    originals = PublicationPage.objects.in_language("en").values("translation_key")
    assert (
        PublicationPage.objects.in_language("es").filter(translation_key__in=originals).count()
        == 41
    )
