"""Background work on publications: their PDFs, made by the worker when they are published.

Publishing enqueues the task in the same transaction (the "background" backend is a
table of the database), so a task exists exactly for each committed publication. The
worker (`manage.py db_worker --backend background --queue-name "*"`) makes the PDF of
that revision; until it has, the page shows no PDF link. A failed attempt is tried
again after each of settings.PDF_RETRY_DELAYS, then given up, with the error in the
task's result.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Revision
from wagtail.signals import page_published

from base.cache import changed

from .models import PublicationPage, PublicationPdf

logger = logging.getLogger(__name__)


@task(backend="background", queue_name="pdfs")
def make_publication_pdf(revision_id, attempt=1, remake=False):
    """Make the PDF of a publication's revision, if it is still the live one (again
    if `remake`)."""
    revision = Revision.objects.filter(pk=revision_id).first()
    page = PublicationPage.objects.filter(live_revision_id=revision_id).first()
    if revision is None or page is None:
        return "superseded"  # deleted, unpublished, or published again since
    if not remake and PublicationPdf.objects.filter(revision=revision).exists():
        return "made already"
    published = revision.as_object()
    if not published.body:
        # Its content is its attached files, which the page offers instead.
        return "no body"
    # Imported here: WeasyPrint costs each process 0.6 s of CPU and 60 MB to load, and
    # only the worker needs it.
    from . import printing

    try:
        pdf = printing.render_pdf(published)
        store(page, revision, pdf)
    except Exception:
        retry_later(revision_id, attempt, remake)
        raise
    return f"{pdf.page_count} pages"


def retry_later(revision_id, attempt, remake):
    delays = settings.PDF_RETRY_DELAYS
    if attempt > len(delays):
        logger.error("Giving up the PDF of revision %s after %s attempts", revision_id, attempt)
        return
    run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
    make_publication_pdf.using(run_after=run_after).enqueue(revision_id, attempt + 1, remake)


@transaction.atomic
def store(page, revision, pdf):
    """Keep the new PDF, and only it: the page's earlier ones are deleted, with their
    files once this is committed. The page, the only one that links to it, is rendered
    afresh and purged from a CDN."""
    page.pdfs.all().delete()
    made = PublicationPdf(page=page, revision=revision, page_count=pdf.page_count)
    made.size = len(pdf.content)
    made.file.save("publication.pdf", ContentFile(pdf.content), save=False)
    made.save()
    changed([page], own_pages_only=True)


def enqueue_pdf(instance, revision=None, **kwargs):
    # Aliases are published without a revision of their own: no PDF of theirs.
    if revision is not None:
        make_publication_pdf.enqueue(revision.pk)


def connect_signals():
    page_published.connect(enqueue_pdf, sender=PublicationPage, dispatch_uid="publication-pdf")
