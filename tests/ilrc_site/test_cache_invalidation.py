"""Every change an editor makes shows on the very next request, on every cached page
it appears on (see base/page_cache.py).

Each test first fills the page cache with the pages concerned (and checks that the
second request is served from it, so that none of these tests can pass without the
cache), then makes the change the way the admin does, then reads every page again.
"""

import datetime
from io import StringIO

from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents.models import Document

from ilrc_site.site_chrome import FooterSettings, NavigationSettings
from programs.models import ProgramPage, StoryPage
from publications.models import (
    PolicyResourcePage,
    PublicationIndexPage,
    PublicationPage,
    ResourceType,
    Topic,
)
from tests.demo import DemoSiteTestCase
from tests.factories import (
    PDF_BYTES,
    DocumentFactory,
    PublicationPageFactory,
    StoryPageFactory,
)
from tests.publications.test_admin import publication_form

# The sitemap's one section (/sitemap.xml is its index).
SITEMAP = "/sitemap-pages.xml"
# A word in no demo page, so that a search for it finds only the page under test.
WORD = "Zyzzyva"


@override_settings(PAGE_CACHE_SECONDS=3600)
class CacheTestCase(DemoSiteTestCase):
    def setUp(self):
        cache.clear()

    def warm(self, urls, showing=None):
        """Cache each page (asserting it shows `showing`, if given) and check it is cached.

        A page's first render makes its images' renditions, which moves the content
        generation on (pages are kept with them): every page is rendered once before
        any is cached, as on a site that has had visitors.
        """
        for url in urls:
            first = self.client.get(url)
            if showing is not None:
                with self.subTest(showing=url):
                    self.assertContains(first, showing)
        for url in urls:
            self.client.get(url)
        for url in urls:
            with self.subTest(warming=url):
                self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")

    def assertShownOn(self, urls, text):
        for url in urls:
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), text)

    def assertNotShownOn(self, urls, text):
        for url in urls:
            with self.subTest(url=url):
                self.assertNotContains(self.client.get(url), text, status_code=200)

    def assertListed(self, page, urls, listed=True):
        """Whether each page lists `page`: by its title, or in the sitemap by its address."""
        for url in urls:
            with self.subTest(url=url, listed=listed):
                response = self.client.get(url)
                text = page.full_url if url == SITEMAP else page.title
                if listed:
                    self.assertContains(response, text)
                else:
                    self.assertNotContains(response, text, status_code=200)


def pages_listing(item):
    """Every cached page that lists `item` (a dated page), its search for WORD included."""
    topics = set(item.topics.all())
    topic_pages = [f"/{topic.slug}/" for topic in topics if hasattr(topic, "page")]
    if isinstance(item, StoryPage):
        programs = [item.get_parent().url]  # a program lists its stories
    elif isinstance(item, PublicationPage):
        # ...and the newest publications on its topics.
        programs = [
            p.url
            for p in ProgramPage.objects.in_language("en").live()
            if topics & set(p.topics.all())
        ]
    else:
        programs = []
    return [
        "/resources/",
        "/resources/feed/",
        f"/resources/feed/?type={item.resource_type.slug}",
        *topic_pages,
        *programs,
        f"/search/?q={WORD}",
        SITEMAP,
    ]


