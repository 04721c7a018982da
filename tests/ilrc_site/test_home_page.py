import datetime
import re

import pytest

from ilrc_site.demo.home import load_home as make_home
from ilrc_site.models import HomeProgram
from tests.factories import (
    ImageFactory,
    PolicyResourcePageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    StoryPageFactory,
    resource_type,
)
from tests.query_counts import QueryCounts, count_queries

pytestmark = pytest.mark.django_db


def home_html(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def library(home):
    return PublicationIndexPageFactory(parent=home)


@pytest.fixture
def programs(home):
    return ProgramIndexPageFactory(parent=home)


def latest_titles(html):
    latest = html.split('id="latest-heading"')[1]
    return re.findall(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a></h3>', latest)


def test_latest_items_mix_every_kind_newest_first(client, home, library, programs):
    program = ProgramPageFactory(parent=programs)
    PublicationPageFactory(parent=library, title="A publication", date=datetime.date(2024, 1, 1))
    StoryPageFactory(parent=program, title="A story", date=datetime.date(2024, 3, 1))
    PolicyResourcePageFactory(parent=home, title="Policy language", date=datetime.date(2023, 1, 1))

    html = home_html(client)

    assert latest_titles(html) == ["A story", "A publication", "Policy language"]
    assert '<a href="/resources/?type=stories">Stories</a>' in html
    assert '<time datetime="2024-03-01">1 March 2024</time>' in html


def test_latest_items_honour_the_editors_count_and_types(client, home, library):
    for n in range(4):
        PublicationPageFactory(
            parent=library, title=f"Comment {n}", resource_type=resource_type("public-comments")
        )
    PublicationPageFactory(parent=library, title="An explainer", date=datetime.date(2030, 1, 1))
    home.latest_count = 3
    home.latest_types = [resource_type("public-comments")]
    home.save_revision().publish()

    titles = latest_titles(home_html(client))

    assert len(titles) == 3
    assert all(title.startswith("Comment") for title in titles)


def test_unpublished_featured_page_and_programs_are_hidden(client, home, library, programs):
    featured = PublicationPageFactory(parent=library, title="Featured thing")
    draft = ProgramPageFactory(parent=programs, title="Draft program")
    home.featured_page = featured
    home.featured_programs = [HomeProgram(program=draft)]
    home.save_revision().publish()
    assert "Featured thing</a></h2>" in home_html(client)
    draft.unpublish()
    featured.unpublish()

    html = home_html(client)

    assert 'id="featured-heading"' not in html
    assert "Draft program" not in html
    assert 'id="programs-heading"' not in html


def test_featured_image_without_alt_text_is_refused(home):
    home.featured_image = ImageFactory(description="")

    with pytest.raises(Exception, match="no alt text"):
        home.full_clean()


# Warm: none. The home page (with its images and their renditions), its featured page,
# programs and latest items, their cards, the site, the restricted sections, header,
# footer and library link are kept until content changes (base/cache.py). Cold: each of
# those, one or two queries.
HOME_PAGE_QUERIES = QueryCounts(cold=14, warm=0)


def populate(home, library, programs, n):
    """A home page whose every block shows `n` things."""
    home.hero_image = ImageFactory()
    home.featured_page = library
    home.featured_image = ImageFactory()
    home.latest_count = n
    home.latest_types = [resource_type("faqs-explainers"), resource_type("toolkits-reports")]
    home.featured_programs = [
        HomeProgram(program=ProgramPageFactory(parent=programs)) for _ in range(n)
    ]
    home.save_revision().publish()
    for _ in range(n):
        PublicationPageFactory(parent=library)
        PublicationPageFactory(parent=library, resource_type=resource_type("toolkits-reports"))


def test_query_count_is_pinned_and_does_not_grow_with_items_shown(client, home, library, programs):
    populate(home, library, programs, 1)
    small = count_queries(client, "/")

    populate(home, library, programs, 12)
    large = count_queries(client, "/")

    assert "Publication" in home_html(client)
    assert small == large == HOME_PAGE_QUERIES
