"""The confirmation email of double opt-in: nothing is sent to an alert until its reader
follows the link in it."""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from ..models import Alert
from .links import CONFIRM_MAX_AGE, confirm_url, list_unsubscribe_headers, unsubscribe_url

# Asking again for the same address and view within this time sends no second email.
RESEND_AFTER = datetime.timedelta(hours=1)


def recently_sent(alert):
    sent = alert.confirmation_sent_at
    return sent is not None and timezone.now() - sent < RESEND_AFTER


def send_confirmation(alert, description, frequency):
    """Email `alert`'s reader the link that confirms it at `frequency` (plain text and
    HTML, in the alert's language), and note when; `description`: the view, in words."""
    with translation.override(alert.language):
        context = {
            "description": description,
            "frequency": Alert.Frequency(frequency).label,
            "confirm_url": confirm_url(alert, frequency),
            "days": CONFIRM_MAX_AGE.days,
            "unsubscribe_url": unsubscribe_url(alert.email, alert.language),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "language": alert.language,
        }
        message = EmailMultiAlternatives(
            subject=gettext("Confirm your email alert: %(view)s") % {"view": description},
            body=render_to_string("publications/alerts/confirmation_email.txt", context),
            to=[alert.email],
            headers={
                **list_unsubscribe_headers(context["unsubscribe_url"]),
                "Content-Language": alert.language,
            },
        )
        html = render_to_string("publications/alerts/confirmation_email.html", context)
    message.attach_alternative(html, "text/html")
    message.send()
    alert.confirmation_sent_at = timezone.now()
    alert.save(update_fields=["confirmation_sent_at"])


def forget_unconfirmed(now=None):
    """Delete the alerts whose confirmation link has expired unused: an address nobody
    confirmed is not kept. Returns how many."""
    cutoff = (now or timezone.now()) - CONFIRM_MAX_AGE
    last_asked = Coalesce("confirmation_sent_at", "created_at")
    expired = Alert.objects.alias(last_asked=last_asked).filter(
        confirmed_at__isnull=True, last_asked__lt=cutoff
    )
    return expired.delete()[0]
