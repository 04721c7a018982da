"""A publication's PDF: made by the worker when the page is published, tagged for
assistive technology, served at <page>/pdf/ from the live revision only."""

import io
import re
import subprocess

import pikepdf
import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, PageViewRestriction

from publications import printing
from publications.models import PublicationPdf
from publications.printing import MediaOnlyFetcher
from tests.factories import DocumentFactory, ImageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a href="([^"]+)"[^>]*>Download PDF</a>\s*\(([^)]*)\)')


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


ADVISORY_BODY = [
    paragraph("<p>Practitioners should first screen every client for eligibility.</p>"),
    heading("Who qualifies"),
    paragraph('<p>Read the <a href="https://www.uscis.gov/daca">agency page</a> first.</p>'),
    heading("Continuous residence", "h3"),
    paragraph("<p>Brief absences do not interrupt continuous residence.</p>"),
    heading("Filing the request"),
    paragraph("<p>Send the request with the fee and the evidence.</p>"),
]


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return revision


def image_block(image, alt_text, caption, decorative=False):
    value = {"image": image.pk, "alt_text": alt_text, "decorative": decorative}
    return {"type": "image", "value": {"image": value, "caption": caption}}


@pytest.fixture
def advisory(index):
    image = ImageFactory()
    page = PublicationPageFactory(
        parent=index,
        title="Screening for DACA",
        slug="screening-for-daca",
        authors="Ana Ruiz, Staff Attorney",
        body=[
            *ADVISORY_BODY,
            image_block(image, "A line of people outside a clinic", "Clinic day"),
            image_block(image, "", "A border, for decoration", decorative=True),
        ],
    )
    publish(page)
    return page


def download_link(client, page):
    html = client.get(page.url).content.decode()
    match = LINK.search(html)
    return match.groups() if match else None


def text_of(pdf_bytes):
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf_bytes, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode().split())


