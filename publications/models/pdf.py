"""The PDF of a publication, made from one of its revisions (publications/tasks.py)."""

import secrets

from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from .publication import PublicationPage


def pdf_upload_to(instance, filename):
    # A random part, so that a restricted publication's PDF cannot be guessed at
    # wherever media files are served from: the page's pdf/ route checks who asks.
    return f"publication-pdfs/{instance.page.slug}-{secrets.token_urlsafe(8)}.pdf"


class PublicationPdf(models.Model):
    """One revision's PDF. Visitors get the live revision's (PublicationPage.pdf)."""

    page = models.ForeignKey(PublicationPage, on_delete=models.CASCADE, related_name="pdfs")
    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField(upload_to=pdf_upload_to)
    page_count = models.PositiveIntegerField()
    size = models.PositiveIntegerField(help_text="In bytes.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("publication PDF")

    def __str__(self):
        return self.file.name


@receiver(post_delete, sender=PublicationPdf, dispatch_uid="publication-pdf-file")
def delete_pdf_file(instance, **kwargs):
    # Deleted with its row (and so with its page or revision), once that is committed.
    file = instance.file
    transaction.on_commit(lambda: file.delete(save=False))
