"""Routing, the site lookup and the view-restriction check from the cache (base/routing.py)
give Wagtail's own answers: for live, restricted, draft, alias and moved pages, a
library's own routes, missing addresses, and two sites.

Each address is asked twice of ours (the first fills the cache, the second reads it),
and once of Wagtail's: `Site.find_for_request` on a request our middleware never saw,
then Wagtail's `Page.route` from that site's root page, then Wagtail's
`Page.get_view_restrictions`.
"""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from base.routing import CachedRoutingMixin, CachedSiteMiddleware
from ilrc_site.models import HomePage
from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def request_for(path, host):
    return RequestFactory().get(path, HTTP_HOST=host)


def route_path(root, request, route, path):
    components = [part for part in path.split("/") if part]
    try:
        result = route(root, request, components)
    except Http404:
        return "404"
    page = result.page
    return (
        page.pk,
        type(page).__name__,
        # A routable page's view, by name: a bound method is another object each time.
        repr([getattr(arg, "__name__", arg) for arg in result.args]),
        tuple(sorted((result.kwargs or {}).items())),
        sorted(Page.get_view_restrictions(page).values_list("pk", flat=True)),
        sorted(page.get_view_restrictions().values_list("pk", flat=True)),
    )


def ours(path, host="testserver"):
    request = request_for(path, host)
    CachedSiteMiddleware(lambda request: None)(request)
    root = Site.find_for_request(request).root_page.specific
    answer = route_path(root, request, type(root).route, path)
    return answer[:-2] + answer[-1:] if answer != "404" else answer


def wagtails(path, host="testserver"):
    request = request_for(path, host)
    root = Site.find_for_request(request).root_page.specific
    # The route of the class after ours in the root page's MRO: Wagtail's Page.route.
    answer = route_path(root, request, super(CachedRoutingMixin, root).route.__func__, path)
    return answer[:-1] if answer != "404" else answer


def assert_same(paths, host="testserver"):
    for path in paths:
        first, second, wagtail = ours(path, host), ours(path, host), wagtails(path, host)
        assert first == second == wagtail, path


def test_live_restricted_and_draft_pages_and_a_librarys_routes(index):
    live = PublicationPageFactory(parent=index, slug="asylum-basics")
    assert ours("/resources/asylum-basics/")[0] == live.pk
    secret = PublicationPageFactory(parent=index, slug="partners-memo")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    draft = PublicationPageFactory(parent=index, slug="not-yet", live=False)
    assert not Page.objects.get(pk=draft.pk).live

    assert_same(
        [
            "/",
            "/resources/",
            "/resources/asylum-basics/",
            "/resources/partners-memo/",
            "/resources/not-yet/",
            "/resources/feed/",
            "/resources/asylum-basics/feed/",
            "/resources/no-such-page/",
            "/no-such-section/resources/",
        ]
    )
    assert ours("/resources/not-yet/") == "404"
    assert ours("/resources/partners-memo/")[-1] != []


def test_a_restriction_on_a_section_and_an_alias(index, home):
    page = PublicationPageFactory(parent=index, slug="work-permits")
    section = PublicationPageFactory(parent=home, slug="members")
    alias = page.create_alias(parent=section, update_slug="work-permits-alias")
    PageViewRestriction.objects.create(page=section, restriction_type="login")

    assert_same(["/members/", "/members/work-permits-alias/", "/resources/work-permits/"])
    assert ours("/members/work-permits-alias/")[0] == alias.pk


def test_a_moved_page_is_found_at_its_new_address_only(index, home):
    page = PublicationPageFactory(parent=index, slug="daca-renewals")
    elsewhere = PublicationPageFactory(parent=home, slug="archive")
    assert ours("/resources/daca-renewals/")[0] == page.pk  # kept at its old address

    page.move(elsewhere, pos="last-child")

    assert_same(["/resources/daca-renewals/", "/archive/daca-renewals/"])
    assert ours("/resources/daca-renewals/") == "404"
    assert ours("/archive/daca-renewals/")[0] == page.pk


def test_two_sites_each_route_below_their_own_root(index, home):
    PublicationPageFactory(parent=index, slug="asylum-basics")
    other_root = home.add_child(
        instance=HomePage(title="Partner network", slug="partners", hero_tagline="Partners")
    )
    PublicationPageFactory(parent=other_root, slug="asylum-basics")
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_root)

    for host in ("testserver", "127.0.0.1"):
        assert_same(["/", "/asylum-basics/", "/resources/asylum-basics/"], host)
    assert ours("/", "127.0.0.1")[0] == other_root.pk
    assert ours("/", "testserver")[0] == home.pk
