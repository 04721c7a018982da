"""The lookups kept per content generation (publications/content_cache.py) are never stale.

The whole-page cache is off here (as in every test unless switched on): these pages
are rendered afresh, with the site, view restrictions, types, topics, breadcrumbs and
the library's address from the cache warmed by the requests before the change.
"""

import datetime

import pytest
from django.core.cache import cache
from django.core.cache.backends.dummy import DummyCache
from wagtail.models import PageViewRestriction, Site

from ilrc_site.models import HomePage
from publications import content_cache
from publications.models import PublicationPage, Topic
from tests.factories import PublicationPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def html(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_view_restriction_applies_on_the_next_request(client, index):
    page = PublicationPageFactory(parent=index, title="Memo for partners")
    assert "Memo for partners" in html(client, "/resources/")
    assert client.get(page.url).status_code == 200

    restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")

    assert "Memo for partners" not in html(client, "/resources/")
    assert "login" in client.get(page.url)["Location"]

    restriction.delete()

    assert "Memo for partners" in html(client, "/resources/")
    assert client.get(page.url).status_code == 200


def test_a_restriction_on_a_section_covers_the_pages_below_it(client, index):
    page = PublicationPageFactory(parent=index, title="Explainer below the library")
    assert client.get(page.url).status_code == 200

    PageViewRestriction.objects.create(page=index, restriction_type="login")

    assert client.get(page.url).status_code == 302
    assert "Explainer below the library" not in html(client, "/feeds/latest/")


def test_a_new_topic_is_a_filter_choice_at_once(client, index):
    assert "Farmworkers" not in html(client, "/resources/")
    assert client.get("/resources/", {"topic": "farmworkers"}).status_code == 400

    topic = TopicFactory(name="Farmworkers", slug="farmworkers")
    PublicationPageFactory(parent=index, title="Know your rights at work", topics=[topic])

    assert "Know your rights at work" in html(client, "/resources/", data={"topic": "farmworkers"})


def test_moving_the_library_moves_its_links_and_breadcrumbs(client, index):
    page = PublicationPageFactory(parent=index, title="Asylum basics")
    assert 'href="/resources/?type=' in html(client, page.url)

    index.slug = "library"
    index.save_revision().publish()
    page.refresh_from_db()

    page_html = html(client, page.url)
    assert page.url.startswith("/library/")
    assert 'href="/library/?type=' in page_html
    assert 'href="/library/"' in page_html  # the breadcrumb
    assert 'href="/resources/' not in page_html


def test_each_host_gets_its_own_site(client, home):
    other_home = (
        Site.objects.get()
        .root_page.get_parent()
        .add_child(
            instance=HomePage(
                title="Second site home",
                slug="second-home",
                hero_heading="Elsewhere",
                hero_tagline="Hi",
            )
        )
    )
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_home, site_name="Other")

    assert "Elsewhere" in html(client, "/", HTTP_HOST="127.0.0.1")
    assert "Elsewhere" not in html(client, "/")
    # A host outside ALLOWED_HOSTS is refused before any site is looked up.
    assert client.get("/", HTTP_HOST="attacker.example").status_code == 400


def test_facet_counts_follow_a_publication_at_once(client, index):
    PublicationPageFactory(parent=index, title="First explainer")
    assert "1 result" in html(client, "/resources/")
    assert "1 result" in html(client, "/resources/", data={"sort": "oldest"})

    draft = PublicationPageFactory(parent=index, title="Second explainer", live=False)
    draft.save_revision().publish()

    assert "2 results" in html(client, "/resources/")
    assert "2 results" in html(client, "/resources/", data={"sort": "oldest"})


KEPT_PARTS = {
    "publications/includes/item_card.html",
    "publications/includes/facet.html",
    "publications/includes/timeline.html",
}


def test_cards_facets_and_timeline_are_rendered_once_per_change(client, index):
    topic = TopicFactory(name="Farmworkers", slug="farmworkers")
    PublicationPageFactory(parent=index, title="Know your rights at work", topics=[topic])
    # The first request makes the header and footer settings, a change of content.
    client.get("/resources/")
    first, again = client.get("/resources/"), client.get("/resources/?page=1")
    assert KEPT_PARTS <= {t.name for t in first.templates}
    assert not KEPT_PARTS & {t.name for t in again.templates}
    assert first.content == again.content


