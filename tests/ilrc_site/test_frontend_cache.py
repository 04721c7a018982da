"""A CDN in front of the site is told which addresses to forget, once per change and
after the change is saved (see ilrc_site/frontend_cache.py)."""

import datetime
from types import SimpleNamespace

from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from ilrc_site.site_chrome import NavigationSettings
from programs.models import ProgramPage, StoryPage
from publications.models import PublicationIndexPage, PublicationPage, ResourceType, Topic
from publications.tasks import store
from tests.demo import DemoSiteTestCase
from tests.factories import PublicationPageFactory

SITE = "http://localhost"
# What every change purges: each live page that is not a dated item, and the feeds
# and sitemap. Dated items' own pages are purged only when they change themselves.
SHARED = {
    f"{SITE}/",
    f"{SITE}/resources/",
    f"{SITE}/resources/feed/",
    f"{SITE}/feeds/latest/",
    f"{SITE}/sitemap.xml",
    f"{SITE}/sitemap-pages.xml",
    f"{SITE}/programs/",
    f"{SITE}/programs/immigrant-justice-network/",
    f"{SITE}/programs/new-americans-campaign/",
    f"{SITE}/programs/collective-freedom-project/",
    f"{SITE}/daca/",
    f"{SITE}/u-visa-t-visa-vawa/",
    f"{SITE}/immigration-enforcement/",
    f"{SITE}/about/",
    f"{SITE}/contact/",
    f"{SITE}/api/v1/items/",
    f"{SITE}/api/v1/types/",
    f"{SITE}/api/v1/topics/",
}

# The same in Spanish: purged by changes to what every language shows (a type, the
# navigation), never by a change to an English page, which Spanish listings never show.
SPANISH_SHARED = {
    f"{SITE}/es/",
    f"{SITE}/es/recursos/",
    f"{SITE}/es/recursos/feed/",
    f"{SITE}/es/feeds/latest/",
    f"{SITE}/es/programas/",
    f"{SITE}/es/programas/immigrant-justice-network/",
    f"{SITE}/es/programas/new-americans-campaign/",
    f"{SITE}/es/programas/collective-freedom-project/",
    f"{SITE}/es/daca/",
    f"{SITE}/es/visa-u-visa-t-vawa/",
    f"{SITE}/es/control-migratorio/",
    f"{SITE}/es/quienes-somos/",
    f"{SITE}/es/contacto/",
    f"{SITE}/api/v1/items/?lang=es",
    f"{SITE}/api/v1/types/?lang=es",
    f"{SITE}/api/v1/topics/?lang=es",
}


def item_urls(page):
    """A dated item's page and its address in the API, and a publication's PDF."""
    urls = {page.full_url, f"{SITE}/api/v1/items/{page.pk}/"}
    if issubclass(page.specific_class, PublicationPage):
        urls.add(page.full_url + "pdf/")
    return urls


def translation_urls(page):
    """The addresses of the page's live translations, which link to it (hreflang, and
    the API's `translations`)."""
    return set().union(*(item_urls(t) for t in page.get_translations().live()))


class RecordingBackend(BaseBackend):
    """A CDN that notes each batch of addresses it is asked to purge."""

    batches = []

    def purge_batch(self, urls):
        RecordingBackend.batches.append(set(urls))


CDN = {"cdn": {"BACKEND": "tests.ilrc_site.test_frontend_cache.RecordingBackend"}}


