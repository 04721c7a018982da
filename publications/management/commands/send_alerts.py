"""Queue the email alerts that are due for the worker: run it every minute (the
scheduler service of docker-compose does).

    python manage.py send_alerts

Alerts "as published" are due whenever something new was published; daily and weekly
ones a day or a week after their last send. Nothing is queued when nothing is new.
Alerts never confirmed are deleted once their confirmation link has expired.
"""

from django.core.management.base import BaseCommand

from publications.alerts.confirmation import forget_unconfirmed
from publications.alerts.sending import enqueue_due


class Command(BaseCommand):
    help = "Queue the email alerts that are due for the task worker; forget unconfirmed ones."

    def handle(self, **options):
        forget_unconfirmed()
        queued = enqueue_due()
        if queued:
            self.stdout.write(f"Queued {queued} alerts for the worker.")