class PublishingTests(CacheTestCase):
    """Publishing, unpublishing, moving, deleting and scheduling pages."""

    def new_item(self, kind):
        """A draft publication or story, dated today, on topics that have their own pages."""
        topics = Topic.objects.filter(
            slug__in=["immigration-enforcement", "crimes-and-immigration"]
        )
        fields = {
            "title": f"{WORD} {kind} on detention",
            "date": timezone.localdate(),
            "live": False,
        }
        if kind == "publication":
            page = PublicationPageFactory(
                parent=PublicationIndexPage.objects.in_language("en").get(),
                topics=list(topics),
                **fields,
            )
        else:
            program = ProgramPage.objects.in_language("en").get(slug="collective-freedom-project")
            stories = ResourceType.objects.get(slug="stories")
            page = StoryPageFactory(parent=program, resource_type=stories, **fields)
            page.topics.set(topics)
            page.save()
        return page

    def test_a_published_item_shows_on_every_page_that_lists_it(self):
        for kind in ("publication", "story"):
            with self.subTest(kind=kind):
                cache.clear()
                page = self.new_item(kind)
                urls = ["/", *pages_listing(page)]
                self.warm(urls)

                page.save_revision().publish()

                self.assertEqual(self.client.get(page.url).status_code, 200)
                self.assertListed(page, urls)

    def test_a_published_change_shows_on_every_page_that_lists_the_item(self):
        for kind, page in live_items().items():
            with self.subTest(kind=kind):
                cache.clear()
                urls = [page.url, *pages_listing(page)]
                self.warm(urls)

                page.title = f"{WORD}: {kind} revised"
                page.date = timezone.localdate()  # now the newest item, on the home page too
                page.save_revision().publish()

                self.assertListed(page, ["/", *urls])

    def test_an_unpublished_item_disappears_from_every_page(self):
        for kind, page in live_items().items():
            with self.subTest(kind=kind):
                cache.clear()
                page.title = f"{WORD}: {kind}"
                page.save_revision().publish()
                urls = pages_listing(page)
                self.warm([page.url, *urls])
                self.assertListed(page, urls)

                page.unpublish()

                self.assertEqual(self.client.get(page.url).status_code, 404)
                self.assertListed(page, urls, listed=False)

    def test_the_newest_item_leaves_the_home_page_when_unpublished(self):
        page = PublicationPage.objects.in_language("en").live().order_by("-date").first()
        self.warm(["/"])
        self.assertListed(page, ["/"])

        page.unpublish()

        self.assertListed(page, ["/"], listed=False)

    def test_a_deleted_item_disappears_from_every_page(self):
        page = self.new_item("publication")
        page.save_revision().publish()
        urls = ["/", *pages_listing(page)]
        self.warm([page.url, *urls])
        self.assertListed(page, urls)

        page.delete()

        self.assertEqual(self.client.get(page.url).status_code, 404)
        self.assertListed(page, urls, listed=False)

    def test_a_moved_story_shows_at_its_new_address_everywhere(self):
        story = StoryPage.objects.in_language("en").live().order_by("-date").first()
        old_url, old_program = story.url, story.get_parent().url
        new_program = ProgramPage.objects.in_language("en").get(slug="immigrant-justice-network")
        urls = ["/", "/resources/", "/resources/feed/", SITEMAP, new_program.url]
        self.warm([old_url, old_program, *urls])

        story.move(new_program, pos="last-child")
        story.refresh_from_db()

        self.assertTrue(story.url.startswith(new_program.url))
        # The old address now redirects (Wagtail creates the redirect when a page moves).
        self.assertRedirects(
            self.client.get(old_url), story.url, status_code=301, fetch_redirect_response=False
        )
        self.assertEqual(self.client.get(story.url).status_code, 200)
        self.assertNotContains(self.client.get(old_program), story.title)
        self.assertShownOn(urls, story.url)
        self.assertNotShownOn(urls, old_url)

    def test_a_scheduled_item_shows_everywhere_when_it_goes_live(self):
        page = self.new_item("publication")
        page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        page.save_revision().publish()  # approved, waiting for its time
        urls = ["/", *pages_listing(page)]
        self.warm(urls)
        self.assertListed(page, urls, listed=False)

        run_scheduler_at(timezone.now() + datetime.timedelta(hours=2))

        self.assertEqual(self.client.get(page.url).status_code, 200)
        self.assertListed(page, urls)

    def test_an_expired_item_disappears_everywhere(self):
        page = self.new_item("publication")
        page.expire_at = timezone.now() + datetime.timedelta(hours=1)
        page.save_revision().publish()
        urls = ["/", *pages_listing(page)]
        self.warm([page.url, *urls])
        self.assertListed(page, urls)

        run_scheduler_at(timezone.now() + datetime.timedelta(hours=2))

        self.assertEqual(self.client.get(page.url).status_code, 404)
        self.assertListed(page, urls, listed=False)


def live_items():
    """The newest publication and story, and the policy page: one item of each kind."""
    return {
        "publication": PublicationPage.objects.in_language("en").live().order_by("-date").first(),
        "story": StoryPage.objects.in_language("en").live().order_by("-date").first(),
        "policy page": PolicyResourcePage.objects.in_language("en").live().get(),
    }


def run_scheduler_at(moment):
    """Run `publish_scheduled` as cron would, at `moment`."""
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=StringIO())


