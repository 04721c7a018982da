"""A publication's page as a PDF: its print template, laid out by WeasyPrint.

The PDF is tagged for assistive technology (WeasyPrint's PDF/UA-1 variant): a
structure tree in the HTML's reading order, the page's language and its title in the
metadata. It is made by the worker (publications/tasks.py), never in a request: a long
advisory takes seconds of CPU (bench/README.md, "PDFs").
"""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PRINT_STYLESHEET = "css/print.css"


@dataclass
class Pdf:
    content: bytes
    page_count: int


class MediaOnlyFetcher(URLFetcher):
    """Fetches the site's own media files (images and their renditions) from storage,
    and nothing else: a PDF is never made from what another server sends, and the
    worker makes no request of its own. What cannot be fetched is left out of the PDF,
    with a warning in the worker's log, and the rest is made as usual."""

    def __init__(self, site_root_url):
        super().__init__(allowed_protocols={"http", "https", "file"})
        self.site_root_url = site_root_url.rstrip("/")

    def fetch(self, url, headers=None):
        name = self.media_name(url)
        if name is None:
            raise ValueError(f"Not one of the site's media files: {url}")
        with default_storage.open(name, "rb") as file:
            return URLFetcherResponse(url, body=file.read())

    def media_name(self, url):
        """The storage name of a media file's address (on the site, or on the storage's
        own domain when MEDIA_URL names one); None for any other address."""
        if url.startswith(self.site_root_url + "/"):
            url = url[len(self.site_root_url) :]
        if not url.startswith(settings.MEDIA_URL):
            return None
        name = unquote(urlsplit(url[len(settings.MEDIA_URL) :]).path)
        if not name or ".." in name.split("/"):
            return None
        return name


def section_headings(page):
    """The body's section headings, for the table of contents: (block id, level, text)."""
    return [
        (block.id, block.value["level"], block.value["text"])
        for block in page.body
        if block.block_type == "heading"
    ]


def render_pdf(page):
    """The PDF of `page` (a PublicationPage, live or as one of its revisions), in its
    own language, with the addresses of its site."""
    site_root_url = page.get_site().root_url
    language = page.locale.language_code
    with translation.override(language):
        html = render_to_string(
            "publications/publication_pdf.html",
            {
                "page": page,
                "language": language,
                "site_name": settings.WAGTAIL_SITE_NAME,
                "site_root_url": site_root_url,
                "page_url": page.get_full_url(),
                "printed": timezone.localdate(),
                "headings": section_headings(page),
                "downloads": list(page.downloads.select_related("document")),
                "topics": list(page.topics.all()),
            },
        )
    stylesheet = CSS(filename=finders.find(PRINT_STYLESHEET))
    document = HTML(
        string=html, base_url=site_root_url + "/", url_fetcher=MediaOnlyFetcher(site_root_url)
    ).render(stylesheets=[stylesheet])
    return Pdf(content=document.write_pdf(pdf_variant="pdf/ua-1"), page_count=len(document.pages))