def structure_elements(node):
    """Every element of a PDF's structure tree, depth first."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from structure_elements(kid)


def in_order(text, *fragments):
    positions = [text.find(fragment) for fragment in fragments]
    return -1 not in positions and positions == sorted(positions)


def test_a_published_publication_gets_a_tagged_pdf_with_its_content_in_order(
    client, advisory, run_worker
):
    assert download_link(client, advisory) is None  # until the worker has made it
    assert client.get(advisory.url + "pdf/").status_code == 404

    run_worker()

    url, label = download_link(client, advisory)
    assert url == advisory.url + "pdf/"
    assert re.fullmatch(r"1 page, \d+(\.\d)?\s(bytes|KB)", label)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="screening-for-daca.pdf"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content)

    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "en"
        assert str(pdf.docinfo["/Title"]) == "Screening for DACA"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        figures = [
            str(element.get("/Alt"))
            for element in structure_elements(pdf.Root.StructTreeRoot)
            if element.get("/S") == "/Figure"
        ]
        assert figures == ["A line of people outside a clinic"]

    text = text_of(content)
    assert in_order(
        text,
        "IMMIGRANT LEGAL RESOURCE CENTER",
        "Screening for DACA",
        "By Ana Ruiz, Staff Attorney",
        "http://localhost/resources/screening-for-daca/",
        "Printed on",
        "Contents",
        "Who qualifies",
        "Filing the request",
        "Practitioners should first screen every client for eligibility.",
        "agency page (https://www.uscis.gov/daca)",
        "Brief absences do not interrupt continuous residence.",
        "Send the request with the fee and the evidence.",
        "Clinic day",
    )
    assert "for decoration" not in text
    assert text.endswith("1/1")  # page numbers


def test_a_draft_change_never_reaches_the_pdf(client, advisory, run_worker):
    run_worker()
    first = advisory.live_pdf()

    advisory.title = "Draft title nobody should see"
    advisory.save_revision()
    run_worker()
    response = client.get(advisory.url + "pdf/")
    assert "Screening for DACA" in text_of(b"".join(response.streaming_content))

    publish(advisory, title="Screening for DACA, revised")
    # The new revision's PDF is not made yet: no link, and never the old one.
    assert download_link(client, advisory) is None
    assert client.get(advisory.url + "pdf/").status_code == 404

    run_worker()
    response = client.get(advisory.url + "pdf/")
    assert "Screening for DACA, revised" in text_of(b"".join(response.streaming_content))
    # The earlier revision's PDF is gone, with its file.
    assert list(PublicationPdf.objects.all()) == [advisory.live_pdf()]
    assert not default_storage.exists(first.file.name)


def test_a_failed_attempt_is_tried_again(client, advisory, settings, monkeypatch, run_worker):
    settings.PDF_RETRY_DELAYS = [0, 0]
    real_render = printing.render_pdf
    calls = []

    def fails_once(page):
        calls.append(page.pk)
        if len(calls) == 1:
            raise OSError("storage unavailable")
        return real_render(page)

    monkeypatch.setattr(printing, "render_pdf", fails_once)
    run_worker()

    attempts = DBTaskResult.objects.order_by("enqueued_at")
    assert [result.status for result in attempts] == ["FAILED", "SUCCESSFUL"]
    assert attempts[0].exception_class_path == "builtins.OSError"
    assert download_link(client, advisory) is not None


def test_the_task_gives_up_after_its_last_retry(
    client, advisory, settings, monkeypatch, run_worker
):
    settings.PDF_RETRY_DELAYS = [0]

    def always_fails(page):
        raise OSError("storage unavailable")

    monkeypatch.setattr(printing, "render_pdf", always_fails)
    run_worker()

    assert [r.status for r in DBTaskResult.objects.all()] == ["FAILED", "FAILED"]
    assert download_link(client, advisory) is None


def test_a_broken_image_does_not_stop_the_pdf(client, index, run_worker):
    image = ImageFactory(description="A clinic waiting room")
    page = PublicationPageFactory(
        parent=index,
        body=[
            paragraph("<p>Before the picture.</p>"),
            image_block(image, "A clinic waiting room", "The clinic"),
            paragraph("<p>After the picture.</p>"),
        ],
    )
    default_storage.delete(image.file.name)
    publish(page)
    run_worker()

    text = text_of(b"".join(client.get(page.url + "pdf/").streaming_content))
    assert in_order(text, "Before the picture.", "The clinic", "After the picture.")


def test_a_spanish_publication_gives_a_spanish_pdf(client, advisory, run_worker):
    spanish = advisory.copy_for_translation(
        Locale.objects.get(language_code="es"), copy_parents=True
    )
    spanish.title = "Evaluación para DACA"
    publish(spanish)
    run_worker()

    content = b"".join(client.get(spanish.url + "pdf/").streaming_content)
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert str(pdf.Root.Lang) == "es"
        assert str(pdf.docinfo["/Title"]) == "Evaluación para DACA"
    assert in_order(text_of(content), "Evaluación para DACA", "Publicado", "Contenido")


def test_a_restricted_publications_pdf_asks_for_the_password(client, advisory, run_worker):
    run_worker()
    PageViewRestriction.objects.create(
        page=advisory, restriction_type="password", password="partners"
    )
    response = client.get(advisory.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"password" in response.content.lower()


def test_the_pdf_goes_with_its_page(advisory, run_worker, django_capture_on_commit_callbacks):
    run_worker()
    name = advisory.live_pdf().file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        advisory.delete()
    assert not PublicationPdf.objects.exists()
    assert not default_storage.exists(name)


def test_a_publication_without_a_body_gets_no_pdf_but_offers_its_file(client, index, run_worker):
    page = PublicationPageFactory(parent=index, body=[], downloads=[DocumentFactory()])
    publish(page)
    run_worker()
    assert not PublicationPdf.objects.exists()
    assert download_link(client, page) is None
    assert client.get(page.url + "pdf/").status_code == 404


def test_publications_live_before_pdfs_get_theirs_on_demand(client, index, run_worker):
    made_before = PublicationPageFactory(parent=index, body=ADVISORY_BODY)
    publish(made_before)
    run_worker()
    older = PublicationPageFactory(parent=index, body=ADVISORY_BODY)
    publish(older)
    DBTaskResult.objects.all().delete()  # as if published before PDFs were made

    call_command("make_publication_pdfs", stdout=io.StringIO())
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert download_link(client, older) is not None

    first = made_before.live_pdf()
    call_command("make_publication_pdfs", "--remake", stdout=io.StringIO())
    run_worker()
    assert made_before.live_pdf().file.name != first.file.name
    assert PublicationPdf.objects.count() == 2


@pytest.mark.parametrize(
    "url",
    [
        "https://elsewhere.example/tracker.png",
        "http://localhost/admin/",
        "http://localhost/media/../settings.py",
        "file:///etc/passwd",
    ],
)
def test_the_pdf_fetches_nothing_but_the_sites_media(url):
    assert MediaOnlyFetcher("http://localhost").media_name(url) is None
    with pytest.raises(ValueError):
        MediaOnlyFetcher("http://localhost").fetch(url)


def test_the_pdf_reads_media_files_from_storage():
    fetcher = MediaOnlyFetcher("http://localhost")
    assert fetcher.media_name("http://localhost/media/images/a%20b.jpg") == "images/a b.jpg"
