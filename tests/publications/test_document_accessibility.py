"""Honest labels on documents: editors mark whether a document is accessible, staff see
which still need checking, and readers see which files a screen reader can follow and
how to ask for another format of the rest."""

import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Collection, Site
from wagtail.rich_text import RichText

from base.documents import DocumentAccessibility
from ilrc_site.roles import EDITORS
from ilrc_site.site_chrome import FooterSettings
from publications.models import PublicationDownload
from tests.factories import PDF_BYTES, DocumentFactory, PublicationPageFactory, staff_user
from tests.query_counts import count_queries

pytestmark = pytest.mark.django_db

ACCESSIBLE = DocumentAccessibility.Status.ACCESSIBLE
NOT_ACCESSIBLE = DocumentAccessibility.Status.NOT_ACCESSIBLE
REPORT_URL = "/admin/reports/documents-to-check/"
BODY = [("paragraph", RichText("<p>What the rule changes.</p>"))]


def marked(status, **kwargs):
    document = DocumentFactory(**kwargs)
    DocumentAccessibility.objects.create(document=document, status=status)
    return document


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def row(html, title):
    """The table row that shows `title`."""
    assert title in html, title
    start = html.rindex("<tr", 0, html.index(title))
    return html[start : html.index("</tr>", start)]


def text(html):
    """`html` with runs of spaces and newlines as one space (a no-break space stays)."""
    return re.sub(r"[ \n]+", " ", html).strip()


# The editor's mark, on the document's edit page and in the multiple upload.


@pytest.fixture
def editor(client):
    user = staff_user(EDITORS)
    client.force_login(user)
    return user


def checked_accessibility(html, name="accessibility"):
    """The value of the checked "Accessibility" radio button."""
    radios = re.findall(rf'<input type="radio" name="{name}"[^>]*>', html)
    assert len(radios) == 3
    [checked] = [radio for radio in radios if " checked" in radio]
    return re.search(r'value="([^"]*)"', checked).group(1)


def test_an_editor_marks_a_document_on_its_edit_page(client, editor):
    document = DocumentFactory(title="DACA explainer")
    url = reverse("wagtaildocs:edit", args=[document.pk])
    form = {"title": "DACA explainer", "collection": document.collection_id, "tags": ""}

    html = html_of(client, url)
    assert "Not yet checked" in html
    assert "Accessible: tagged, with reading order and alt text" in html
    assert "A scan is not accessible" in html
    assert checked_accessibility(html) == ""

    assert client.post(url, {**form, "accessibility": ACCESSIBLE}).status_code == 302
    assert checked_accessibility(html_of(client, url)) == ACCESSIBLE

    assert client.post(url, {**form, "accessibility": NOT_ACCESSIBLE}).status_code == 302
    assert checked_accessibility(html_of(client, url)) == NOT_ACCESSIBLE

    assert client.post(url, {**form, "accessibility": ""}).status_code == 302
    assert checked_accessibility(html_of(client, url)) == ""
    assert not DocumentAccessibility.objects.exists()


def test_the_multiple_upload_asks_for_the_mark_after_the_upload(client, editor):
    root = Collection.get_first_root_node()

    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "title": "guide.pdf",
            "collection": root.pk,
            "files[]": SimpleUploadedFile("guide.pdf", PDF_BYTES),
        },
    )

    uploaded = response.json()
    assert uploaded["success"]
    prefix = f"doc-{uploaded['doc_id']}"
    # The upload itself checks nothing; the form that follows it asks.
    assert checked_accessibility(uploaded["form"], f"{prefix}-accessibility") == ""
    assert not DocumentAccessibility.objects.exists()

    response = client.post(
        reverse("wagtaildocs:edit_multiple", args=[uploaded["doc_id"]]),
        {
            f"{prefix}-title": "Know your rights",
            f"{prefix}-collection": root.pk,
            f"{prefix}-tags": "",
            f"{prefix}-accessibility": NOT_ACCESSIBLE,
        },
    )

    assert response.json()["success"]
    assert "Not accessible" in row(html_of(client, REPORT_URL), "Know your rights")


