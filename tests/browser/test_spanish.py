"""The Spanish site in a browser: switching language, the Spanish library's filters,
a translator's work in the admin, and axe on every kind of Spanish page."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale, WorkflowState

from ilrc_site.models import StandardPage
from ilrc_site.roles import TRANSLATORS
from programs.models import ProgramPage, StoryPage
from publications.models import (
    DatedPage,
    PolicyResourcePage,
    PublicationIndexPage,
    PublicationPage,
    Topic,
    TopicPage,
)
from tests.browser.test_accessibility import AXE_OPTIONS, describe
from tests.factories import PublicationPageFactory, resource_type, staff_user

# The demo content with its Spanish site (tests/conftest.py).
DEMO_TRANSLATIONS = True

DACA_RULE = "community-explainer-the-daca-final-rule-and-what-it-means-for-you"
NOT_TRANSLATED_NOTE = "(esta página no está traducida: página de inicio)"
FILTERS = {"type": ["toolkits-reports"], "topic": ["immigration-enforcement"]}


def untranslated_publication():
    """The first English publication, by title, that has no Spanish translation."""
    spanish = PublicationPage.objects.in_language("es")
    return (
        PublicationPage.objects.in_language("en")
        .live()
        .exclude(translation_key__in=spanish.values("translation_key"))
        .order_by("title")
        .first()
    )


def press_tab_until(page, locator, presses=10):
    """Press Tab until `locator` has the keyboard focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_visitor_switches_a_publication_to_spanish_and_back(page, site_url):
    english = PublicationPage.objects.in_language("en").get(slug=DACA_RULE)
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    page.goto(site_url + english.url)

    also = page.get_by_role("region", name="Also available in")
    expect(also.get_by_role("link", name="Español")).to_have_attribute("href", spanish.url)

    # From the top of the page, Tab to the switcher's link and follow it with Enter.
    switcher = page.get_by_role("navigation", name="Language")
    to_spanish = switcher.get_by_role("link", name="Español")
    expect(to_spanish).to_have_attribute("hreflang", "es")
    press_tab_until(page, to_spanish)
    page.keyboard.press("Enter")

    expect(page).to_have_url(site_url + spanish.url)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text(spanish.title)
    expect(page).to_have_title(re.compile(re.escape(spanish.title)))

    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    expect(page).to_have_url(site_url + english.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(english.title)

    # A publication without a translation: the switcher leads to the Spanish home page,
    # and says so, in Spanish.
    page.goto(site_url + untranslated_publication().url)
    switcher = page.get_by_role("navigation", name="Language")
    expect(switcher.get_by_role("link", name="Español")).to_have_attribute("href", "/es/")
    note = switcher.locator(".language-missing")
    expect(note).to_have_text(NOT_TRANSLATED_NOTE)
    expect(note).to_have_attribute("lang", "es")
    switcher.get_by_role("link", name="Español").click()

    expect(page).to_have_url(site_url + "/es/")
    expect(page.locator("html")).to_have_attribute("lang", "es")

    # From the second page of a search, to the same search in Spanish: its first page,
    # the Spanish pages having fewer results.
    assert page.goto(site_url + "/search/?q=immigration&page=2").ok
    with page.expect_navigation() as navigation:
        page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    assert navigation.value.ok
    assert urlsplit(page.url).path == "/es/search/"
    assert query_of(page.url) == {"q": ["immigration"]}


def test_advocate_filters_the_spanish_library_and_switches_to_english(page, site_url):
    toolkits = resource_type("toolkits-reports")
    enforcement = Topic.objects.get(slug="immigration-enforcement")
    # Enough Spanish toolkits on immigration enforcement for a second page of results.
    library = PublicationIndexPage.objects.in_language("es").get()
    for number in range(18):
        PublicationPageFactory(
            parent=library,
            title=f"Guía práctica sobre el control migratorio {number}",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            resource_type=toolkits,
            topics=[enforcement],
        )
    spanish_count = (
        DatedPage.objects.in_language("es")
        .live()
        .filter(resource_type=toolkits, topic_items__tag=enforcement)
        .distinct()
        .count()
    )
    english_count = (
        DatedPage.objects.in_language("en")
        .live()
        .filter(resource_type=toolkits, topic_items__tag=enforcement)
        .distinct()
        .count()
    )
    assert spanish_count == 21 and english_count < 21

    page.goto(site_url + "/es/recursos/")
    type_box = page.get_by_role("checkbox", name=re.compile(r"^Guías prácticas e informes"))
    topic_box = page.get_by_role("checkbox", name=re.compile(r"^Control migratorio"))
    type_box.check()
    topic_box.check()
    page.get_by_role("button", name="Mostrar resultados").click()

    heading = page.locator("#results-heading")
    expect(heading).to_have_text(f"{spanish_count} resultados (página 1 de 2)")
    assert urlsplit(page.url).path == "/es/recursos/"
    assert query_of(page.url) == FILTERS
    chips = page.locator(".chips")
    expect(chips.get_by_role("link")).to_have_text(
        [
            "Quitar el filtro Tipo: Guías prácticas e informes ✕",
            "Quitar el filtro Tema: Control migratorio ✕",
        ]
    )
    switcher = page.get_by_role("navigation", name="Idioma")
    to_english = switcher.get_by_role("link", name="English")
    assert urlsplit(to_english.get_attribute("href")).path == "/resources/"
    assert query_of(to_english.get_attribute("href")) == FILTERS

    page.get_by_role("link", name="Página Siguiente").click()
    expect(heading).to_have_text(f"{spanish_count} resultados (página 2 de 2)")
    assert query_of(page.url) == {**FILTERS, "page": ["2"]}
    expect(type_box).to_be_checked()
    expect(topic_box).to_be_checked()
    expect(chips.get_by_role("link")).to_have_count(2)

    # From page 2 too, the same filters in English: its first page (English has fewer
    # results than a page, and no page 2).
    to_english.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert urlsplit(page.url).path == "/resources/"
    assert query_of(page.url) == FILTERS
    expect(heading).to_have_text(f"{english_count} results")
    expect(page.get_by_role("checkbox", name=re.compile(r"^Toolkit & Reports"))).to_be_checked()
    expect(
        page.get_by_role("checkbox", name=re.compile(r"^Immigration Enforcement"))
    ).to_be_checked()


def query_of(url):
    return parse_qs(urlsplit(url).query)


# A translator, in the admin.

SPANISH_TITLE = "Comentario del ILRC, en español"
SPANISH_SUMMARY = "Lo que el ILRC pidió a la agencia, y por qué."


def sign_in_as_translator(page, site_url):
    user = staff_user(TRANSLATORS, "translator")
    user.set_password("a-long-test-password")
    user.save()
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill("translator")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name=re.compile("Sign in")).click()
    expect(page).to_have_url(site_url + "/admin/")
    return user


