"""The home page as the demo content builds it from the organisation's home page text."""

import re

import pytest
from django.utils.html import escape

from ilrc_site.demo.home import FEATURED_ALT, FEATURED_TEASER, FEATURED_TITLE, HERO_ALT, TAGLINE
from programs.demo import PROGRAMS
from publications.demo import SEED_PUBLICATIONS

pytestmark = pytest.mark.django_db


def home_html(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_home_page_shows_the_hero(client, demo_site):
    html = home_html(client)

    assert TAGLINE in html
    assert f'alt="{HERO_ALT}"' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert '<h1 id="hero-heading">Immigrant Legal Resource Center</h1>' in html


def test_home_page_shows_the_four_blocks_in_the_seeds_order_with_its_texts(client, demo_site):
    html = home_html(client)

    in_order = [
        f'alt="{HERO_ALT}"',
        f'<p class="tagline">{TAGLINE}</p>',
        f'alt="{FEATURED_ALT}"',
        f'<a href="/local-policy-interventions/">{FEATURED_TITLE}</a>',
        FEATURED_TEASER,
        '<h2 id="programs-heading">Projects and Networks</h2>',
        *[
            fragment
            for program in PROGRAMS
            for fragment in (
                f'<a href="/programs/{program["slug"]}/">{program["title"]}</a>',
                program["intro"],
            )
        ],
        '<h2 id="latest-heading">Latest Items</h2>',
    ]
    positions = [html.index(fragment) for fragment in in_order]
    assert positions == sorted(positions)

    latest = html.split('id="latest-heading"')[1]
    for item in SEED_PUBLICATIONS:
        assert escape(item["summary"]) in latest
        assert escape(item["title"]) in latest
        assert item["date"].isoformat() in latest
    assert latest.count('<article class="card">') == 6
    assert '<a href="/resources/">Browse the whole resource library</a>' in latest
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_hero_changes_when_an_editor_changes_it(client, demo_site):
    demo_site.hero_tagline = "A new tagline from the admin"
    demo_site.save_revision().publish()

    assert "A new tagline from the admin" in home_html(client)


def test_missing_page_is_a_friendly_404(client, demo_site):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()
    assert 'href="/"' in response.content.decode()