# The report of documents to check.


@pytest.fixture
def documents(index):
    unchecked = DocumentFactory(title="Unchecked guide")
    scan = marked(NOT_ACCESSIBLE, title="Scanned letter")
    tagged = marked(ACCESSIBLE, title="Tagged toolkit")
    PublicationPageFactory(parent=index, downloads=[unchecked])
    PublicationPageFactory(parent=index, downloads=[unchecked, scan, tagged])
    return {"unchecked": unchecked, "scan": scan, "tagged": tagged}


def test_the_report_lists_documents_not_yet_checked_or_not_accessible(client, editor, documents):
    html = html_of(client, REPORT_URL)

    unchecked = row(html, "Unchecked guide")
    assert "Not yet checked" in unchecked
    assert re.search(r"<td[^>]*>\s*PDF\s*</td>", unchecked)
    assert re.search(r"<td[^>]*>\s*2\s*</td>", unchecked)  # offered by two publications
    edit_url = reverse("wagtaildocs:edit", args=[documents["unchecked"].pk])
    assert f'href="{edit_url}?next=%2Fadmin%2Freports%2Fdocuments-to-check%2F"' in unchecked

    scan = row(html, "Scanned letter")
    assert "Not accessible" in scan
    assert re.search(r"<td[^>]*>\s*1\s*</td>", scan)

    assert "Tagged toolkit" not in html


def test_the_report_filters_by_status(client, editor, documents):
    html = html_of(client, REPORT_URL, status="not_checked")
    assert "Unchecked guide" in html
    assert "Scanned letter" not in html

    html = html_of(client, REPORT_URL, status=NOT_ACCESSIBLE)
    assert "Scanned letter" in html
    assert "Unchecked guide" not in html

    assert "Select a valid choice" in html_of(client, REPORT_URL, status="everything")


# Two documents, then eight: the same queries. The session, the user, its permissions
# and collections, the admin menu's (locales, page and site permissions, the root page
# to explore), then the count and one for the rows with their marks and publications.
REPORT_QUERIES = 12


def test_the_report_costs_the_same_queries_for_more_documents(client, editor, documents, index):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            html_of(client, REPORT_URL)
        return len(captured)

    html_of(client, REPORT_URL)  # the session's and the admin's first-visit lookups
    few = queries()
    for n in range(3):
        extra = [DocumentFactory(), marked(NOT_ACCESSIBLE)]
        PublicationPageFactory(parent=index, title=f"Extra {n}", downloads=extra)

    assert "Extra" not in html_of(client, REPORT_URL)  # documents, not publications
    assert few == queries() == REPORT_QUERIES


def test_editors_find_the_report_in_the_reports_menu(client, editor):
    assert REPORT_URL in html_of(client, reverse("wagtailadmin_home"))


# What readers see.


@pytest.fixture
def contact_email(index):
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.email = "help@example.org"
    footer.save()
    return footer.email


def downloads_section(html):
    return html.split('id="downloads-heading"')[1].split("</section>")[0]


REQUEST_LINK = re.compile(
    r'<a class="accessible-format" href="(?P<href>[^"]+)">Request an accessible format'
    r'<span class="visually-hidden"> of (?P<title>[^<]+)</span></a>'
)


def test_a_document_not_marked_accessible_offers_to_ask_for_another_format(
    client, index, contact_email
):
    page = PublicationPageFactory(
        parent=index,
        title="The DACA Final Rule",
        body=BODY,
        downloads=[DocumentFactory(title="DACA rule explainer"), marked(NOT_ACCESSIBLE)],
    )

    html = downloads_section(html_of(client, page.url))

    links = list(REQUEST_LINK.finditer(html))
    assert len(links) == 2  # one a download, each naming its own for a screen reader
    assert links[0]["title"] == "DACA rule explainer"
    href = unescape(links[0]["href"])
    assert "+" not in href  # spaces as %20: a mail program shows a "+" as it is
    address = urlsplit(href)
    assert (address.scheme, address.path) == ("mailto", contact_email)
    query = parse_qs(address.query)
    assert query["subject"] == ["Accessible format request: The DACA Final Rule"]
    document_url = page.downloads.first().document.url
    assert query["body"] == [
        f"Please send me an accessible format of “DACA rule explainer” "
        f"(http://testserver{document_url})."
    ]
    assert "(accessible)" not in html


