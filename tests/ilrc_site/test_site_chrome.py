import json
import re
from unittest import mock

from django.db import OperationalError
from django.test import Client, SimpleTestCase
from wagtail.models import Page

from ilrc_site.site_chrome import FooterSettings, NavigationSettings
from ilrc_site.sitemaps import PagesSitemap
from publications.models import PublicationPage
from tests.demo import DemoSiteTestCase


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])["@graph"]


class SiteChromeTests(DemoSiteTestCase):
    def html(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_navigation_comes_from_the_admin_setting_and_marks_the_current_section(self):
        nav = self.html("/resources/").split('<nav class="main-nav" aria-label="Main">')[1]
        nav = nav.split("</nav>")[0]
        self.assertIn('<a href="/resources/" aria-current="page">Resources</a>', nav)

        navigation = NavigationSettings.objects.get()
        navigation.links.add(navigation.links.model(label="Donate", url="https://example.org/give"))
        navigation.save()

        html = self.html("/")
        self.assertIn('<a href="https://example.org/give">Donate</a>', html)
        self.assertNotIn('aria-current="page">Resources', html)

    def test_footer_shows_what_editors_set(self):
        footer = FooterSettings.objects.get()
        footer.phone = "(415) 555-0100"
        footer.save()

        html = self.html("/")

        self.assertIn("1458 Howard Street<br>San Francisco, CA 94103", html)
        self.assertIn("(415) 555-0100", html)
        self.assertIn('href="https://www.ilrc.org/newsletter"', html)
        self.assertRegex(html, r"&copy; \d{4} Immigrant Legal Resource Center")

    def test_every_page_has_a_labelled_search_box_and_a_skip_link(self):
        html = self.html("/resources/")

        self.assertIn('<a class="skip-link" href="#main">', html)
        self.assertIn(
            '<label for="site-search-q" class="visually-hidden">Search the site</label>', html
        )
        self.assertIn('method="get" action="/search/" role="search"', html)

    def test_home_page_describes_the_organisation_for_search_engines(self):
        html = self.html("/")

        self.assertIn('<link rel="canonical" href="http://localhost/">', html)
        self.assertIn('<meta property="og:title" content="Immigrant Legal Resource Center">', html)
        self.assertRegex(html, r'<meta property="og:image" content="http://[^"]+\.jpg">')
        self.assertIn(
            '<meta property="og:image:alt" content="People in a room holding American flags.">',
            html,
        )
        (organisation,) = json_ld(html)
        self.assertEqual(organisation["@type"], "Organization")
        self.assertEqual(organisation["name"], "Immigrant Legal Resource Center")

    def test_publication_pages_describe_the_article_and_breadcrumb(self):
        page = PublicationPage.objects.get(title__startswith="Border Communities Speak")
        html = self.html(page.url)

        self.assertIn(f"<title>{page.title} | Immigrant Legal Resource Center</title>", html)
        self.assertIn('<meta name="description" content="While politicians enact', html)
        self.assertIn('<meta property="og:type" content="article">', html)
        report, breadcrumb = json_ld(html)
        self.assertEqual(report["@type"], "Report")  # a toolkit or report
        self.assertEqual(report["datePublished"], "2024-08-20")
        self.assertEqual(
            [item["name"] for item in breadcrumb["itemListElement"]],
            ["Home", "Resources", page.title],
        )

    def test_sitemap_lists_live_pages_with_lastmod(self):
        unpublished = PublicationPage.objects.in_language("en").first()
        unpublished.unpublish()

        index = self.client.get("/sitemap.xml").content.decode()
        self.assertRegex(index, r"<loc>http://[^/]+/sitemap-pages\.xml</loc>")
        response = self.client.get("/sitemap-pages.xml")

        self.assertEqual(response.status_code, 200)
        xml = response.content.decode()
        self.assertIn("<loc>http://localhost/resources/</loc><lastmod>", xml)
        every_live_page = Page.objects.live().public().filter(depth__gt=1).count()
        self.assertEqual(xml.count("<url>"), every_live_page)
        self.assertNotIn(f"/{unpublished.slug}/", xml)

    def test_the_sitemap_index_lists_every_section_page_and_they_list_every_page(self):
        every_live_page = Page.objects.live().public().filter(depth__gt=1).count()
        with mock.patch.object(PagesSitemap, "limit", 10):
            index = self.client.get("/sitemap.xml").content.decode()
            sections = re.findall(r"<loc>http://[^/]+(/sitemap-pages\.xml[^<]*)</loc>", index)
            self.assertEqual(len(sections), -(-every_live_page // 10))
            self.assertEqual(sections[1], "/sitemap-pages.xml?p=2")
            listed = [self.client.get(section).content.decode() for section in sections]
        self.assertEqual(sum(xml.count("<url>") for xml in listed), every_live_page)
        # The index dates the sections by the latest of their pages' dates.
        dates = [d for xml in listed for d in re.findall(r"<lastmod>([^<]+)</lastmod>", xml)]
        index_dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", index))
        self.assertEqual({d[:10] for d in index_dates}, {max(d[:10] for d in dates)})

    def test_robots_txt_points_to_the_sitemap_and_keeps_admin_and_search_out(self):
        response = self.client.get("/robots.txt")

        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Disallow: /search/", lines)
        self.assertIn("Sitemap: http://localhost/sitemap.xml", lines)


class ServerErrorTests(SimpleTestCase):
    def test_favicon_is_served_at_the_root(self):
        response = self.client.get("/favicon.ico")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/x-icon")

    def test_the_500_page_renders_without_a_database(self):
        def database_down(*args, **kwargs):
            raise OperationalError("connection refused")

        with (
            self.assertLogs("django.request", "ERROR"),
            mock.patch(
                "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
                database_down,
            ),
        ):
            response = Client(raise_request_exception=False).get("/resources/")

        self.assertEqual(response.status_code, 500)
        self.assertIn("Something went wrong on our side", response.content.decode())
