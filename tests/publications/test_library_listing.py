"""The filterable library at /resources/: filters, facets, timeline, pagination, SEO."""

import copy
import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.paginator import Paginator
from wagtail.models import PageViewRestriction

from base.pagination import PAGE_SIZE, page_links
from tests.factories import PublicationPageFactory, TopicFactory, resource_type
from tests.query_counts import QueryCounts, count_queries

from .library import facet_counts, links, result_count, soup, titles

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def topics(db):
    return {
        slug: TopicFactory(name=name, slug=slug)
        for slug, name in [("daca", "DACA"), ("asylum", "Asylum"), ("tps", "TPS")]
    }


@pytest.fixture
def library(index, topics):
    """Six items over three types, three topics and five years."""
    items = [
        ("DACA renewal explainer", "faqs-explainers", D(2021, 1, 1), ["daca"]),
        ("Comment on asylum bars", "public-comments", D(2021, 12, 31), ["asylum"]),
        ("TPS and DACA advisory", "practice-advisories", D(2022, 6, 15), ["tps", "daca"]),
        ("Asylum interviews explainer", "faqs-explainers", D(2023, 2, 28), ["asylum"]),
        ("Old DACA comment", "public-comments", D(2019, 7, 4), ["daca"]),
        ("Untagged advisory", "practice-advisories", D(2023, 3, 1), []),
    ]
    for title, type_slug, date, topic_slugs in items:
        PublicationPageFactory(
            parent=index,
            title=title,
            resource_type=resource_type(type_slug),
            date=date,
            topics=[topics[s] for s in topic_slugs],
        )
    return index


NEWEST_FIRST = [
    "Untagged advisory",
    "Asylum interviews explainer",
    "TPS and DACA advisory",
    "Comment on asylum bars",
    "DACA renewal explainer",
    "Old DACA comment",
]


def listing(client, query=""):
    response = client.get(f"/resources/{query}")
    assert response.status_code == 200, response.content.decode()[:2000]
    return response


def test_the_whole_library_newest_first_with_its_count(client, library):
    response = listing(client)

    assert titles(response) == NEWEST_FIRST
    assert result_count(response) == 6


