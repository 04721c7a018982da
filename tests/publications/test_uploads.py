"""Uploads through the admin: only the library's formats, within size limits,
content that matches the name, no SVG, no decompression bombs."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from PIL import Image
from wagtail.documents.models import Document
from wagtail.test.utils import WagtailTestUtils

from base.models import SiteImage
from tests.factories import PDF_BYTES


def office_file(part):
    """A minimal Office Open XML archive (docx, xlsx or pptx)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{part}document.xml", "<document/>")
    return buffer.getvalue()


def odt_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def png_bytes(width=20, height=10, mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


class DocumentUploadTests(WagtailTestUtils, TestCase):
    def setUp(self):
        self.login()

    def upload(self, name, content):
        return self.client.post(
            "/admin/documents/add/",
            {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
        )

    def assertAccepted(self, name, content):
        response = self.upload(name, content)
        self.assertEqual(response.status_code, 302, f"{name} was refused")
        return Document.objects.get(title=name)

    def assertRefused(self, name, content, message):
        response = self.upload(name, content)
        self.assertEqual(response.status_code, 200, f"{name} was accepted")
        self.assertContains(response, message)
        self.assertFalse(Document.objects.filter(title=name).exists())

    def test_the_formats_a_legal_library_publishes_are_accepted(self):
        self.assertAccepted("guide.pdf", PDF_BYTES)
        self.assertAccepted("letter.docx", office_file("word/"))
        self.assertAccepted("data.xlsx", office_file("xl/"))
        self.assertAccepted("slides.pptx", office_file("ppt/"))
        self.assertAccepted("flyer.odt", odt_file())
        self.assertAccepted("notes.txt", "Plain text, with accents: café\n".encode())
        self.assertAccepted("scan.png", png_bytes())

    def test_other_formats_are_refused(self):
        for name, content in [
            ("page.html", HTML),
            ("drawing.svg", SVG),
            ("tool.exe", b"MZ\x90\x00"),
            ("macro.docm", office_file("word/")),
            ("noextension", PDF_BYTES),
        ]:
            with self.subTest(name=name):
                self.assertRefused(name, content, "File extension")

    def test_a_file_whose_content_belies_its_extension_is_refused(self):
        for name, content in [
            ("guide.pdf", HTML),
            ("letter.docx", PDF_BYTES),
            ("data.xlsx", office_file("word/")),
            ("flyer.odt", office_file("word/")),
            ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00"),
            ("scan.png", SVG),
        ]:
            with self.subTest(name=name):
                self.assertRefused(name, content, "content is not a")

    @override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
    def test_documents_over_the_size_limit_are_refused(self):
        self.assertRefused("big.pdf", PDF_BYTES + b"0" * 2048, "This file is too big")

    def test_only_pdfs_open_in_the_browser_and_everything_else_downloads(self):
        pdf = self.assertAccepted("guide.pdf", PDF_BYTES)
        docx = self.assertAccepted("letter.docx", office_file("word/"))
        text = self.assertAccepted("notes.txt", b"Plain text\n")
        self.client.logout()

        response = self.client.get(pdf.url)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response["Content-Disposition"].startswith("inline"))

        for document in (docx, text):
            with self.subTest(document=document.filename):
                response = self.client.get(document.url)
                self.assertTrue(response["Content-Disposition"].startswith("attachment"))
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")
                self.assertEqual(response["Content-Security-Policy"], "default-src 'none'")
        self.assertTrue(self.client.get(text.url)["Content-Type"].startswith("text/plain"))


class ImageUploadTests(WagtailTestUtils, TestCase):
    def setUp(self):
        self.login()

    def upload(self, name, content):
        return self.client.post(
            "/admin/images/add/",
            {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
        )

    def test_a_photo_is_accepted(self):
        self.assertEqual(self.upload("photo.png", png_bytes()).status_code, 302)
        self.assertTrue(SiteImage.objects.filter(title="photo.png").exists())

    def test_svg_is_refused(self):
        response = self.upload("drawing.svg", SVG)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Not a supported image format")
        self.assertFalse(SiteImage.objects.exists())

    def test_a_decompression_bomb_is_refused(self):
        # 60 megapixels in a file of a few kilobytes.
        bomb = png_bytes(10_000, 6_000, mode="1")
        self.assertLess(len(bomb), 100_000)

        response = self.upload("bomb.png", bomb)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "too many pixels")
        self.assertFalse(SiteImage.objects.exists())

    @override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
    def test_images_over_the_size_limit_are_refused(self):
        response = self.upload("large.png", png_bytes(400, 400, mode="RGB") + b"\0" * 2048)

        self.assertContains(response, "This file is too big")
        self.assertFalse(SiteImage.objects.exists())
