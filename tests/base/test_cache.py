"""What is kept per content generation (base/cache.py) is never stale.

The whole-page cache is off here (as in every test unless switched on): these pages
are rendered afresh, with the site, the routes, restricted sections, types, topics,
breadcrumbs, cards and the library's address kept by the requests before the change.
"""

import datetime

import pytest
from django.core.cache import cache
from django.core.cache.backends.dummy import DummyCache
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from base import cache as content_cache
from ilrc_site.models import HomePage
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
    # The generation, and Wagtail's own list of the sites' root paths: everything else
    # is the process's own copy of what the shared cache keeps.
    assert len(reads) == 2


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


def test_while_the_shared_cache_is_out_of_reach_lookups_are_made_afresh(rf, monkeypatch):
    request = rf.get("/")
    made = []

    def make():
        made.append(1)
        return "value"

    assert content_cache.kept(request, ("lookup",), make) == "value"
    assert content_cache.kept(request, ("lookup",), make) == "value"
    assert len(made) == 1

    # Every read misses and every write is lost, as with Redis unreachable: nothing
    # could move the generation on, so no copy kept in the process is trusted.
    monkeypatch.setattr(content_cache, "cache", DummyCache("outage", {}))
    assert content_cache.kept(request, ("lookup",), make) == "value"
    assert content_cache.kept(request, ("lookup",), make) == "value"
    assert len(made) == 3


def test_a_name_too_long_for_a_cache_key_is_kept_under_its_hash(rf, recwarn):
    # A visitor's words go into the names of what is kept (the number of matches).
    request = rf.get("/")
    parts = ("search-count", "asylum " * 60)
    made = []

    def make():
        made.append(1)
        return 3

    for _ in range(2):
        assert content_cache.kept(request, parts, make) == 3
    name = content_cache.cache_name(request, *parts)
    assert len(name) <= 250 and " " not in name
    assert cache.get(name) == 3
    assert len(made) == 1
    assert [str(w.message) for w in recwarn if "key" in str(w.message).lower()] == []


def test_each_name_says_the_site_the_language_and_whether_it_is_a_preview(rf):
    live = rf.get("/", HTTP_HOST="localhost")
    other_site = rf.get("/", HTTP_HOST="127.0.0.1")
    preview = rf.get("/", HTTP_HOST="localhost")
    preview.is_preview = True

    names = {content_cache.cache_name(r, "footer") for r in (live, other_site, preview)}
    with translation.override("es"):
        names.add(content_cache.cache_name(live, "footer"))

    assert len(names) == 4


def test_visitors_choices_are_kept_within_a_budget(rf, settings):
    settings.CONTENT_CACHE_VISITOR_ENTRIES = 3
    request = rf.get("/")
    for n in range(10):
        content_cache.kept(request, ("search-count", f"word{n}"), lambda: 1, chosen=True)

    kept = [
        n
        for n in range(10)
        if cache.get(content_cache.cache_name(request, "search-count", f"word{n}")) is not None
    ]
    assert kept == [0, 1, 2]
    # What nobody chose is kept whatever the budget.
    content_cache.kept(request, ("footer",), lambda: "footer")
    assert cache.get(content_cache.cache_name(request, "footer")) == "footer"

    # A change starts a new budget with the new generation.
    content_cache.changed()
    content_cache.kept(request, ("search-count", "word9"), lambda: 1, chosen=True)
    assert cache.get(content_cache.cache_name(request, "search-count", "word9")) == 1
