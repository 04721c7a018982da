"""Ask the worker for the PDFs of live publications: those it has not made yet (say,
publications that were live before PDFs were made on publishing), or, with --remake,
all of them (after a change to the print design).

    python manage.py make_publication_pdfs [--remake]

A publication with no live revision (published by a bulk load, never through the
admin) has nothing to make a PDF from: publish it once to get one.
"""

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef

from publications.models import PublicationPage, PublicationPdf
from publications.tasks import make_publication_pdf


class Command(BaseCommand):
    help = "Enqueue the PDFs of live publications that have none (or, with --remake, all)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--remake", action="store_true", help="Make every live publication's PDF again."
        )

    def handle(self, *, remake, **options):
        pages = PublicationPage.objects.live()
        without_revision = pages.filter(live_revision__isnull=True).count()
        pages = pages.filter(live_revision__isnull=False)
        if not remake:
            made = PublicationPdf.objects.filter(revision=OuterRef("live_revision"))
            pages = pages.filter(~Exists(made))
        revisions = list(pages.values_list("live_revision_id", flat=True))
        for revision_id in revisions:
            make_publication_pdf.enqueue(revision_id, remake=remake)
        self.stdout.write(f"Enqueued {len(revisions)} PDFs for the worker.")
        if without_revision:
            self.stdout.write(
                f"{without_revision} live publications have no revision to make one from."
            )