class FrontendCachePurgeTests(DemoSiteTestCase):
    with_translations = True  # purges of Spanish pages too

    def setUp(self):
        # For each test, not the class: loading the demo content is no change to purge.
        self.enterContext(override_settings(WAGTAILFRONTENDCACHE=CDN))
        RecordingBackend.batches.clear()

    def purged_by(self, change):
        """The one batch of addresses purged for `change()`, once it is committed."""
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            change()
            self.assertEqual(RecordingBackend.batches, [], "purged before the change was saved")
        self.assertTrue(callbacks)
        self.assertEqual(len(RecordingBackend.batches), 1)
        return RecordingBackend.batches[0]

    def test_publishing_purges_the_item_and_every_page_that_lists_it(self):
        page = PublicationPageFactory(
            parent=PublicationIndexPage.objects.in_language("en").get(),
            title="New detainer advisory",
            date=datetime.date.today(),
            topics=list(Topic.objects.filter(slug="immigration-enforcement")),
            live=False,
        )

        purged = self.purged_by(lambda: page.save_revision().publish())

        self.assertEqual(purged, SHARED | item_urls(page))

    def test_a_publications_new_pdf_purges_its_own_addresses_only(self):
        # Only the publication's page links to its PDF: no listing needs purging.
        page = PublicationPage.objects.in_language("en").live().order_by("-date").first()
        pdf = SimpleNamespace(content=b"%PDF-1.7 a publication", page_count=1)

        purged = self.purged_by(lambda: store(page, page.get_latest_revision(), pdf))

        self.assertEqual(purged, item_urls(page))

    def test_publishing_a_spanish_page_purges_the_spanish_listings_and_its_original(self):
        page = PublicationPage.objects.in_language("es").live().order_by("-date").first()
        original = translation_urls(page)

        purged = self.purged_by(lambda: page.save_revision().publish())

        self.assertEqual(len(original), 3)  # the page, its PDF and its API address
        sitemap = {f"{SITE}/sitemap.xml", f"{SITE}/sitemap-pages.xml"}
        self.assertEqual(purged, SPANISH_SHARED | sitemap | item_urls(page) | original)

    def test_unpublishing_purges_the_item_and_every_page_that_listed_it(self):
        story = StoryPage.objects.in_language("en").live().order_by("-date").first()
        translations = translation_urls(story)

        purged = self.purged_by(story.unpublish)

        self.assertTrue(translations)
        self.assertEqual(purged, SHARED | item_urls(story) | translations)

    def test_moving_purges_the_old_and_the_new_address(self):
        story = StoryPage.objects.in_language("en").live().order_by("-date").first()
        translations = translation_urls(story)
        old_urls = item_urls(story)
        new_program = ProgramPage.objects.in_language("en").get(slug="immigrant-justice-network")

        purged = self.purged_by(lambda: story.move(new_program, pos="last-child"))

        story.refresh_from_db()
        self.assertEqual(purged, SHARED | old_urls | item_urls(story) | translations)

    def test_deleting_purges_the_item_and_every_page_that_listed_it(self):
        page = PublicationPage.objects.in_language("en").live().order_by("-date").first()
        urls, translations = item_urls(page), translation_urls(page)

        purged = self.purged_by(page.delete)

        self.assertTrue(translations)
        self.assertEqual(purged, SHARED | urls | translations)

    def test_a_type_or_topic_change_purges_the_pages_that_list_items(self):
        def rename_type():
            toolkits = ResourceType.objects.get(slug="toolkits-reports")
            toolkits.name = "Toolkits and Reports"
            toolkits.save()

        self.assertEqual(self.purged_by(rename_type), SHARED | SPANISH_SHARED)

    def test_a_navigation_change_is_purged_once_for_the_setting_and_its_links(self):
        def add_link():
            navigation = NavigationSettings.objects.get()
            navigation.links.add(navigation.links.model(label="Donate", url="https://example.org/"))
            navigation.save()  # saves the setting, then its links: one signal each

        self.assertEqual(self.purged_by(add_link), SHARED | SPANISH_SHARED)

    def test_nothing_is_looked_up_without_a_cdn(self):
        toolkits = ResourceType.objects.get(slug="toolkits-reports")

        with override_settings(WAGTAILFRONTENDCACHE={}), self.assertNumQueries(1):
            with self.captureOnCommitCallbacks(execute=True):
                toolkits.save()  # the UPDATE, and no query for addresses to purge
