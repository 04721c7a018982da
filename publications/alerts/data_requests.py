"""A reader's request for their data: everything stored for one address, to export or
delete. Who may answer one, and how it is logged without the address."""

from django.db.models import Count, Prefetch
from django.utils import timezone
from wagtail.log_actions import LogFormatter, log

from publications.models import Alert, AlertDelivery

from .summary import FilterNames, describe_view

# Held by Administrators (ilrc_site.roles) and, like every permission, by superusers:
# whoever manages staff accounts may handle readers' addresses, and no one else.
PERMISSION = "auth.change_user"

EXPORT_ACTION = "publications.alerts.export"
DELETE_ACTION = "publications.alerts.delete"
# What the audit log names instead of the address.
LOG_TITLE = "An address's email alerts"


def can_answer(user):
    return user.has_perm(PERMISSION)


def alerts_of(email):
    # Whatever the case it was typed in at sign-up: it is the same reader's address.
    return Alert.objects.filter(email__iexact=email)


def alerts_listing(email):
    """The address's alerts, each with the number of items sent to it."""
    return alerts_of(email).annotate(items_sent=Count("deliveries")).order_by("created_at", "pk")


def export(email, request):
    """Everything stored for the address, as a JSON-ready dict."""
    names = FilterNames()
    deliveries = AlertDelivery.objects.select_related("item").order_by("sent_at", "pk")
    alerts = alerts_of(email).order_by("created_at", "pk")
    alerts = alerts.prefetch_related(Prefetch("deliveries", queryset=deliveries))
    return {
        "email": email,
        "exported_at": timezone.now(),
        "alerts": [
            {
                "email": alert.email,
                "query": alert.query,
                "view": describe_view(alert.query, names),
                "language": alert.language,
                "frequency": alert.frequency,
                "created_at": alert.created_at,
                "confirmation_sent_at": alert.confirmation_sent_at,
                "confirmed_at": alert.confirmed_at,
                "last_sent_at": alert.last_sent_at,
                "deliveries": [
                    {
                        "title": delivery.item.title,
                        "url": delivery.item.get_full_url(request),
                        "date": delivery.item.date,
                        "sent_at": delivery.sent_at,
                    }
                    for delivery in alert.deliveries.all()
                ],
            }
            for alert in alerts
        ],
    }


def log_request(alert, action, count):
    """Record an export or deletion in Wagtail's audit log against one of the address's
    alerts, named and counted but never with the address."""
    log(alert, action, title=LOG_TITLE, data={"count": count})


class ExportFormatter(LogFormatter):
    label = "Export an address's email alerts"

    def format_message(self, log_entry):
        return f"Exported an address's email alerts ({log_entry.data.get('count', 0)})"


class DeleteFormatter(LogFormatter):
    label = "Delete an address's email alerts"

    def format_message(self, log_entry):
        return f"Deleted an address's email alerts ({log_entry.data.get('count', 0)})"


def register_log_actions(actions):
    actions.register_action(EXPORT_ACTION)(ExportFormatter)
    actions.register_action(DELETE_ACTION)(DeleteFormatter)
