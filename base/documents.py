"""Whether an uploaded document is accessible, as an editor checked it.

Wagtail's own document model is kept (swapping it for a custom one would mean moving
every upload and every reference to it), so the mark lives in a table beside it: one
row per checked document, none until someone checks. A reader then learns which files
a screen reader can follow, and may ask for another format of the rest.
"""

from django.db import models

NOT_CHECKED = "Not yet checked"


class DocumentAccessibility(models.Model):
    class Status(models.TextChoices):
        ACCESSIBLE = "accessible", "Accessible"
        NOT_ACCESSIBLE = "not_accessible", "Not accessible"

    document = models.OneToOneField(
        "wagtaildocs.Document",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="accessibility",
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "document accessibility"
        verbose_name_plural = "document accessibility"

    def __str__(self):
        return f"{self.document}: {self.get_status_display()}"


def accessibility_of(document):
    """The document's mark, or None while unchecked: no query when the row was read
    with the document (`select_related("accessibility")`)."""
    try:
        return document.accessibility
    except DocumentAccessibility.DoesNotExist:
        return None


def is_accessible(document):
    mark = accessibility_of(document)
    return mark is not None and mark.status == DocumentAccessibility.Status.ACCESSIBLE


def accessibility_label(document):
    """The mark as the admin shows it: "Accessible", "Not accessible" or "Not yet checked"."""
    mark = accessibility_of(document)
    return mark.get_status_display() if mark else NOT_CHECKED
