"""Nobody anonymous sees a draft, a scheduled page or a private page, anywhere."""

import datetime
import re

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

# Every public address that shows library items. Each new listing (search, feeds,
# the sitemap, filtered listings...) belongs here, so that it is checked for leaks.
PUBLIC_URLS = [
    "/",
    "/resources/",
    "/resources/?sort=oldest&type=faqs-explainers",
    "/resources/?q=parole+detention+litigation+bonds+strategy+title",
    "/search/?q=parole",
    "/search/?q=detention",
    "/search/?q=litigation",
    "/search/?q=bonds",
    "/search/?q=strategy",
    "/search/?q=title",
    "/feeds/latest/",
    "/resources/feed/",
]

VISIBLE = "Visible Explainer on Asylum"
HIDDEN = {
    "draft": "Unfinished Draft on Parole",
    "scheduled": "Embargoed Report on Detention",
    "login": "Staff-Only Memo on Litigation",
    "password": "Partners-Only Toolkit on Bonds",
    "groups": "Moderators-Only Note on Strategy",
    "scheduled_change": "Scheduled New Title Not Yet Public",
}


@pytest.fixture
def hidden_pages(index):
    """One page of each kind that anonymous readers must not see, and one they must."""
    newest = datetime.date(2030, 1, 1)  # newer than everything, so listings would show them
    pages = {"visible": PublicationPageFactory(parent=index, title=VISIBLE, date=newest)}
    pages["draft"] = PublicationPageFactory(
        parent=index, title=HIDDEN["draft"], date=newest, live=False
    )

    scheduled = PublicationPageFactory(
        parent=index, title=HIDDEN["scheduled"], date=newest, live=False
    )
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=7)
    scheduled.save_revision().publish()
    pages["scheduled"] = scheduled

    for kind, restriction in [("login", "login"), ("password", "password"), ("groups", "groups")]:
        page = PublicationPageFactory(parent=index, title=HIDDEN[kind], date=newest)
        PageViewRestriction.objects.create(
            page=page, restriction_type=restriction, password="partners-2024"
        )
        pages[kind] = page

    # A live page with a new title scheduled for next week.
    changing = PublicationPageFactory(parent=index, title="Current Public Title", date=newest)
    changing.save_revision().publish()
    changing.refresh_from_db()  # as the editor's next visit to the admin would
    changing.title = HIDDEN["scheduled_change"]
    changing.go_live_at = timezone.now() + datetime.timedelta(days=7)
    changing.save_revision().publish()
    pages["scheduled_change"] = changing
    return pages


def test_the_hidden_pages_really_are_unpublished_or_private(hidden_pages):
    assert not hidden_pages["draft"].live
    hidden_pages["scheduled"].refresh_from_db()
    assert not hidden_pages["scheduled"].live
    hidden_pages["scheduled_change"].refresh_from_db()
    assert hidden_pages["scheduled_change"].title == "Current Public Title"


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_never_show_hidden_items(client, hidden_pages, url):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    for kind, title in HIDDEN.items():
        assert title not in html, f"{url} shows the {kind} page"


def test_the_library_lists_the_visible_item(client, hidden_pages):
    # The check above means something: the same listing shows a public item.
    assert VISIBLE in client.get("/resources/").content.decode()
    assert "Current Public Title" in client.get("/resources/").content.decode()


def test_counts_and_facets_leave_hidden_items_out(client, hidden_pages):
    html = client.get("/resources/").content.decode()

    assert "2 results" in html
    assert re.search(r"FAQs &amp; Explainers <span class=\"facet-count\">\(2<", html)


def test_the_sitemap_lists_no_hidden_page(client, hidden_pages):
    xml = client.get("/sitemap-pages.xml").content.decode()

    assert f"/{hidden_pages['visible'].slug}/" in xml
    for kind in HIDDEN:
        if kind != "scheduled_change":  # a live page: listed under its current title
            assert f"/{hidden_pages[kind].slug}/" not in xml, kind


def test_latest_items_hold_only_the_public_items(client, hidden_pages):
    feed = feedparser.parse(client.get("/feeds/latest/").content)
    titles = {entry.title for entry in feed.entries}

    assert titles == {VISIBLE, "Current Public Title"}


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_unpublished_pages_are_not_found(client, hidden_pages, kind):
    response = client.get(f"/resources/{hidden_pages[kind].slug}/")

    assert response.status_code == 404
    assert HIDDEN[kind] not in response.content.decode()


@pytest.mark.parametrize("kind", ["login", "groups"])
def test_login_restricted_pages_send_readers_to_sign_in(client, hidden_pages, kind):
    response = client.get(hidden_pages[kind].url)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_password_protected_pages_ask_for_the_password(client, hidden_pages):
    page = hidden_pages["password"]

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="password"' in html
    assert page.summary not in html
