"""Email alerts: a reader's address following one view of the library (its filters, as
the library's query string gives them) in one language, at one frequency.

Nothing else about a reader is stored: the address, the filters, the frequency, the
language and the dates. What was sent is recorded per item (AlertDelivery), so that a
run that stops halfway and is tried again sends nothing twice.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Alert(models.Model):
    class Frequency(models.TextChoices):
        AS_PUBLISHED = "published", _("As published")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    email = models.EmailField(db_index=True)
    # The view's filters as the library's canonical query string ("topic=daca&type=faqs"),
    # empty for the whole library; never the page number or the sort.
    query = models.CharField(max_length=1000, blank=True)
    language = models.CharField(max_length=10)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the last confirmation email went out: asking again within the hour sends none.
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # None until the reader follows the link in the confirmation email: nothing is sent.
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Items first published after this (or after confirmation) are new to the alert.
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("email alert")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "query", "language"], name="one_alert_per_address_and_view"
            )
        ]
        indexes = [models.Index(fields=["frequency", "confirmed_at"])]

    def __str__(self):
        return f"{self.get_frequency_display()}: ?{self.query}"


class AlertDelivery(models.Model):
    """One item sent to one alert: never sent to it again."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    item = models.ForeignKey("publications.DatedPage", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "item"], name="each_item_once_per_alert")
        ]

    def __str__(self):
        return f"Item {self.item_id} sent {self.sent_at:%Y-%m-%d %H:%M}"