def test_an_accessible_document_says_so_and_offers_nothing_more(client, index, contact_email):
    page = PublicationPageFactory(
        parent=index, body=BODY, downloads=[marked(ACCESSIBLE, title="Tagged toolkit")]
    )

    html = downloads_section(html_of(client, page.url))

    assert "Tagged toolkit" in html
    assert "(accessible)" in html
    assert "Request an accessible format" not in html


def test_without_a_contact_address_there_is_nothing_to_ask(client, index):
    page = PublicationPageFactory(parent=index, body=BODY, downloads=[DocumentFactory()])

    assert "Request an accessible format" not in html_of(client, page.url)


def document_blocks(*documents):
    return json.dumps(
        [{"type": "document", "value": {"document": d.pk, "label": ""}} for d in documents]
    )


def test_documents_in_the_body_are_labelled_at_no_cost_per_document(client, index, contact_email):
    one = PublicationPageFactory(
        parent=index, body=document_blocks(DocumentFactory(title="Scanned form"))
    )
    four = PublicationPageFactory(
        parent=index,
        body=document_blocks(
            DocumentFactory(title="Scanned form"),
            marked(ACCESSIBLE, title="Tagged guide"),
            marked(NOT_ACCESSIBLE, title="Old flyer"),
            marked(ACCESSIBLE, title="Tagged chart"),
        ),
    )

    html = html_of(client, four.url).split('<h2 id="related-heading"')[0]
    blocks = re.findall(r'<p class="block-document">.*?</p>', html, re.S)
    assert [
        REQUEST_LINK.search(b)["title"] if REQUEST_LINK.search(b) else None for b in blocks
    ] == [
        "Scanned form",
        None,
        "Old flyer",
        None,
    ]
    assert "(accessible)" in blocks[1]
    assert count_queries(client, one.url) == count_queries(client, four.url)


# A publication whose body is empty: what it says is in its files.


def test_an_empty_body_points_to_the_file_that_holds_the_content(client, index):
    page = PublicationPageFactory(
        parent=index, downloads=[DocumentFactory(title="Know your rights card")]
    )

    html = html_of(client, page.url)

    url = page.downloads.get().document.url
    section = text(downloads_section(html))
    assert re.search(
        r"Downloads</h2> <p class=\"body-in-download\">The content of this publication is in "
        r"the attached file:</p> <ul> <li> <a href=\"[^\"]+\">Know your rights card</a> "
        rf"<span class=\"file-meta\">\(PDF, {len(PDF_BYTES)}\xa0bytes, English\)</span>",
        section,
    )
    assert html.count(f'href="{url}"') == 1  # said once, where the files are listed


def test_each_file_is_named_with_its_size_and_language(client, index):
    page = PublicationPageFactory(
        parent=index,
        downloads=[
            DocumentFactory(title="Card"),
            DocumentFactory(title="Tarjeta"),
            DocumentFactory(title="Thẻ"),
        ],
    )
    PublicationDownload.objects.filter(page=page, document__title="Tarjeta").update(language="es")
    PublicationDownload.objects.filter(page=page, document__title="Thẻ").update(language="other")

    section = text(downloads_section(html_of(client, page.url)))
    size = f"{len(PDF_BYTES)}\xa0bytes"

    assert "The content of this publication is in the attached files:" in section
    assert f'>Card</a> <span class="file-meta">(PDF, {size}, English)' in section
    assert f'hreflang="es">Tarjeta</a> <span class="file-meta">(PDF, {size}, Spanish)' in section
    assert '<a href="/documents/' in section and 'hreflang="other"' not in section


def test_a_publication_with_a_body_says_nothing_of_the_kind(client, index):
    page = PublicationPageFactory(parent=index, body=BODY, downloads=[DocumentFactory()])

    assert "body-in-download" not in html_of(client, page.url)
