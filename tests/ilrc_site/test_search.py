"""Site search at /search/: every live, public page, labelled by kind, promotions first."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from ilrc_site.models import StandardPage
from tests.factories import PublicationIndexPageFactory, PublicationPageFactory
from tests.query_counts import QueryCounts, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    index = PublicationIndexPageFactory(parent=home)
    PublicationPageFactory(
        parent=index, title="Naturalization fee waivers", summary="How to ask for a fee waiver."
    )
    PublicationPageFactory(parent=index, title="DACA renewals", summary="Renewing DACA.")
    about = StandardPage(
        title="Naturalization workshops",
        slug="workshops",
        intro="Free help applying for citizenship.",
    )
    home.add_child(instance=about)
    draft = StandardPage(title="Naturalization draft", slug="draft", live=False)
    home.add_child(instance=draft)
    private = StandardPage(title="Naturalization staff notes", slug="staff")
    home.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return home


@pytest.fixture
def home(db):
    from ilrc_site.demo.home import load_home

    return load_home()


def results(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [
        (
            article.select_one(".result-kind").get_text(" ", strip=True),
            article.select_one(".result-title").get_text(strip=True),
        )
        for article in page.select(".search-result")
    ]


def test_finds_every_kind_of_live_public_page_labelled_by_kind(client, site):
    response = client.get("/search/?q=naturalization")

    assert response.status_code == 200
    assert sorted(results(response)) == [
        ("Publication", "Naturalization fee waivers"),
        ("Standard page", "Naturalization workshops"),
    ]
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("#results-heading").get_text(strip=True) == (
        "2 results for “naturalization”"
    )
    summaries = [p.get_text(strip=True) for p in page.select(".result-summary")]
    assert sorted(summaries) == [
        "Free help applying for citizenship.",
        "How to ask for a fee waiver.",
    ]


def test_search_results_are_not_indexed(client, site):
    page = BeautifulSoup(client.get("/search/?q=daca").content, "html.parser")

    assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_the_search_page_without_words_shows_the_form(client, site):
    response = client.get("/search/")

    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select_one("input#id_q")
    assert not results(response)


def test_promoted_results_come_first(client, site):
    query = Query.get("Naturalization")
    workshops = StandardPage.objects.in_language("en").get(slug="workshops")
    SearchPromotion.objects.create(
        query=query, page=workshops, description="Our monthly workshops.", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.uscis.gov/citizenship",
        external_link_text="USCIS citizenship resource center",
        sort_order=1,
    )

    response = client.get("/search/?q=naturalization")

    assert results(response) == [
        ("Recommended · Standard page", "Naturalization workshops"),
        ("Recommended · Recommended link", "USCIS citizenship resource center"),
        ("Publication", "Naturalization fee waivers"),
    ]
    assert "Our monthly workshops." in response.content.decode()


def test_no_match_gives_a_friendly_message(client, site):
    response = client.get("/search/?q=zebra")

    assert response.status_code == 200
    assert "Nothing on the site matches “zebra”." in response.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ("q=" + "x" * 201, "Use at most 200 characters (you used 201)."),
        ("q=daca&page=abc", "The page must be a whole number, such as 2."),
        ("q=daca&page=0", "The page must be 1 or more."),
        ("q=a&q=b", "Give this only once."),
        ("q=%21%21%21", "Search with words or numbers."),
    ],
)
def test_bad_input_answers_400_with_a_message(client, site, query, message):
    response = client.get(f"/search/?{query}")

    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_page_past_the_last_is_not_found(client, site):
    assert client.get("/search/?q=daca&page=2").status_code == 404


def test_twenty_a_page_and_links_keep_the_words(client, home):
    index = PublicationIndexPageFactory(parent=home)
    for n in range(25):
        PublicationPageFactory(parent=index, title=f"Asylum guide {n}")

    first = client.get("/search/?q=asylum+guide")
    second = client.get("/search/?q=asylum+guide&page=2")

    assert len(results(first)) == 20
    assert len(results(second)) == 5
    page = BeautifulSoup(first.content, "html.parser")
    assert page.select_one('.pagination a[rel="next"]')["href"] == "?q=asylum+guide&page=2"


def test_the_search_query_count_does_not_grow(client, home):
    index = PublicationIndexPageFactory(parent=home)

    def add(n):
        for i in range(n):
            PublicationPageFactory(parent=index, title=f"Asylum {n} {i}")
            home.add_child(instance=StandardPage(title=f"Asylum page {n} {i}", slug=f"p{n}-{i}"))

    # Warm: promotions, the keys of the page of results; the results' descriptions, the
    # number of matches, the site and the restricted sections are kept until content
    # changes (base/cache.py). Cold: those too, the ranking of every match (kept, on
    # PostgreSQL), the pages described then one query per kind of page for its own fields.
    expected = QueryCounts(cold=16 if settings.USING_POSTGRES else 15, warm=2)
    add(2)
    assert count_queries(client, "/search/", {"q": "asylum"}) == expected
    add(15)
    assert count_queries(client, "/search/", {"q": "asylum"}) == expected
    assert len(results(client.get("/search/?q=asylum"))) == 20


def test_the_header_has_a_search_box_on_every_page(client, site):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    form = page.select_one('header form[role="search"]')

    assert form["action"] == "/search/"
    assert form.select_one("label[for=site-search-q]").get_text() == "Search the site"
    assert form.select_one("#site-search-q")["name"] == "q"


def test_promoted_pages_show_on_the_first_page_only_and_never_twice(client, home):
    index = PublicationIndexPageFactory(parent=home)
    guides = [PublicationPageFactory(parent=index, title=f"Asylum guide {n}") for n in range(25)]
    SearchPromotion.objects.create(query=Query.get("asylum guide"), page=guides[3], sort_order=0)

    first = results(client.get("/search/?q=asylum+guide"))
    second = results(client.get("/search/?q=asylum+guide&page=2"))

    titles = [title for _, title in first + second]
    assert first[0] == ("Recommended · Publication", "Asylum guide 3")
    assert len(titles) == len(set(titles)) == 25
    assert not any(kind.startswith("Recommended") for kind, _ in second)
