import re

import pytest

from ilrc_site.demo.home import HERO_ALT, TAGLINE

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_hero(client, demo_site):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert TAGLINE in html
    assert f'alt="{HERO_ALT}"' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert '<h1 id="hero-heading">Immigrant Legal Resource Center</h1>' in html


def test_hero_changes_when_an_editor_changes_it(client, demo_site):
    demo_site.hero_tagline = "A new tagline from the admin"
    demo_site.save_revision().publish()

    assert "A new tagline from the admin" in client.get("/").content.decode()


def test_missing_page_is_a_friendly_404(client, demo_site):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()
    assert 'href="/"' in response.content.decode()
