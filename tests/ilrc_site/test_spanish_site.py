"""The Spanish site under /es/, as the demo content builds it: its own pages, its own
library and Latest Items, addresses that say their language, and links between each
page and its translation."""

import re
from html import unescape

import pytest
from django.utils.html import escape

from ilrc_site.demo import spanish_text as es
from publications.demo import SEED_PUBLICATIONS
from publications.models import DatedPage, PublicationPage
from tests.query_counts import count_queries

# The demo content with its Spanish site (tests/conftest.py).
DEMO_TRANSLATIONS = True

pytestmark = pytest.mark.django_db

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">')


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response, response.content.decode()


def alternates(html):
    return {lang: unescape(href) for lang, href in ALTERNATE.findall(html)}


def test_the_spanish_home_page_is_in_spanish_with_spanish_latest_items(client, demo_site):
    response, html = get(client, "/es/")

    assert '<html lang="es">' in html
    assert response["Content-Language"] == "es"
    assert escape(es.HOME["hero_tagline"]) in html
    # Latest Items: the translations of the organisation's five, newest first.
    titles = [escape(item["title"]) for item in es.PUBLICATIONS[:5]]
    positions = [html.find(title) for title in titles]
    assert -1 not in positions
    newest_first = sorted(range(5), key=lambda n: SEED_PUBLICATIONS[n]["date"], reverse=True)
    assert sorted(positions) == [positions[n] for n in newest_first]
    for item in SEED_PUBLICATIONS:
        assert escape(item["title"]) not in html


def test_every_spanish_page_and_its_original_link_to_each_other(client, demo_site):
    spanish = DatedPage.objects.in_language("es").live()
    pages = [*spanish.exclude(slug__startswith="x")[:6], demo_site.get_translations().get()]
    for page in pages:
        _, html = get(client, page.url)
        links = alternates(html)
        english_url = links["en"]
        assert links["es"] == page.full_url
        assert links["x-default"] == english_url

        _, english_html = get(client, english_url.removeprefix("http://localhost"))
        assert alternates(english_html) == links
        assert '<html lang="en">' in english_html


def test_the_switcher_leads_to_the_translation_or_says_there_is_none(client, demo_site):
    translated = PublicationPage.objects.in_language("es").live().first()
    original = translated.get_translations().get()
    _, html = get(client, original.url)
    assert f'<a href="{translated.url}" hreflang="es" lang="es">Español</a>' in html

    untranslated = (
        PublicationPage.objects.in_language("en")
        .live()
        .exclude(
            translation_key__in=PublicationPage.objects.in_language("es").values("translation_key")
        )
        .first()
    )
    _, html = get(client, untranslated.url)
    assert '<a href="/es/" hreflang="es" lang="es">Español</a>' in html
    assert 'class="language-missing" lang="es"' in html
    assert 'hreflang="es" href' not in html  # no alternate to a page that does not exist


def test_english_pages_never_show_under_spanish_addresses(client, demo_site):
    english = PublicationPage.objects.in_language("en").live().first()
    for url in ["/es/resources/", f"/es{english.url}", "/es/programs/", "/es/about/"]:
        _, html = get(client, url, status=404)
        assert '<html lang="es">' in html


def test_the_spanish_library_lists_spanish_items_with_the_same_filters(client, demo_site):
    _, html = get(client, "/es/recursos/?type=faqs-explainers&topic=daca")

    spanish_daca = (
        DatedPage.objects.in_language("es")
        .live()
        .filter(resource_type__slug="faqs-explainers", topic_items__tag__slug="daca")
    )
    assert spanish_daca.count() >= 1
    for item in spanish_daca:
        assert escape(item.title) in html
    assert "Preguntas frecuentes y explicaciones" in html  # the type's Spanish name
    # The same view in English: the same filters, language-neutral.
    links = alternates(html)
    assert links["en"].endswith("/resources/?type=faqs-explainers&topic=daca")
    _, english = get(client, "/resources/?type=faqs-explainers&topic=daca")
    for item in spanish_daca:
        assert escape(item.title) not in english


def test_a_bad_filter_on_the_spanish_library_is_a_400_in_spanish(client, demo_site):
    _, html = get(client, "/es/recursos/?type=nada&date_from=2023-02-30", status=400)

    assert '<html lang="es">' in html
    assert "nada" in html
    assert "There is no type" not in html
    assert "is not a real date" not in html


def test_spanish_dates_and_feed(client, demo_site):
    _, html = get(client, "/es/recursos/")
    assert re.search(r"\d{1,2} de [a-z]+ de \d{4}", html)

    response, feed = get(client, "/es/feeds/latest/")
    assert "<language>es</language>" in feed
    assert escape(es.PUBLICATIONS[0]["title"]) in feed


@pytest.mark.parametrize(
    "english, spanish",
    [
        ("/", "/es/"),
        ("/resources/", "/es/recursos/"),
        (
            "/resources/?type=faqs-explainers&topic=daca",
            "/es/recursos/?type=faqs-explainers&topic=daca",
        ),
        ("/resources/?q=daca", "/es/recursos/?q=daca"),
        ("/resources/feed/", "/es/recursos/feed/"),
        ("/search/?q=daca", "/es/search/?q=daca"),
        ("/feeds/latest/", "/es/feeds/latest/"),
        ("/daca/", "/es/daca/"),
        ("/programs/", "/es/programas/"),
    ],
)
def test_spanish_pages_cost_the_queries_of_their_english_twins(client, demo_site, english, spanish):
    assert count_queries(client, spanish) == count_queries(client, english)


def test_a_publication_and_its_translation_cost_the_same_queries(client, demo_site):
    translated = PublicationPage.objects.in_language("es").live().first()
    original = translated.get_translations().get()

    assert count_queries(client, translated.url) == count_queries(client, original.url)


def test_the_sitemap_lists_both_languages_with_their_alternates(client, demo_site):
    _, xml = get(client, "/sitemap-pages.xml")

    home = demo_site.get_translations().get()
    assert f"<loc>{home.full_url}</loc>" in xml
    assert (
        f'<xhtml:link rel="alternate" hreflang="es" href="{home.full_url}"/>'
        f'<xhtml:link rel="alternate" hreflang="x-default" href="{demo_site.full_url}"/>'
    ) in xml


def test_responses_do_not_vary_on_the_browsers_language(client, demo_site):
    for url in ["/", "/es/", "/resources/?type=faqs-explainers", "/es/recursos/"]:
        english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
        assert "Accept-Language" not in english.get("Vary", "")
        assert english.content == spanish.content
        assert english["Content-Language"] == ("es" if url.startswith("/es/") else "en")


def test_images_have_their_alt_text_in_the_pages_language(client, demo_site):
    _, spanish = get(client, "/es/")
    _, english = get(client, "/")

    assert f'alt="{es.IMAGE_ALT["people-with-flags.jpg"]}"' in spanish
    assert 'alt="People in a room holding American flags."' in english
    assert "People in a room" not in spanish
