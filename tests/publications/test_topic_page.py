import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from tests.factories import (
    ImageFactory,
    PublicationPageFactory,
    TopicFactory,
    TopicPageFactory,
    resource_type,
)
from tests.query_counts import QueryCounts, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def daca():
    return TopicFactory(name="DACA")


@pytest.fixture
def topic_page(home, index, daca):
    return TopicPageFactory(
        parent=home,
        topic=daca,
        intro="Deferred Action for Childhood Arrivals protects people who came as children.",
        banner_image=ImageFactory(description="Students at a rally."),
    )


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def titles(section):
    return re.findall(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a></h3>', section)


def test_topic_page_shows_banner_intro_and_the_topics_latest_items(client, index, topic_page, daca):
    PublicationPageFactory(
        parent=index, title="Older on DACA", date=datetime.date(2019, 1, 1), topics=[daca]
    )
    PublicationPageFactory(
        parent=index, title="Newer on DACA", date=datetime.date(2024, 1, 1), topics=[daca]
    )
    PublicationPageFactory(parent=index, title="On TPS", topics=[TopicFactory(name="TPS")])
    PublicationPageFactory(parent=index, title="Draft on DACA", topics=[daca], live=False)

    html = html_of(client, topic_page)

    assert "<h1>DACA</h1>" in html
    assert 'alt="Students at a rally."' in html
    assert "protects people who came as children." in html
    latest = html.split('id="topic-latest-heading"')[1]
    assert titles(latest) == ["Newer on DACA", "Older on DACA"]
    assert '<a href="/resources/?topic=daca">All resources on DACA in the library</a>' in latest
    assert 'id="popular-heading"' not in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_popular_resources_are_the_editors_picks_in_their_order(client, index, home, daca):
    first = PublicationPageFactory(
        parent=index, title="Picked first", date=datetime.date(2018, 1, 1)
    )
    second = PublicationPageFactory(
        parent=index, title="Picked second", resource_type=resource_type("public-comments")
    )
    unpublished = PublicationPageFactory(parent=index, title="Picked but unpublished")
    page = TopicPageFactory(parent=home, topic=daca, popular=[first, second, unpublished])
    unpublished.unpublish()

    popular = html_of(client, page).split('id="popular-heading"')[1].split("</section>")[0]

    assert titles(popular) == ["Picked first", "Picked second"]
    assert "Public Comments / Sign-on Letters" in popular


def test_a_topic_has_at_most_one_page(home, topic_page, daca):
    with pytest.raises(ValidationError, match="This topic has a page in this language already"):
        TopicPageFactory(parent=home, topic=daca, slug="daca-again")


def test_a_banner_without_alt_text_is_refused(topic_page):
    topic_page.banner_image = ImageFactory(description="")

    with pytest.raises(Exception, match="no alt text"):
        topic_page.full_clean()


# Warm: none. The page (found by routing, with its topic, banner image and breadcrumb),
# the popular picks and latest items, their cards, the site, header, footer and library
# link are kept until content changes (base/cache.py). Cold: each of those, one or two
# queries.
TOPIC_PAGE_QUERIES = QueryCounts(cold=17, warm=0)


def test_query_count_is_pinned_and_does_not_grow(client, index, topic_page, daca):
    picked = PublicationPageFactory(parent=index, topics=[daca])
    topic_page.popular_resources.add(topic_page.popular_resources.model(item=picked))
    topic_page.save_revision().publish()
    small = count_queries(client, topic_page.url)

    for _ in range(10):
        item = PublicationPageFactory(parent=index, topics=[daca])
        topic_page.popular_resources.add(topic_page.popular_resources.model(item=item))
    topic_page.save_revision().publish()
    large = count_queries(client, topic_page.url)

    assert small == large == TOPIC_PAGE_QUERIES


def test_latest_items_leave_out_the_popular_picks(client, index, home, daca):
    picked = PublicationPageFactory(parent=index, title="Picked", topics=[daca])
    PublicationPageFactory(parent=index, title="Not picked", topics=[daca])
    page = TopicPageFactory(parent=home, topic=daca, popular=[picked])

    latest = html_of(client, page).split('id="topic-latest-heading"')[1]

    assert titles(latest) == ["Not picked"]
