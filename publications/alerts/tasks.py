"""The alerts' work on the worker's "alerts" queue (publications/alerts/sending.py)."""

from datetime import datetime

from django_tasks import task

from .sending import send_batch


@task(backend="background", queue_name="alerts")
def send_alert_batch(alert_ids, until):
    """Send a batch of due alerts their new items up to `until` (ISO 8601). A batch that
    fails (the mail server away) is sent by the next run: its alerts are still due."""
    return f"{send_batch(alert_ids, datetime.fromisoformat(until))} emails"