def test_cards_and_facets_are_kept_until_content_changes(client, index):
    topic = TopicFactory(name="Farmworkers", slug="farmworkers")
    PublicationPageFactory(parent=index, title="Know your rights at work", topics=[topic])
    # The topic shows in its checkbox and on the card (the first request makes the
    # header and footer settings, a change of content).
    html(client, "/resources/")
    assert html(client, "/resources/").count("Farmworkers") == 2

    # A change that bypasses the models' signals moves nothing on: both stay as kept...
    Topic.objects.filter(pk=topic.pk).update(name="Field workers")
    assert html(client, "/resources/").count("Farmworkers") == 2

    # ...and an editor's change, which moves the content generation on, shows at once.
    topic.refresh_from_db()
    topic.save()
    page = html(client, "/resources/")
    assert "Farmworkers" not in page
    assert page.count("Field workers") == 2


def test_a_new_year_of_results_reaches_the_timeline(client, index):
    PublicationPageFactory(parent=index, date=datetime.date(2020, 5, 1))
    assert "2019" not in html(client, "/resources/", data={"sort": "oldest"})

    draft = PublicationPageFactory(parent=index, date=datetime.date(2019, 5, 1), live=False)
    draft.save_revision().publish()

    assert 'timeline-year">2019<' in html(client, "/resources/", data={"sort": "oldest"})


def test_a_page_served_again_reads_only_the_generation_from_the_shared_cache(
    client, index, monkeypatch
):
    PublicationPageFactory(parent=index, title="Know your rights at work")
    html(client, "/resources/")  # makes the header and footer settings, a change
    html(client, "/resources/")  # reads and keeps what the page shows

    reads = []
    for method in ("get", "get_many"):
        real = getattr(cache, method)
        monkeypatch.setattr(
            cache, method, lambda key, *a, real=real, **kw: reads.append(key) or real(key, *a, **kw)
        )
    page = html(client, "/resources/")

    assert "Know your rights at work" in page
    # The generation, and Wagtail's own list of the sites' root paths.
    assert reads == [content_cache.GENERATION_KEY, "wagtail_site_root_paths"]


def test_emptying_the_shared_cache_leaves_no_copy_in_use(client, index):
    page = PublicationPageFactory(parent=index, title="Old title")
    html(client, "/resources/")  # makes the header and footer settings, a change
    cache.clear()
    assert "Old title" in html(client, "/resources/")

    # A change that sends no signal, then the shared cache emptied (Redis restarted):
    # the generation starts afresh, and the process's copies of the old one go unused.
    PublicationPage.objects.filter(pk=page.pk).update(title="New title")
    cache.clear()

    assert "New title" in html(client, "/resources/")


def test_while_the_shared_cache_is_out_of_reach_lookups_are_made_afresh(monkeypatch):
    made = []

    def make():
        made.append(1)
        return "value"

    assert content_cache.remember("lookup", make) == "value"
    assert content_cache.remember("lookup", make) == "value"
    assert len(made) == 1

    # Every read misses and every write is lost, as with Redis unreachable: nothing
    # could move the generation on, so no copy kept in the process is trusted.
    monkeypatch.setattr(content_cache, "cache", DummyCache("outage", {}))
    assert content_cache.remember("lookup", make) == "value"
    assert content_cache.remember("lookup", make) == "value"
    assert len(made) == 3


def test_a_name_too_long_for_a_cache_key_is_kept_under_its_hash(monkeypatch, recwarn):
    # A visitor's words go into the names of what is kept (the number of matches).
    name = "search-count:1:" + "asylum " * 60
    made = []

    def make():
        made.append(1)
        return 3

    for _ in range(2):
        # Each time in a new process: read from the shared cache, not from a copy.
        monkeypatch.setattr(content_cache, "_process_copies", content_cache._ProcessCopies())
        assert content_cache.remember(name, make) == 3
        assert content_cache.remember_many([name], lambda names: {n: make() for n in names}) == {
            name: 3
        }
    assert len(made) == 1
    assert [str(w.message) for w in recwarn if "key" in str(w.message).lower()] == []
