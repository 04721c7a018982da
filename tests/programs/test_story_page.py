import datetime
import re

import feedparser
import pytest

from programs.models import StoryPage
from tests.factories import (
    ProgramPageFactory,
    PublicationPageFactory,
    StoryPageFactory,
    TopicFactory,
    resource_type,
)
from tests.query_counts import QueryCounts, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(programs):
    return ProgramPageFactory(
        parent=programs, title="Collective Freedom Project", slug="collective-freedom-project"
    )


@pytest.fixture
def story(program):
    return StoryPageFactory(
        parent=program,
        title="Harris County Ends Its 287(g) Agreement",
        slug="harris-county",
        place="Houston, Texas",
        date=datetime.date(2022, 10, 3),
        summary="How a coalition ended the agreement.",
        body=[{"type": "paragraph", "value": "<p>Under a 287(g) agreement...</p>"}],
    )


def test_a_story_is_always_of_the_type_stories(story):
    assert story.resource_type == resource_type("stories")
    assert StoryPage.objects.in_language("en").get().resource_type.name == "Stories"


def test_story_page_shows_program_place_date_summary_and_body(client, story):
    response = client.get(story.url)

    assert response.status_code == 200
    html = response.content.decode()
    order = [
        'aria-label="Breadcrumb"',
        'Stories · <a href="/programs/collective-freedom-project/">Collective Freedom Project</a>',
        "<h1>Harris County Ends Its 287(g) Agreement</h1>",
        'Houston, Texas · <time datetime="2022-10-03">3 October 2022</time>',
        '<p class="summary">How a coalition ended the agreement.</p>',
        "<p>Under a 287(g) agreement...</p>",
        "More stories from the Collective Freedom Project",
    ]
    positions = [html.index(fragment) for fragment in order]
    assert positions == sorted(positions)
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_stories_join_latest_items_among_publications(client, library, story):
    newer = PublicationPageFactory(parent=library, date=datetime.date(2023, 1, 1))
    older = PublicationPageFactory(parent=library, date=datetime.date(2021, 1, 1))

    entries = feedparser.parse(client.get("/feeds/latest/").content).entries

    assert [entry.title for entry in entries] == [newer.title, story.title, older.title]
    assert [tag.term for tag in entries[1].tags] == ["Stories"]
    stories = client.get("/resources/feed/", {"type": resource_type("stories").slug})
    assert [entry.title for entry in feedparser.parse(stories.content).entries] == [story.title]


# Warm: none. The story and the pages above it (found by routing, with the breadcrumb),
# its topics and program, the site, header, footer and library link are kept until
# content changes (base/cache.py). Cold: each of those, one or two queries.
STORY_PAGE_QUERIES = QueryCounts(cold=19, warm=0)


def test_query_count_is_pinned_and_does_not_grow_with_topics(client, story):
    story.topics.set([TopicFactory(name="Policy Advocacy")])
    story.save_revision().publish()
    small = count_queries(client, story.url)

    story.topics.set([TopicFactory(name=f"Topic {n}") for n in range(8)])
    story.save_revision().publish()
    large = count_queries(client, story.url)

    assert small == large == STORY_PAGE_QUERIES
