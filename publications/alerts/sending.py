"""Sending alerts: for each confirmed alert that is due, the items of its view of the
library first published since its last send, in one email.

"New" is first publication (`first_published_at`): an edit published again is not new.
Only what is live and public when the email is made is sent: drafts, unpublished and
restricted pages never are. Each item sent to an alert is recorded (AlertDelivery), and
the alert's `last_sent_at` is moved on (`claim`) just before its email goes to the mail
server; a run that stops halfway is simply run again: what it sent is not sent twice,
what it did not send is sent.

Work is split into batches of alerts (`BATCH_SIZE`), each a task on the worker's
"alerts" queue (`enqueue_due`): several workers send batches at once. Alerts that
follow the same view in the same language share one query for their items.
"""

from collections import defaultdict
from datetime import timedelta
from functools import cached_property

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Min
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Site

from base.i18n import locale_id

from ..listing import LibraryListing
from ..models import Alert, AlertDelivery, DatedPage, PublicationIndexPage, ResourceType, Topic
from .library_view import describe, filters_of, view_url
from .links import list_unsubscribe_headers, manage_url, unsubscribe_url

# How long after its last send an alert is due again, less a few minutes so that a
# run at the same time each day (or week) finds yesterday's alerts due.
DUE_AFTER = {
    Alert.Frequency.AS_PUBLISHED: timedelta(0),
    Alert.Frequency.DAILY: timedelta(days=1) - timedelta(minutes=15),
    Alert.Frequency.WEEKLY: timedelta(days=7) - timedelta(minutes=15),
}
# Items published in the last minute wait for the next run: a publication committed
# while a run reads could otherwise fall between two runs' windows.
SETTLE = timedelta(minutes=1)
BATCH_SIZE = 500
# At most this many items in one email (the newest); the email links to the rest.
MOST_ITEMS = 50


def due(frequency, now):
    """The confirmed alerts of `frequency` whose time has come at `now`."""
    return Alert.objects.filter(
        frequency=frequency,
        confirmed_at__isnull=False,
        last_sent_at__lte=now - DUE_AFTER[frequency],
    )


def enqueue_due(now=None):
    """Queue a task per batch of due alerts, for every frequency; returns how many
    alerts were queued. Nothing is queued when nothing was published since the oldest
    due alert's last send (the usual case for a run every minute)."""
    from .tasks import send_alert_batch

    now = now or timezone.now()
    until = now - SETTLE
    queued = 0
    for frequency in Alert.Frequency.values:
        alerts = due(frequency, now)
        oldest = alerts.aggregate(oldest=Min("last_sent_at"))["oldest"]
        if oldest is None or not new_pages(oldest, until).exists():
            continue
        ids = list(alerts.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH_SIZE):
            send_alert_batch.enqueue(ids[start : start + BATCH_SIZE], until.isoformat())
        queued += len(ids)
    return queued


def new_pages(since, until):
    return DatedPage.objects.live().filter(
        first_published_at__gt=since, first_published_at__lte=until
    )


