"""Security headers on every kind of response, cached or not, public or admin."""

import re

from django.core.cache import cache
from django.test import override_settings

from publications.models import PublicationPage
from tests.demo import DemoSiteTestCase


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


class SecurityHeaderTests(DemoSiteTestCase):
    def public_urls(self):
        publication = PublicationPage.objects.in_language("en").live().first()
        return [
            "/",
            "/resources/",
            publication.url,
            "/no-such-page/",
            "/robots.txt",
            "/sitemap.xml",
        ]

    def assertPublicHeaders(self, response):
        policy = directives(response)
        self.assertEqual(policy["script-src"], ["'self'"])
        self.assertEqual(policy["style-src"], ["'self'"])
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["frame-ancestors"], ["'none'"])
        self.assertEqual(policy["base-uri"], ["'self'"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response["Cross-Origin-Opener-Policy"], "same-origin")
        self.assertIn("camera=()", response["Permissions-Policy"])
        self.assertIn("geolocation=()", response["Permissions-Policy"])

    def test_every_public_response_carries_the_strict_policy_and_headers(self):
        for url in self.public_urls():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertIn(response.status_code, (200, 404))
                self.assertPublicHeaders(response)

    @override_settings(PAGE_CACHE_SECONDS=3600)
    def test_pages_served_from_the_page_cache_carry_the_same_headers(self):
        cache.clear()
        first = self.client.get("/resources/")
        second = self.client.get("/resources/")

        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertPublicHeaders(second)
        # No per-request nonce is baked into cached pages: the policy is the same.
        self.assertEqual(first["Content-Security-Policy"], second["Content-Security-Policy"])
        self.assertNotIn("nonce-", second["Content-Security-Policy"])

    def test_public_pages_contain_no_inline_script_or_style(self):
        # The strict policy would block them; the site's own script files (src) and
        # JSON-LD data blocks are allowed.
        for url in self.public_urls()[:4]:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                inline = [
                    tag
                    for tag in re.findall(r"<script\b[^>]*>", html)
                    if " src=" not in tag and "application/ld+json" not in tag
                ]
                self.assertEqual(inline, [])
                self.assertNotIn("<style", html)
                self.assertNotIn(" style=", html)
                self.assertNotIn(" onerror=", html)

    def test_the_admin_has_its_own_policy_that_lets_it_frame_previews(self):
        response = self.client.get("/admin/login/")

        policy = directives(response)
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertEqual(policy["object-src"], ["'none'"])
        # Wagtail's admin needs inline script; it still loads none from elsewhere.
        self.assertEqual(policy["script-src"], ["'self'", "'unsafe-inline'"])

    def test_a_page_previewed_in_the_admin_keeps_the_public_policy_but_may_be_framed(self):
        publication = PublicationPage.objects.in_language("en").live().first()

        response = publication.make_preview_request()

        policy = directives(response)
        self.assertEqual(policy["script-src"], ["'self'"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"])

    def test_documents_are_served_with_their_own_locked_down_policy(self):
        from wagtail.documents.models import Document

        document = Document.objects.first()
        response = self.client.get(document.url)

        self.assertEqual(response["Content-Security-Policy"], "default-src 'none'")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Content-Type"], "application/pdf")