class SnippetAndMediaTests(CacheTestCase):
    """Changing what pages display besides pages: types, topics, images, documents."""

    def test_a_renamed_type_shows_on_every_page_that_names_it(self):
        publication = PublicationPage.objects.in_language("en").live().order_by("-date").first()
        resource_type = publication.resource_type
        urls = [publication.url, "/", "/resources/", "/immigration-enforcement/"]
        self.warm(urls, showing=escape(resource_type.name))

        resource_type.name = f"{WORD} reports"
        resource_type.save()

        self.assertShownOn(urls, f"{WORD} reports")

    def test_a_renamed_topic_shows_on_every_page_that_names_it(self):
        publication = PublicationPage.objects.in_language("en").live().order_by("-date").first()
        topic = Topic.objects.get(slug="immigration-enforcement")
        urls = [publication.url, "/resources/", "/programs/collective-freedom-project/"]
        self.warm(urls, showing=topic.name)

        topic.name = f"{WORD} enforcement"
        topic.save()

        self.assertShownOn(urls, f"{WORD} enforcement")

    def test_new_alt_text_shows_at_once(self):
        image = self.home.hero_image
        self.warm(["/"], showing=image.description)

        image.description = f"{WORD} advocates outside the courthouse"
        image.save()

        self.assertContains(self.client.get("/"), f'alt="{WORD} advocates outside the courthouse"')

    def test_a_retitled_or_replaced_document_shows_on_the_publication(self):
        document = DocumentFactory(title="Detainer guide, first edition")
        publication = PublicationPageFactory(
            parent=PublicationIndexPage.objects.in_language("en").get(), downloads=[document]
        )
        self.warm([publication.url], showing="Detainer guide, first edition")

        document.title = f"{WORD} detainer guide, second edition"
        document.save()

        self.assertContains(self.client.get(publication.url), document.title)

        document.file.save("guide-v3.pdf", ContentFile(PDF_BYTES + b"% v3\n"))
        document = Document.objects.get(pk=document.pk)

        self.assertContains(self.client.get(publication.url), document.url)


class SiteChromeTests(CacheTestCase):
    """The navigation and footer are on every page."""

    URLS = ["/", "/resources/", "/programs/", "/daca/", "/about/", f"/search/?q={WORD}"]

    def test_a_new_navigation_label_shows_on_every_page(self):
        self.warm(self.URLS, showing="Local policy")
        navigation = NavigationSettings.objects.get()
        link = navigation.links.get(label="Local policy")
        link.label = f"{WORD} policy"
        link.save()

        self.assertShownOn(self.URLS, f"{WORD} policy")

    def test_new_footer_text_shows_on_every_page(self):
        self.warm(self.URLS, showing="1458 Howard Street")
        footer = FooterSettings.objects.get()
        footer.address = f"{WORD} Plaza\nSan Francisco, CA 94103"
        footer.save()

        self.assertShownOn(self.URLS, f"{WORD} Plaza")


class NeverCachedTests(CacheTestCase):
    """What is never served from, or stored in, the page cache."""

    def test_a_preview_is_neither_served_from_nor_stored_in_the_cache(self):
        page = PublicationPage.objects.in_language("en").live().order_by("-date").first()
        # Wagtail renders a preview as a request for the page at its site's address.
        host = {"HTTP_HOST": page.get_site().hostname}
        self.client.get(page.url, **host)
        self.assertEqual(self.client.get(page.url, **host)["X-Page-Cache"], "hit")
        self.client.force_login(User.objects.create_superuser("ed", "ed@example.org", "pw"))
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        # The editor's unsaved form, as the preview panel sends it.
        self.client.post(preview_url, publication_form(title=f"{WORD} draft", slug=page.slug))

        self.assertContains(self.client.get(preview_url), f"{WORD} draft")

        self.client.logout()
        self.assertNotContains(self.client.get(page.url, **host), f"{WORD} draft")
        cache.clear()  # the page cached before the preview is gone: the preview was not stored
        self.assertNotContains(self.client.get(page.url, **host), f"{WORD} draft")

    def test_post_requests_are_never_cached(self):
        self.warm(["/search/?q=daca"])

        response = self.client.post("/search/?q=daca")

        self.assertNotIn("X-Page-Cache", response)

    def test_pages_seen_by_a_signed_in_editor_are_not_stored(self):
        self.client.force_login(User.objects.create_superuser("ed", "ed@example.org", "pw"))
        self.client.get("/resources/")
        self.assertNotIn("X-Page-Cache", self.client.get("/resources/"))

        self.client.logout()

        self.assertEqual(self.client.get("/resources/")["X-Page-Cache"], "miss")