def start_translation(page, site_url, english):
    """From the Translation health report, "Translate" `english` into Spanish, and
    translate its title and summary in wagtail-localize's translation editor."""
    page.goto(site_url + "/admin/reports/translation-health/?language=es&problem=missing")
    row = page.get_by_role("row").filter(has_text=english.title)
    row.get_by_role("link", name="Translate").click()
    expect(page.get_by_role("checkbox", name="Español")).to_be_checked()
    page.get_by_role("button", name="Submit").click()

    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator(".messages")).to_contain_text("is ready to translate into Español")
    translate_segment(page, english.title, SPANISH_TITLE)
    translate_segment(page, english.summary, SPANISH_SUMMARY)
    # Translators publish nothing.
    expect(page.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    return english.get_translation(Locale.objects.get(language_code="es"))


def translate_segment(page, source, translation):
    segment = page.get_by_role("listitem").filter(has=page.get_by_text(source, exact=True)).last
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text("Translated manually")
    expect(segment).to_contain_text(translation)


def test_translator_translates_a_publication_and_submits_it_for_review(page, site_url):
    translator = sign_in_as_translator(page, site_url)
    english = untranslated_publication()

    spanish = start_translation(page, site_url, english)

    assert not spanish.live
    assert page.request.get(site_url + spanish.url).status == 404

    # From the translation editor itself: the translated segments become the page's
    # draft, which goes to the legal review.
    page.get_by_role("button", name="Submit translation for review").click()

    expect(page.locator(".messages")).to_contain_text(
        f"Page '{SPANISH_TITLE}' has been submitted for moderation."
    )
    state = WorkflowState.objects.get(object_id=str(spanish.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == translator
    spanish.refresh_from_db()
    assert not spanish.live
    draft = spanish.get_latest_revision_as_object()
    assert (draft.title, draft.summary) == (SPANISH_TITLE, SPANISH_SUMMARY)
    assert page.request.get(site_url + spanish.url).status == 404


def spanish_pages():
    """{name: path} of every kind of Spanish page."""

    def first(model):
        return model.objects.in_language("es").live().order_by("path").first().url

    return {
        "home": "/es/",
        "library": "/es/recursos/",
        "library, filtered": "/es/recursos/?type=faqs-explainers&topic=daca",
        "library, invalid": "/es/recursos/?date_from=2023-13-45&type=nada",
        "publication": first(PublicationPage),
        "topic": first(TopicPage),
        "programs": "/es/programas/",
        "program": first(ProgramPage),
        "story": first(StoryPage),
        "policy": first(PolicyResourcePage),
        "standard page": first(StandardPage),
        "search": "/es/search/?q=asilo",
        "not found": "/es/no-existe/",
    }


def test_no_wcag_violations_on_any_kind_of_spanish_page(page, site_url):
    axe = Axe()
    failures = {}
    for name, path in spanish_pages().items():
        page.goto(site_url + path)
        expect(page.locator("html")).to_have_attribute("lang", "es")
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures[name] = describe(violations)

    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())
