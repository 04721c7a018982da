"""Sending email alerts: each confirmed alert gets the new items of its view of the
library, once, at its frequency, through a real SMTP server (tests/mail.py)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction

from publications.alerts.sending import enqueue_due
from publications.models import Alert, AlertDelivery
from tests.factories import PublicationPageFactory, TopicFactory, resource_type
from tests.mail import text_of

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def daca():
    return TopicFactory(name="DACA", slug="daca")


def published(index, **fields):
    """A page published now, as an editor publishes it (first_published_at set)."""
    page = PublicationPageFactory(parent=index, live=False, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def alert(email, query="type=faqs-explainers", frequency="daily", last_sent=DAY, **fields):
    now = timezone.now()
    fields.setdefault("confirmed_at", now - 30 * DAY)
    return Alert.objects.create(
        email=email,
        query=query,
        language="en",
        frequency=frequency,
        last_sent_at=now - last_sent,
        **fields,
    )


@pytest.fixture
def send(run_worker):
    """A run: the due alerts queued (as `manage.py send_alerts` does, `later` from now),
    then the worker's alerts queue worked through."""

    def run(later=datetime.timedelta(minutes=2)):
        queued = enqueue_due(timezone.now() + later)
        run_worker("alerts")
        return queued

    return run


def test_an_alert_gets_each_new_item_of_its_view_once(index, smtp_server, send, daca):
    old = published(index, title="An explainer from last year")
    old.first_published_at = timezone.now() - 300 * DAY
    old.save(update_fields=["first_published_at"])
    alert("ana@example.org", query="topic=daca&type=faqs-explainers")

    wanted = published(
        index,
        title="DACA renewals in 2027",
        topics=[daca],
        summary="What renewing recipients need to know.",
        date=datetime.date(2026, 12, 1),
    )
    published(index, title="Another topic altogether")  # no DACA
    toolkits = resource_type("toolkits-reports")
    published(index, title="A DACA toolkit", topics=[daca], resource_type=toolkits)
    PublicationPageFactory(parent=index, title="A DACA draft", topics=[daca], live=False)
    private = published(index, title="A DACA page for partners", topics=[daca])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    old.title = "An explainer from last year, revised"
    old.save_revision().publish()  # an edit: not new

    send()

    [message] = smtp_server.messages
    assert message.recipients == ["ana@example.org"]
    assert message["Subject"] == "1 new item: Resources: FAQs & Explainers, DACA"
    plain, html = text_of(message), text_of(message, "html")
    for text in (plain, html):
        assert "DACA renewals in 2027" in text
        assert "FAQs &amp; Explainers" in text or "FAQs & Explainers" in text
        assert "1 December 2026" in text
        assert "What renewing recipients need to know." in text
        assert wanted.full_url in text
        for unwanted in ("Another topic", "toolkit", "draft", "partners", "last year"):
            assert unwanted not in text
    assert f'<a href="{wanted.full_url}"' in html  # the items' HTML, not escaped twice
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith("http://localhost/alerts/unsubscribe/")
    assert unsubscribe in plain and unsubscribe in html.replace("&amp;", "&")

    # The next day's run has nothing new to send.
    smtp_server.clear()
    send(later=DAY + HOUR)
    assert smtp_server.messages == []
    assert list(AlertDelivery.objects.values_list("item_id", flat=True)) == [wanted.pk]


def test_each_frequency_sends_when_it_is_due(index, smtp_server, send):
    as_published = alert("now@example.org", frequency="published", last_sent=HOUR)
    daily = alert("daily@example.org", frequency="daily", last_sent=HOUR)
    weekly = alert("weekly@example.org", frequency="weekly", last_sent=HOUR)
    alert("unconfirmed@example.org", frequency="published", last_sent=HOUR, confirmed_at=None)
    published(index, title="An explainer")

    def recipients():
        found = sorted(address for m in smtp_server.messages for address in m.recipients)
        smtp_server.clear()
        return found

    send()
    assert recipients() == [as_published.email]
    send(later=DAY)
    assert recipients() == [daily.email]
    send(later=7 * DAY)
    assert recipients() == [weekly.email]
    send(later=8 * DAY)
    assert recipients() == []  # each has had the item


def test_a_run_that_fails_halfway_sends_nothing_twice_when_run_again(index, smtp_server, send):
    first, second = alert("first@example.org"), alert("second@example.org")
    published(index, title="An explainer")
    smtp_server.accept_only = 1  # the mail server takes one message, then is busy

    send()
    assert [m.recipients for m in smtp_server.messages] == [[first.email]]
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1

    smtp_server.accept_only = None
    send(later=datetime.timedelta(minutes=5))
    assert [m.recipients for m in smtp_server.messages] == [[first.email], [second.email]]


def test_nothing_is_queued_when_nothing_is_new(index, smtp_server, send):
    alert("ana@example.org", frequency="published", last_sent=HOUR)
    assert send() == 0
    assert not DBTaskResult.objects.exists()


def test_an_address_never_confirmed_is_forgotten_once_its_link_expires():
    now = timezone.now()
    alert("late@example.org", confirmed_at=None)
    Alert.objects.filter(email="late@example.org").update(
        created_at=now - 4 * DAY, confirmation_sent_at=now - 4 * DAY
    )
    alert("asked-again@example.org", confirmed_at=None)
    Alert.objects.filter(email="asked-again@example.org").update(
        created_at=now - 4 * DAY, confirmation_sent_at=now - HOUR
    )
    alert("confirmed@example.org")

    call_command("send_alerts", stdout=io.StringIO())

    remaining = sorted(Alert.objects.values_list("email", flat=True))
    assert remaining == ["asked-again@example.org", "confirmed@example.org"]
