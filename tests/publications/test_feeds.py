"""RSS feeds: Latest Items at /feeds/latest/ and any filtered view at /resources/feed/."""

import datetime

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from tests.factories import PublicationPageFactory, TopicFactory, resource_type
from tests.query_counts import QueryCounts, count_queries

from .library import titles

pytestmark = pytest.mark.django_db

D = datetime.date


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    return feed


@pytest.fixture
def library(index):
    daca = TopicFactory(name="DACA", slug="daca")
    for n in range(8):
        PublicationPageFactory(
            parent=index,
            title=f"Explainer {n}",
            date=D(2020, 1, 1) + datetime.timedelta(days=30 * n),
            topics=[daca] if n % 2 else [],
        )
    PublicationPageFactory(
        parent=index,
        title="Comment on DACA",
        date=D(2019, 5, 1),
        resource_type=resource_type("public-comments"),
        summary="Our comment on the DACA rule.",
        topics=[daca],
    )
    return index


def test_latest_items_feed_has_title_link_date_type_and_summary(client, library):
    feed = parse(client.get("/feeds/latest/"))

    assert feed.feed.title == "Latest items | Immigrant Legal Resource Center"
    assert feed.feed.link == "http://testserver/"
    newest = feed.entries[0]
    assert newest.title == "Explainer 7"
    assert newest.link == "http://testserver/resources/explainer-7/"
    assert newest.published_parsed[:3] == (2020, 7, 29)
    assert [tag.term for tag in newest.tags] == ["FAQs & Explainers"]
    assert newest.summary == "What Explainer 7 is about."
    assert feed.entries[-1].title == "Comment on DACA"
    assert [tag.term for tag in feed.entries[-1].tags] == ["Public Comments / Sign-on Letters"]


def test_latest_items_feed_holds_the_thirty_newest_live_public_items(client, index):
    for n in range(33):
        PublicationPageFactory(parent=index, date=D(2000, 1, 1) + datetime.timedelta(days=n))
    PublicationPageFactory(parent=index, title="Draft", date=D(2030, 1, 1), live=False)
    private = PublicationPageFactory(parent=index, title="Private", date=D(2030, 1, 1))
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    feed = parse(client.get("/feeds/latest/"))

    assert len(feed.entries) == 30
    dates = [entry.published_parsed[:3] for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert {"Draft", "Private"}.isdisjoint(entry.title for entry in feed.entries)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?topic=daca",
        "?type=public-comments",
        "?type=faqs-explainers&topic=daca&date_from=2020-03&date_to=2020-12",
        "?q=daca",
        "?q=explainer&date_to=2020-06",
    ],
)
def test_the_library_feed_matches_the_listing_for_the_same_filters(client, library, query):
    feed = parse(client.get(f"/resources/feed/{query}"))
    listing = client.get(f"/resources/{query}{'&' if query else '?'}sort=newest")

    assert [entry.title for entry in feed.entries] == titles(listing)
    assert feed.entries, "each case has results"


@pytest.mark.parametrize("url", ["/feeds/latest/", "/resources/feed/"])
def test_a_feed_is_sent_in_one_piece(client, library, url):
    # The server writes each piece of a response it iterates over with a system call.
    response = client.get(url)
    assert len(list(response)) == 1
    assert parse(response).entries


def test_the_library_feed_is_titled_and_linked_for_its_filters(client, library):
    feed = parse(client.get("/resources/feed/?topic=daca&type=public-comments&sort=oldest"))

    assert feed.feed.title == (
        "Resources: Public Comments / Sign-on Letters, DACA | Immigrant Legal Resource Center"
    )
    assert feed.feed.link == "http://testserver/resources/?type=public-comments&topic=daca"
    assert [entry.title for entry in feed.entries] == ["Comment on DACA"]


def test_the_library_feed_answers_bad_filters_with_400_and_a_message(client, library):
    response = client.get("/resources/feed/?topic=nope&date_from=2023-13-45")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    # It names the fields to fix, without sending back what was typed.
    assert "This feed's filters are not valid (Topic, From)." in text
    assert "nope" not in text
    assert "2023-13-45" not in text


def test_feeds_never_read_page_bodies(client, library, django_assert_max_num_queries):
    for url in ["/feeds/latest/", "/resources/feed/?q=daca&topic=daca"]:
        with django_assert_max_num_queries(12) as queries:
            parse(client.get(url))
        # Bodies live in each kind's own table, which no query reads.
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        assert "publications_publicationpage" not in sql


# Warm: the items' keys; the items as the feed shows them, the site, the restricted
# sections, the library (found by routing) and the form's types and topics are kept until
# content changes (base/cache.py). Cold: those lookups too, and the items with their types.
@pytest.mark.parametrize(
    "url, expected",
    [
        ("/feeds/latest/", QueryCounts(cold=7, warm=1)),
        ("/resources/feed/?topic=daca&q=explainer", QueryCounts(cold=12, warm=1)),
    ],
)
def test_the_feeds_query_count_does_not_grow(client, index, url, expected):
    daca = TopicFactory(name="DACA", slug="daca")
    PublicationPageFactory(parent=index, title="Explainer", topics=[daca])
    assert count_queries(client, url) == expected
    assert len(parse(client.get(url)).entries) == 1

    for n in range(40):
        PublicationPageFactory(parent=index, title=f"Explainer {n}", topics=[daca])
    assert count_queries(client, url) == expected
    assert len(parse(client.get(url)).entries) == 30


def test_no_publication_can_take_the_feeds_address(index):
    from django.core.exceptions import ValidationError

    page = PublicationPageFactory.build(title="Feed", slug="feed")
    with pytest.raises(ValidationError, match="address of the library's feed"):
        index.add_child(instance=page)
