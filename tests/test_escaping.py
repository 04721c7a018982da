"""What editors and visitors type is shown as text, never run: the payloads of
tests/hostile.py in titles, summaries, rich text, headings, quotes, authors,
topic and type names, query strings and paths come back escaped."""

from django.contrib.auth import get_user_model
from django.test import Client

from tests.demo import DemoSiteTestCase
from tests.hostile import PAYLOAD, RAW_MARKERS, hostile_queries, publish_hostile_publication
from tests.public_urls import public_urls


class EscapingTests(DemoSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        client = Client()
        client.force_login(editor)
        cls.page = publish_hostile_publication(client)

    def assertNothingRaw(self, response):
        content = b"".join(response) if response.streaming else response.content
        content = content.decode(errors="replace")
        for marker in RAW_MARKERS:
            self.assertNotIn(marker, content)

    def test_the_hostile_publication_shows_its_text_escaped(self):
        response = self.client.get(self.page.url)

        self.assertEqual(response.status_code, 200)
        self.assertNothingRaw(response)
        html = response.content.decode()
        self.assertIn("Title &lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;", html)
        self.assertIn("Summary &lt;script&gt;", html)
        self.assertIn("Heading &lt;script&gt;", html)
        self.assertIn("Quote &lt;script&gt;", html)
        self.assertIn("Topic &lt;script&gt;", html)
        self.assertIn("Author &quot;&gt;&lt;img src=x", html)
        # The rich text kept its words and dropped the javascript: link target.
        self.assertIn("<a>Click</a> &lt;script&gt;", html)
        # Search-engine data escapes "<" inside its script element.
        self.assertIn("Title \\u003Cscript\\u003E", html)

    def test_the_library_listing_escapes_it_too(self):
        response = self.client.get("/resources/")

        self.assertContains(response, "Title &lt;script&gt;")
        self.assertContains(response, "Explainers &lt;script&gt;")
        self.assertNothingRaw(response)

    def test_no_public_url_reflects_hostile_query_strings_or_paths(self):
        urls = {**public_urls(), "hostile publication": self.page.url}
        for name, url in urls.items():
            for query in hostile_queries():
                with self.subTest(url=name, query=query[:40]):
                    self.assertNothingRaw(self.client.get(url + query))
            with self.subTest(url=name, path="payload"):
                self.assertNothingRaw(self.client.get(url + PAYLOAD))

    def test_the_admin_escapes_it(self):
        self.client.force_login(get_user_model().objects.get(username="editor"))
        for url in [
            f"/admin/pages/{self.page.get_parent().pk}/",
            f"/admin/pages/{self.page.pk}/edit/",
            "/admin/publications/",
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("<script>window.__xss", response.content.decode())
