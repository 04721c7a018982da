"""Helpers for every app's demo content (`manage.py load_demo_content`).

Each is idempotent: an object that exists already (matched by its title) is left as it
is, so the demo loader can run any number of times.
"""

from functools import cache
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.utils.text import slugify
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def get_or_create_image(path: Path, title: str, alt_text: str):
    """The image with this title, imported from `path` the first time only."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        with path.open("rb") as f:
            image = Image(title=title, description=alt_text)
            image.file.save(path.name, File(f), save=False)
            image.save()
    return image


def get_or_create_pdf(title: str, text: str):
    """A small real PDF document with this title, generated the first time only."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(
            f"{slugify(title)[:80]}.pdf", ContentFile(render_pdf(title, text)), save=False
        )
        document._set_document_file_metadata()  # size and hash, as the admin's upload does
        document.save()
    return document


@cache  # the same bytes every time: a process that loads the demo again makes them once
def render_pdf(title: str, text: str) -> bytes:
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author("Immigrant Legal Resource Center")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, _latin1(title))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, _latin1(text))
    pdf.ln(6)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(0, 5, "Immigrant Legal Resource Center - www.ilrc.org")
    return bytes(pdf.output())


def _latin1(text):
    # The PDF core fonts cover Latin-1 only.
    for fancy, plain in {"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"}.items():
        text = text.replace(fancy, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def publish(page):
    """Publish `page` through a revision, as an editor would, so the admin shows its history."""
    page.save_revision().publish()
    return page