class Batch:
    """The due alerts among `alert_ids`, with the new items of each, up to `until`."""

    def __init__(self, alert_ids, until):
        self.until = until
        self.alerts = list(
            Alert.objects.filter(pk__in=alert_ids, confirmed_at__isnull=False).order_by("pk")
        )
        self.types = list(ResourceType.objects.all())
        self.topics = list(Topic.objects.all())
        self.libraries = {
            index.locale_id: index for index in PublicationIndexPage.objects.live().specific()
        }
        self._views, self._items = {}, {}

    def views(self):
        """The alerts grouped by what they follow: {(language, query): [alerts]}."""
        groups = defaultdict(list)
        for alert in self.alerts:
            groups[(alert.language, alert.query)].append(alert)
        return groups

    def fresh(self, language, since):
        """The library's live, public items in `language` first published in (since,
        until], by key: a few hundred a day at most, loaded once for the batch; each
        view's query then only picks the keys it shows among them."""
        library = self.libraries.get(locale_id(language))
        if library is None:
            return {}  # a language that no longer has a library
        home_path = library.path[: -library.steplen]
        pages = DatedPage.objects.filter(path__startswith=home_path, locale_id=library.locale_id)
        pages = (
            pages.live()
            .public()
            .filter(first_published_at__gt=since, first_published_at__lte=self.until)
        )
        return {
            page.pk: page for page in pages.select_related("resource_type").defer_streamfields()
        }

    def items_of_view(self, query, fresh):
        """Those of the `fresh` items that the view shows, newest first: the library's
        own filters, on their keys."""
        filters = filters_of(query, self.types, self.topics)
        if not fresh or filters is None:
            return []  # nothing new, or a filter that no longer exists
        pages = DatedPage.objects.filter(pk__in=fresh)
        shown = LibraryListing(None, pages, filters).filtered()
        keys = shown.order_by("-first_published_at", "-pk").values_list("pk", flat=True)
        return [fresh[key] for key in keys]

    @cached_property
    def root_url(self):
        return Site.objects.get(is_default_site=True).root_url

    def view(self, language, query):
        """The view in words and its address, in `language` (once per batch)."""
        if (language, query) not in self._views:
            library = self.libraries[locale_id(language)]
            with translation.override(language):
                words = describe(filters_of(query, self.types, self.topics), library.title)
            self._views[language, query] = words, view_url(library, query)
        return self._views[language, query]

    def item_parts(self, item, language):
        """An item as the emails show it, plain and HTML, rendered once per batch: every
        alert that sends it shares them."""
        if (item.pk, language) not in self._items:
            self._items[item.pk, language] = self.render_item(item, language)
        return self._items[item.pk, language]

    def render_item(self, item, language):
        context = {
            "title": item.title,
            "type": item.resource_type.local_name,
            "date": item.date,
            "summary": item.get_meta_description(),
            "url": item.get_full_url(),
        }
        with translation.override(language):
            return (
                render_to_string("publications/alerts/digest_item.txt", context),
                # Safe as rendered (autoescaped): the email's template includes it as is.
                render_to_string("publications/alerts/digest_item.html", context),
            )

    def email(self, alert, items, total):
        """The alert's email in its language, with `items` (the newest of `total`):
        plain text and HTML, with the one-click unsubscribe headers (RFC 8058)."""
        language = alert.language
        view, url = self.view(language, alert.query)
        unsubscribe = unsubscribe_url(alert.email, language, root_url=self.root_url)
        parts = [self.item_parts(item, language) for item in items]
        with translation.override(language):
            context = {
                "language": language,
                "view": view,
                "view_url": url,
                "plain_items": [plain for plain, _ in parts],
                "html_items": [html for _, html in parts],
                "total": total,
                "frequency": alert.get_frequency_display(),
                "manage_url": manage_url(alert.email, language, root_url=self.root_url),
                "unsubscribe_url": unsubscribe,
            }
            subject = translation.ngettext(
                "%(count)s new item: %(view)s", "%(count)s new items: %(view)s", total
            ) % {"count": total, "view": view}
            message = EmailMultiAlternatives(
                subject=subject,
                body=render_to_string("publications/alerts/digest.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[alert.email],
                headers=list_unsubscribe_headers(unsubscribe),
            )
            message.attach_alternative(
                render_to_string("publications/alerts/digest.html", context), "text/html"
            )
        return message

    def news(self):
        """(alert, its new items) for each alert of the batch, items not sent before."""
        by_alert = {}
        views = self.views()
        since = {
            language: min(a.last_sent_at for a in self.alerts if a.language == language)
            for language, _ in views
        }
        fresh = {language: self.fresh(language, oldest) for language, oldest in since.items()}
        for (language, query), alerts in views.items():
            items = self.items_of_view(query, fresh[language])
            for alert in alerts:
                by_alert[alert] = [i for i in items if i.first_published_at > alert.last_sent_at]
        candidates = {item.pk for items in by_alert.values() for item in items}
        sent = set(
            AlertDelivery.objects.filter(alert__in=self.alerts, item_id__in=candidates).values_list(
                "alert_id", "item_id"
            )
        )
        return [
            (alert, [item for item in items if (alert.pk, item.pk) not in sent])
            for alert, items in by_alert.items()
        ]


def send_batch(alert_ids, until):
    """Send each due alert of `alert_ids` its new items; returns the emails sent."""
    batch = Batch(alert_ids, until)
    quiet, deliveries, sent = [], [], 0
    try:
        with get_connection() as connection:
            for alert, items in batch.news():
                if not items:
                    quiet.append(alert.pk)
                    continue
                if not claim(alert, until):
                    continue  # another worker has sent it since this batch read it
                shown = items[:MOST_ITEMS]
                message = batch.email(alert, shown, len(items))
                try:
                    connection.send_messages([message])
                except Exception:
                    release(alert)  # not sent: the next run tries again
                    raise
                now = timezone.now()
                deliveries += [AlertDelivery(alert=alert, item=item, sent_at=now) for item in shown]
                sent += 1
    finally:
        # Recorded together, in a few statements: what was sent before a failure too.
        AlertDelivery.objects.bulk_create(deliveries, batch_size=5000, ignore_conflicts=True)
        Alert.objects.filter(pk__in=quiet).update(last_sent_at=until)
    return sent


def claim(alert, until):
    """Move the alert's last send to `until` unless someone else has: then this worker
    alone sends it. Claimed before sending, so that a worker that dies between the mail
    server's answer and its own record sends nothing twice (it may send one email
    fewer: the mail is more often an annoyance twice than missed once)."""
    claimed = Alert.objects.filter(pk=alert.pk, last_sent_at=alert.last_sent_at)
    if not claimed.update(last_sent_at=until):
        return False
    alert.previous_send, alert.last_sent_at = alert.last_sent_at, until
    return True


def release(alert):
    Alert.objects.filter(pk=alert.pk).update(last_sent_at=alert.previous_send)
