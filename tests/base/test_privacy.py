"""Which pages lists may show (base/privacy.py) is Wagtail's own answer: `.live().public()`,
for restricted sections, restricted pages below and beside others, drafts, aliases,
moved pages and two sites, before and after each change (the restricted sections are
kept per content generation)."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from base.privacy import public
from ilrc_site.models import HomePage
from publications.models import PublicationPage
from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def assert_same_as_wagtail(host="testserver"):
    request = RequestFactory().get("/", HTTP_HOST=host)
    for model in (Page, PublicationPage):
        wagtail = set(model.objects.live().public().values_list("pk", flat=True))
        for _ in range(2):  # computed, then read from the cache
            ours = set(public(request, model.objects.live()).values_list("pk", flat=True))
            assert ours == wagtail, model
        assert set(
            PublicationPage.objects.live_public(request).values_list("pk", flat=True)
        ) == set(
            PublicationPage.objects.in_language("en").live().public().values_list("pk", flat=True)
        )
    return wagtail


def test_restrictions_drafts_aliases_and_moves_give_wagtails_answer(index, home):
    open_page = PublicationPageFactory(parent=index, title="Open")
    assert open_page.pk in assert_same_as_wagtail()

    # A page, and a section with a page and an alias below it.
    memo = PublicationPageFactory(parent=index, title="Memo")
    PageViewRestriction.objects.create(page=memo, restriction_type="login")
    section = PublicationPageFactory(parent=home, title="Members", slug="members")
    inside = PublicationPageFactory(parent=section, title="Inside")
    alias = open_page.create_alias(parent=section, update_slug="open-alias")
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="password")
    PublicationPageFactory(parent=index, title="Draft", live=False)
    # A sibling of the restricted section is not below it.
    neighbour = PublicationPageFactory(parent=home, title="Members area news")

    shown = assert_same_as_wagtail()
    assert {memo.pk, section.pk, inside.pk, alias.pk} & shown == set()
    assert {open_page.pk, neighbour.pk} <= shown

    # Moved out of the restricted section, then the restriction lifted.
    inside.move(index, pos="last-child")
    assert inside.pk in assert_same_as_wagtail()
    restriction.delete()
    assert {section.pk, alias.pk} <= assert_same_as_wagtail()


def test_each_site_gives_wagtails_answer(index, home):
    other_root = home.add_child(
        instance=HomePage(title="Partner network", slug="partners", hero_tagline="Partners")
    )
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_root)
    hidden = PublicationPageFactory(parent=other_root, title="Partners only")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    for host in ("testserver", "127.0.0.1"):
        assert hidden.pk not in assert_same_as_wagtail(host)
