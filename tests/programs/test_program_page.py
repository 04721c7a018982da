import datetime
import re

import pytest

from programs.models import ProgramPartner
from tests.factories import (
    ImageFactory,
    ProgramPageFactory,
    PublicationPageFactory,
    StoryPageFactory,
    TopicFactory,
)
from tests.query_counts import QueryCounts, count_queries

pytestmark = pytest.mark.django_db


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def topics():
    return TopicFactory(name="Crimes and Immigration"), TopicFactory(name="Post-Conviction Relief")


@pytest.fixture
def program(programs, topics):
    program = ProgramPageFactory(
        parent=programs,
        title="Immigrant Justice Network",
        slug="immigrant-justice-network",
        acronym="IJN",
        intro="The network engages in advocacy and litigation.",
        website="https://www.immigrantjusticenetwork.org",
        image=ImageFactory(description="The network's logo"),
        topics=list(topics),
        partners=[
            ("Immigrant Defense Project", "https://www.immigrantdefenseproject.org"),
            ("A partner without a website", ""),
        ],
    )
    partner = program.partners.first()
    partner.logo = ImageFactory()
    partner.save()
    return program


def test_program_page_shows_name_intro_image_website_and_partners(client, program):
    html = html_of(client, program)

    assert '<h1>Immigrant Justice Network <span class="acronym">(IJN)</span></h1>' in html
    assert "The network engages in advocacy and litigation." in html
    assert 'alt="The network&#x27;s logo"' in html
    assert 'href="https://www.immigrantjusticenetwork.org">Visit the IJN website</a>' in html
    assert 'href="https://www.immigrantdefenseproject.org"' in html
    assert "<span>A partner without a website</span>" in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_resources_are_the_publications_on_the_programs_topics_newest_first(
    client, library, program, topics
):
    crimes, pcr = topics
    PublicationPageFactory(
        parent=library, title="Older on crimes", date=datetime.date(2019, 1, 1), topics=[crimes]
    )
    PublicationPageFactory(
        parent=library, title="Newer on both", date=datetime.date(2024, 1, 1), topics=[crimes, pcr]
    )
    PublicationPageFactory(parent=library, title="About TPS", topics=[TopicFactory(name="TPS")])
    PublicationPageFactory(parent=library, title="Draft on crimes", topics=[crimes], live=False)

    resources = html_of(client, program).split('id="resources-heading"')[1]

    assert resources.index("Newer on both") < resources.index("Older on crimes")
    assert resources.count(">Newer on both</a>") == 1
    assert "About TPS" not in resources
    assert "Draft on crimes" not in resources
    assert '<a href="/resources/?topic=crimes-and-immigration">Crimes and Immigration</a>' in (
        resources
    )
    assert '<a href="/resources/?topic=post-conviction-relief">Post-Conviction Relief</a>' in (
        resources
    )


def test_stories_are_listed_newest_first(client, program):
    StoryPageFactory(parent=program, title="An older story", date=datetime.date(2020, 1, 1))
    StoryPageFactory(parent=program, title="A newer story", date=datetime.date(2022, 1, 1))

    stories = html_of(client, program).split('id="stories-heading"')[1]

    assert stories.index("A newer story") < stories.index("An older story")


def test_program_index_lists_the_programs(client, programs, program):
    html = html_of(client, programs)

    assert '<a href="/programs/immigrant-justice-network/">Immigrant Justice Network (IJN)</a>' in (
        html
    )
    assert "The network engages in advocacy and litigation." in html


def test_a_program_image_without_alt_text_is_refused(program):
    program.image = ImageFactory(description="")

    with pytest.raises(Exception, match="no alt text"):
        program.full_clean()


# Warm: none. The program (found by routing, with its image and breadcrumb), its topics,
# resources, stories and partners with their logos, the cards, the site, header, footer
# and library link are kept until content changes (base/cache.py). Cold: each of those,
# one or two queries.
PROGRAM_PAGE_QUERIES = QueryCounts(cold=21, warm=0)


def test_partner_logos_are_decorative_beside_the_name(client, program):
    html = html_of(client, program)

    assert re.search(r'<img alt="" class="partner-logo"[^>]*loading="lazy"', html)


def test_query_count_is_pinned_and_does_not_grow(client, library, program, topics):
    small = count_queries(client, program.url)

    for n in range(8):
        PublicationPageFactory(parent=library, topics=list(topics))
        StoryPageFactory(parent=program)
        program.partners.add(
            ProgramPartner(name=f"Partner {n}", url="https://example.org", logo=ImageFactory())
        )
        program.topics.add(TopicFactory(name=f"Extra topic {n}"))
    program.save_revision().publish()
    large = count_queries(client, program.url)

    assert "Partner 7" in html_of(client, program)
    assert small == large == PROGRAM_PAGE_QUERIES