def test_only_live_public_children_are_listed(client, library):
    PublicationPageFactory(parent=library, title="Draft", live=False)
    private = PublicationPageFactory(parent=library, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert titles(listing(client)) == NEWEST_FIRST


@pytest.mark.parametrize(
    "query, expected",
    [
        # each parameter alone
        ("?type=faqs-explainers", ["Asylum interviews explainer", "DACA renewal explainer"]),
        ("?topic=tps", ["TPS and DACA advisory"]),
        ("?date_from=2023", ["Untagged advisory", "Asylum interviews explainer"]),
        ("?date_to=2019", ["Old DACA comment"]),
        ("?q=asylum", ["Asylum interviews explainer", "Comment on asylum bars"]),
        # OR within a parameter
        (
            "?type=faqs-explainers&type=public-comments",
            [
                "Asylum interviews explainer",
                "Comment on asylum bars",
                "DACA renewal explainer",
                "Old DACA comment",
            ],
        ),
        (
            "?topic=tps&topic=asylum",
            ["Asylum interviews explainer", "TPS and DACA advisory", "Comment on asylum bars"],
        ),
        # AND across parameters
        ("?type=faqs-explainers&topic=daca", ["DACA renewal explainer"]),
        ("?topic=daca&date_from=2020&date_to=2021", ["DACA renewal explainer"]),
        ("?q=daca&type=public-comments", ["Old DACA comment"]),
        ("?q=asylum&topic=asylum&date_to=2022", ["Comment on asylum bars"]),
        (
            "?type=public-comments&type=practice-advisories&topic=daca&topic=tps&date_from=2020",
            ["TPS and DACA advisory"],
        ),
    ],
)
def test_filters_alone_and_combined(client, library, query, expected):
    assert titles(listing(client, query + "&sort=newest")) == expected


@pytest.mark.parametrize(
    "query, first, last",
    [
        # Inclusive bounds on exact days.
        (
            "?date_from=2021-12-31&date_to=2022-06-15",
            "TPS and DACA advisory",
            "Comment on asylum bars",
        ),
        # A bare month is the whole month: 28 February is in, 1 March is out.
        ("?date_from=2023-02&date_to=2023-02", "Asylum interviews explainer", None),
        # A bare year is the whole year, 1 January to 31 December.
        ("?date_from=2021&date_to=2021", "Comment on asylum bars", "DACA renewal explainer"),
        # A reversed range is read the right way round.
        ("?date_from=2021&date_to=2019", "Comment on asylum bars", "Old DACA comment"),
        # Single-digit months and days are read too.
        ("?date_from=2021-1-1&date_to=2021-1-1", "DACA renewal explainer", None),
    ],
)
def test_date_bounds(client, library, query, first, last):
    found = titles(listing(client, query))
    assert found[0] == first
    assert found[-1] == (last or first)


def test_a_reversed_range_is_shown_the_right_way_round(client, library):
    page = soup(listing(client, "?date_from=2023-03&date_to=2019"))

    assert page.select_one("#id_date_from")["value"] == "2019"
    assert page.select_one("#id_date_to")["value"] == "2023-03"
    assert titles(listing(client, "?date_from=2023-03&date_to=2019"))[0] == "Untagged advisory"


def test_the_default_order_submits_no_value_so_words_can_change_it(client, library):
    menu = soup(listing(client)).select("#id_sort option")
    assert [(o["value"], o.get_text(), o.has_attr("selected")) for o in menu] == [
        ("", "Newest first", True),
        ("oldest", "Oldest first", False),
        ("relevance", "Best match", False),
    ]
    menu = soup(listing(client, "?q=daca&sort=")).select("#id_sort option")
    assert [(o["value"], o.has_attr("selected")) for o in menu] == [
        ("newest", False),
        ("oldest", False),
        ("", True),
    ]


def test_oldest_first(client, library):
    assert titles(listing(client, "?sort=oldest")) == NEWEST_FIRST[::-1]


def test_relevance_is_the_default_with_words_and_falls_back_without(client, library):
    response = listing(client, "?q=daca")
    assert soup(response).select_one("#id_sort option[selected]").get_text() == "Best match"
    assert sorted(titles(response)) == [
        "DACA renewal explainer",
        "Old DACA comment",
        "TPS and DACA advisory",
    ]
    # Nothing to rank without words: newest first, and no error.
    assert titles(listing(client, "?sort=relevance")) == NEWEST_FIRST


def test_words_match_summaries_topics_and_types(client, library):
    # Titles are the factory's; the summary says "What <title> is about".
    assert "Untagged advisory" in titles(listing(client, "?q=about+untagged"))
    # Topic names and type names are indexed with each item.
    assert titles(listing(client, "?q=TPS")) == ["TPS and DACA advisory"]
    assert len(titles(listing(client, "?q=advisories"))) == 2


@pytest.mark.parametrize(
    "others",
    ["", "?date_from=2021", "?q=daca", "?topic=daca&date_to=2022", "?type=faqs-explainers"],
)
def test_facet_counts_equal_the_results_of_choosing_them(client, library, others):
    """A type's count is what choosing that type alone (other filters kept) gives."""
    response = listing(client, others)

    for name in ["type", "topic"]:
        counts = facet_counts(response, name)
        assert counts, name
        base = {k: v for k, v in parse_qs(others.lstrip("?")).items() if k != name}
        for slug, count in counts.items():
            query = "&".join(f"{k}={v}" for k, vs in {**base, name: [slug]}.items() for v in vs)
            assert result_count(listing(client, f"?{query}")) == count, (name, slug)


def test_facets_count_only_the_current_results(client, library):
    counts = facet_counts(listing(client, "?date_from=2023"), "type")

    assert counts == {
        "toolkits-reports": 0,
        "faqs-explainers": 1,
        "public-comments": 0,
        "practice-advisories": 1,
        "community-explainers": 0,
        "newsletters-annual-reports": 0,
        "stories": 0,
    }


def test_chosen_filters_are_kept_in_the_form(client, library):
    page = soup(listing(client, "?type=faqs-explainers&topic=daca&q=renewal&date_from=2020"))

    assert page.select_one("#type-faqs-explainers").has_attr("checked")
    assert not page.select_one("#type-public-comments").has_attr("checked")
    assert page.select_one("#topic-daca").has_attr("checked")
    assert page.select_one("#id_q")["value"] == "renewal"
    assert page.select_one("#id_date_from")["value"] == "2020"


def test_each_active_filter_is_a_chip_that_removes_it(client, library):
    response = listing(client, "?type=faqs-explainers&topic=daca&topic=asylum&date_to=2022")
    chips = {a.get_text(" ", strip=True): a["href"] for a in soup(response).select(".chip")}

    rest = "/resources/?type=faqs-explainers"
    assert chips == {
        "Remove filter Type: FAQs & Explainers ✕": "/resources/?topic=daca&topic=asylum"
        "&date_to=2022",
        "Remove filter Topic: DACA ✕": f"{rest}&topic=asylum&date_to=2022",
        "Remove filter Topic: Asylum ✕": f"{rest}&topic=daca&date_to=2022",
        "Remove filter To 2022 ✕": f"{rest}&topic=daca&topic=asylum",
    }
    assert links(response, ".clear-all") == ["/resources/"]


def test_the_timeline_counts_results_per_year_and_narrows_to_a_year(client, library):
    response = listing(client, "?type=public-comments&type=faqs-explainers")
    bars = soup(response).select(".timeline-bars li")

    assert [bar.get_text(" ", strip=True) for bar in bars] == [
        "2019 : 1 result",
        "2020 : 0 results",
        "2021 : 2 results",
        "2022 : 0 results",
        "2023 : 1 result",
    ]
    assert links(response, ".timeline-bars a") == [
        f"/resources/?type=public-comments&type=faqs-explainers&date_from={y}&date_to={y}"
        for y in (2019, 2021, 2023)
    ]
    narrowed = listing(client, links(response, ".timeline-bars a")[1].removeprefix("/resources/"))
    assert result_count(narrowed) == 2


def test_a_friendly_message_when_nothing_matches(client, library):
    response = listing(client, "?topic=tps&date_to=2020")

    assert result_count(response) == 0
    assert "No resources match all of these filters." in response.content.decode()
    assert soup(response).select_one(".no-results a")["href"] == "/resources/"


def filter_control(response):
    """The <details> of the filters: whether it opens with the page, and its summary's text
    as read aloud (its accessible name) and as shown."""
    details = soup(response).select_one("details.library-filters")
    return (
        details.has_attr("open"),
        summary_text(details, without='[aria-hidden="true"]'),
        summary_text(details, without=".visually-hidden"),
    )


def summary_text(details, *, without):
    summary = copy.copy(details.select_one(":scope > summary"))
    for hidden in summary.select(without):
        hidden.extract()
    return " ".join(summary.get_text().split())


@pytest.mark.parametrize(
    "query, applied",
    [
        ("", 0),
        ("?sort=oldest", 0),  # an order is not a filter
        ("?type=faqs-explainers", 1),
        ("?type=faqs-explainers&topic=daca&topic=tps&date_to=2022", 4),
        ("?q=daca&date_from=2020&date_to=2023", 3),
    ],
)
def test_the_filter_control_counts_the_filters_applied(client, library, query, applied):
    response = listing(client, query)

    # Closed in the HTML: on a phone the results come first (wider screens open it).
    if applied:
        assert filter_control(response) == (
            False,
            f"Filter ({applied} applied)",
            f"Filter ({applied})",
        )
    else:
        assert filter_control(response) == (False, "Filter", "Filter")
    assert len(soup(response).select(".chip")) == applied
    # The count and the active filters, then the filters, then the results.
    found = soup(response).select("#results-heading, .chips, #filters, #results")
    order = [element.get("id") or "chips" for element in found]
    chips = ["chips"] if applied else []
    assert order == ["results-heading", *chips, "filters", "results"]


def test_the_filters_open_with_the_page_when_they_have_errors(client, library):
    response = client.get("/resources/", {"type": ["faqs-explainers", "nope"]})

    assert response.status_code == 400
    assert filter_control(response)[0] is True
    # Without counts, every option is shown in its usual order, none behind "Show all".
    group = soup(response).select_one("#type-group")
    assert group.select_one("details") is None
    assert [box["value"] for box in group.select("input")][:3] == [
        "toolkits-reports",
        "faqs-explainers",
        "public-comments",
    ]


def facet_parts(response, name):
    """The slugs of the `name` filter's checkboxes shown, those behind "Show all", and
    the text of "Show all" (None without)."""
    group = soup(response).select_one(f"#{name}-group")
    more = group.select_one("details.facet-more")
    behind = [box["value"] for box in more.select("input")] if more else []
    shown = [box["value"] for box in group.select("input") if box["value"] not in behind]
    return shown, behind, more.summary.get_text(strip=True) if more else None


def test_the_most_used_types_come_first_and_the_rest_behind_show_all(client, library):
    # Counts for 2023: one FAQ, one practice advisory, none of the five other types.
    shown, behind, more = facet_parts(listing(client, "?date_from=2023"), "type")

    assert shown == [
        "faqs-explainers",
        "practice-advisories",
        # Ties in the types' own order.
        "toolkits-reports",
        "public-comments",
        "community-explainers",
    ]
    assert behind == ["newsletters-annual-reports", "stories"]
    assert more == "Show all 7 types"
    # Reordered as the counts change with the other filters.
    shown, _, _ = facet_parts(listing(client, "?date_to=2021"), "type")
    assert shown[:2] == ["public-comments", "faqs-explainers"]


def test_a_chosen_option_is_never_behind_show_all(client, library):
    response = listing(client, "?type=stories&date_from=2023")
    shown, behind, _ = facet_parts(response, "type")

    assert "stories" in shown and "stories" not in behind
    assert soup(response).select_one("#type-stories").has_attr("checked")
    assert behind == ["newsletters-annual-reports"]
    # The chosen option joins the most used, in its place by count.
    assert shown[-1] == "stories"


def test_a_short_list_is_shown_whole_most_used_first(client, library):
    # Three topics: DACA on three items, asylum on two, TPS on one.
    assert facet_parts(listing(client), "topic") == (["daca", "asylum", "tps"], [], None)


def test_show_all_topics_in_a_long_list(client, library):
    for n in range(5):
        topic = TopicFactory(name=f"Topic {n}", slug=f"topic-{n}")
        for _ in range(n + 1):
            PublicationPageFactory(parent=library, topics=[topic])

    shown, behind, more = facet_parts(listing(client, "?topic=tps"), "topic")

    assert shown == ["topic-4", "topic-3", "daca", "topic-2", "asylum", "tps"]
    assert behind == ["topic-1", "topic-0"]
    assert more == "Show all 8 topics"


@pytest.fixture
def big_library(index, topics):
    for n in range(45):
        PublicationPageFactory(
            parent=index,
            title=f"Explainer {n:02}",
            date=D(2000, 1, 1) + datetime.timedelta(days=n),
            topics=[topics["daca"]],
        )
    PublicationPageFactory(
        parent=index, title="Comment", resource_type=resource_type("public-comments")
    )
    return index


def test_twenty_results_a_page_and_every_link_keeps_the_filters(client, big_library):
    query = "?type=faqs-explainers&topic=daca&date_from=2000"
    first = listing(client, query)
    assert titles(first) == [f"Explainer {n:02}" for n in range(44, 24, -1)]
    assert "(page 1 of 3)" in soup(first).select_one("#results-heading").get_text()

    page_links = links(first, ".pagination a")
    for href in page_links:
        params = parse_qs(urlsplit(href).query)
        assert params["type"] == ["faqs-explainers"]
        assert params["topic"] == ["daca"]
        assert params["date_from"] == ["2000"]
    next_page = soup(first).select_one('.pagination a[rel="next"]')["href"]
    assert next_page == "/resources/?type=faqs-explainers&topic=daca&date_from=2000&page=2"

    second = listing(client, next_page.removeprefix("/resources/"))
    assert titles(second) == [f"Explainer {n:02}" for n in range(24, 4, -1)]
    assert soup(second).select_one('.pagination a[aria-current="page"]').get_text(
        " ", strip=True
    ) == ("Page 2")
    last = listing(client, query + "&page=3")
    assert titles(last) == [f"Explainer {n:02}" for n in range(4, -1, -1)]


def test_page_numbers_are_elided():
    page = Paginator(range(300), PAGE_SIZE).page(7)

    links = page_links(page, lambda n: f"?page={n}")

    assert [link.get("number", "…") for link in links["links"]] == [1, "…", 5, 6, 7, 8, 9, "…", 15]
    assert [link["url"] for link in links["links"] if link.get("current")] == ["?page=7"]
    assert (links["previous"], links["next"]) == ("?page=6", "?page=8")


def test_a_page_past_the_last_is_not_found(client, big_library):
    assert client.get("/resources/?page=4").status_code == 404
    assert client.get("/resources/?type=public-comments&page=2").status_code == 404
    assert client.get("/resources/?page=99999999999999999999").status_code == 404
    # An empty first page is a page: the friendly message.
    assert client.get("/resources/?topic=tps").status_code == 200


def test_unknown_parameters_are_ignored(client, library):
    response = listing(client, "?utm_source=newsletter&fbclid=abc&type=faqs-explainers")

    assert result_count(response) == 2
    assert "utm_source" not in " ".join(links(response, ".chip, .timeline-bars a"))


class TestSearchEngines:
    def robots(self, response):
        tag = soup(response).select_one('meta[name="robots"]')
        return tag["content"] if tag else None

    def canonical(self, response):
        tag = soup(response).select_one('link[rel="canonical"]')
        return tag["href"] if tag else None

    @pytest.mark.parametrize(
        "query, canonical",
        [
            ("", "http://localhost/resources/"),
            ("?type=faqs-explainers", "http://localhost/resources/?type=faqs-explainers"),
            ("?topic=daca", "http://localhost/resources/?topic=daca"),
            ("?topic=daca&sort=newest&utm_source=x", "http://localhost/resources/?topic=daca"),
        ],
    )
    def test_the_library_and_single_type_or_topic_views_are_indexable(
        self, client, library, query, canonical
    ):
        response = listing(client, query)
        assert self.robots(response) is None
        assert self.canonical(response) == canonical

    def test_a_second_page_is_its_own_canonical_page(self, client, big_library):
        response = listing(client, "?page=2")
        assert self.canonical(response) == "http://localhost/resources/?page=2"

    @pytest.mark.parametrize(
        "query",
        [
            "?type=faqs-explainers&topic=daca",
            "?type=faqs-explainers&type=public-comments",
            "?q=daca",
            "?date_from=2020",
            "?topic=daca&sort=oldest",
        ],
    )
    def test_other_combinations_are_not_indexed(self, client, library, query):
        response = listing(client, query)
        assert self.robots(response) == "noindex"
        assert self.canonical(response) is None

    def test_a_single_type_view_is_titled_for_it(self, client, library):
        title = soup(listing(client, "?type=faqs-explainers")).title.get_text()
        assert title.startswith("Resources: FAQs & Explainers |")


def test_the_listing_advertises_and_links_to_the_feed_of_its_filters(client, library):
    response = listing(client, "?type=faqs-explainers&topic=daca&sort=oldest&page=1")
    feed = "/resources/feed/?type=faqs-explainers&topic=daca"

    # Beside the site's Latest Items feed, which every page advertises.
    alternates = soup(response).select('link[rel="alternate"][type="application/rss+xml"]')
    assert [a["href"] for a in alternates] == ["/feeds/latest/", feed]
    assert links(response, ".feed-link a") == [feed]


# Warm: the page of results. The library (found by routing), the facet counts (by type and
# year, by topic), the cards, the site, the restricted sections, the form's types and
# topics, the breadcrumb and the library's URL are kept until content changes
# (base/cache.py). Cold: those too, and the cards' items (the page of results is their
# keys) and topics, one query each.
LISTING_QUERIES = QueryCounts(cold=20, warm=1)
# Results in order of relevance, cold, on PostgreSQL: every match ranked (the ranking is
# kept), then the page of results picked from the ranking (publications/search_backend.py).
RANKED_LISTING_QUERIES = QueryCounts(cold=21 if settings.USING_POSTGRES else 20, warm=1)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", LISTING_QUERIES),
        ("?type=faqs-explainers&topic=daca&date_from=2000", LISTING_QUERIES),
        ("?q=explainer", RANKED_LISTING_QUERIES),
        ("?q=explainer&sort=oldest", LISTING_QUERIES),
    ],
)
def test_the_listing_query_count_does_not_grow(client, index, query, expected):
    daca = TopicFactory(name="DACA", slug="daca")
    for n in range(3):
        PublicationPageFactory(parent=index, title=f"Explainer {n}", topics=[daca])
    assert count_queries(client, f"/resources/{query}") == expected

    # More items than a page, more topics, more types, more years.
    for n in range(60):
        topic = TopicFactory(name=f"Topic {n % 15}")
        PublicationPageFactory(
            parent=index,
            title=f"Another explainer {n}",
            date=D(2000 + n % 20, 1, 1),
            resource_type=resource_type(["faqs-explainers", "public-comments"][n % 2]),
            topics=[daca, topic],
        )
    assert count_queries(client, f"/resources/{query}") == expected


def test_invalid_filters_cost_no_more_than_the_form(client, index):
    # Warm: none; everything the form and page need comes from the cache.
    counts = count_queries(client, "/resources/", {"type": "nope"}, status=400)
    assert counts == QueryCounts(cold=14, warm=0)
