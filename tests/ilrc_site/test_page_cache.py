import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import PageViewRestriction

from ilrc_site.settings.base import redis_cache
from ilrc_site.site_chrome import NavigationSettings
from publications.models import PublicationIndexPage, PublicationPage, ResourceType
from tests.demo import DemoSiteTestCase
from tests.factories import PublicationPageFactory
from tests.shared_cache import redis_test_cache


@override_settings(PAGE_CACHE_SECONDS=3600)
class PageCacheTests(DemoSiteTestCase):
    def setUp(self):
        cache.clear()
        self.library = PublicationIndexPage.objects.in_language("en").get()

    def get(self, url="/resources/"):
        return self.client.get(url)

    def test_anonymous_pages_are_served_from_the_cache_without_queries(self):
        first = self.get()
        self.assertEqual(first["X-Page-Cache"], "miss")

        with self.assertNumQueries(0):
            second = self.get()

        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(second.content, first.content)
        self.assertIn("public", second["Cache-Control"])
        self.assertIn("s-maxage=300", second["Cache-Control"])

    def test_a_published_publication_shows_on_the_very_next_request(self):
        self.get()
        PublicationPageFactory(
            parent=self.library, title="Brand new explainer", date=datetime.date.today()
        ).save_revision().publish()

        self.assertContains(self.get(), "Brand new explainer")

    def test_an_unpublished_publication_disappears_on_the_very_next_request(self):
        page = PublicationPage.objects.in_language("en").live().order_by("-date").first()
        self.assertContains(self.get(), page.title)
        self.assertEqual(self.get(page.url).status_code, 200)

        page.unpublish()

        self.assertNotContains(self.get(), page.title)
        self.assertEqual(self.get(page.url).status_code, 404)

    def test_deleting_and_moving_pages_clear_the_cache(self):
        page = PublicationPage.objects.in_language("en").live().order_by("-date").first()
        self.get()

        page.delete()

        self.assertNotContains(self.get(), page.title)

    def test_renaming_a_type_or_changing_the_navigation_shows_at_once(self):
        self.get()
        ResourceType.objects.filter(slug="toolkits-reports").update(name="unused")  # no signal
        toolkits = ResourceType.objects.get(slug="toolkits-reports")
        toolkits.name = "Toolkits and Reports"
        toolkits.save()

        self.assertContains(self.get(), "Toolkits and Reports")

        navigation = NavigationSettings.objects.get()
        navigation.links.add(navigation.links.model(label="Donate", url="https://example.org/"))
        navigation.save()

        self.assertContains(self.get(), "Donate")

    def test_pages_cached_before_a_change_is_committed_are_not_served_after(self):
        with self.captureOnCommitCallbacks(execute=True):
            ResourceType.objects.create(name="Webinars", slug="webinars", sort_order=9)
            # Until the commit, other processes still read the library without the new
            # type, and cache what they read.
            self.get()
            self.assertEqual(self.get()["X-Page-Cache"], "hit")

        self.assertEqual(self.get()["X-Page-Cache"], "miss")

    def test_a_new_view_restriction_applies_at_once(self):
        page = PublicationPage.objects.in_language("en").live().order_by("-date").first()
        self.assertEqual(self.get(page.url).status_code, 200)

        PageViewRestriction.objects.create(page=page, restriction_type="login")

        self.assertEqual(self.get(page.url).status_code, 302)

    def test_signed_in_editors_are_never_served_or_stored_in_the_cache(self):
        self.get()  # cached for anonymous visitors
        self.client.force_login(self.make_editor())

        response = self.get()

        self.assertNotIn("X-Page-Cache", response)
        self.assertNotIn("public", response.get("Cache-Control", ""))

    def test_responses_that_set_a_cookie_are_not_cached(self):
        page = PublicationPage.objects.in_language("en").live().first()
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="s3cret"
        )

        response = self.get(page.url)  # the password form sets the CSRF cookie

        self.assertTrue(response.cookies)
        self.assertNotIn("X-Page-Cache", response)

    def test_the_admin_is_never_cached(self):
        response = self.get("/admin/login/")

        self.assertNotIn("X-Page-Cache", response)

    # The production cache configuration, pointed at a port where nothing listens.
    @override_settings(CACHES={"default": redis_cache("redis://127.0.0.1:9/0")})
    def test_pages_are_still_served_when_the_cache_is_down(self):
        response = self.get()

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Resources")

    @pytest.mark.redis
    @override_settings(CACHES={"default": redis_test_cache()})
    def test_redis_shares_the_cache_and_its_invalidation(self):
        cache.clear()
        self.assertEqual(self.get()["X-Page-Cache"], "miss")
        self.assertEqual(self.get()["X-Page-Cache"], "hit")

        ResourceType.objects.create(name="Webinars", slug="webinars", sort_order=9)

        self.assertEqual(self.get()["X-Page-Cache"], "miss")

    def make_editor(self):
        from django.contrib.auth.models import User

        return User.objects.create_superuser("editor", "editor@example.org", "pw")
