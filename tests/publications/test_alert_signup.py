"""Signing up for email alerts on a view of the library, as a reader does it: the form,
the confirmation email a real SMTP server receives, its links, managing and
unsubscribing (publications/alerts/)."""

import datetime
import re
import time
from urllib.parse import quote

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from base.demo import publish
from publications.alerts import links
from publications.alerts.sending import enqueue_due
from publications.models import Alert, AlertDelivery
from tests.factories import PublicationPageFactory, TopicFactory, TopicPageFactory
from tests.hostile import PAYLOAD, RAW_MARKERS
from tests.mail import text_of

from .library import soup

pytestmark = pytest.mark.django_db

READER = "reader@example.org"
LINK = re.compile(r'https?://[^\s"<>]+/alerts/(confirm|manage|unsubscribe)/[^/\s"<>]+/')


@pytest.fixture
def daca(index):
    return TopicFactory(name="DACA", name_translations={"es": "Acción Diferida"})


@pytest.fixture
def spanish_library(home, index):
    spanish = Locale.objects.get(language_code="es")
    publish(home.copy_for_translation(spanish))
    library = index.copy_for_translation(spanish)
    library.title = "Recursos"
    return publish(library)


def sign_up(
    client, query="topic=daca", email=READER, frequency="daily", path="/alerts/new/", **more
):
    """Fill in the form as a browser does: the page's hidden fields, an address, a frequency."""
    page = client.get(f"{path}?{query}")
    assert page.status_code == 200
    form = soup(page).select_one("form.alert-form")
    data = {}
    for field in form.select("input[type=hidden]"):
        data.setdefault(field["name"], []).append(field["value"])
    return client.post(form["action"], {**data, "email": email, "frequency": frequency, **more})


def heading(response):
    return soup(response).select_one("h1").get_text(strip=True)


def text(response):
    return soup(response).select_one("main").get_text(" ", strip=True)


def links_in(message, subtype):
    return {
        kind: url for kind, url in ((m[1], m[0]) for m in LINK.finditer(text_of(message, subtype)))
    }


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_signing_up_sends_one_confirmation_and_nothing_else_until_confirmed(
    client, daca, smtp_server
):
    form_page = client.get("/alerts/new/?topic=daca")
    assert heading(form_page) == "Get email alerts for this view"
    assert "Resources: DACA" in text(form_page)
    assert '<meta name="robots" content="noindex">' in form_page.content.decode()

    response = sign_up(client)

    assert response.status_code == 200
    assert heading(response) == "Check your email"
    [message] = smtp_server.messages
    assert message.recipients == [READER]
    assert message["Subject"] == "Confirm your email alert: Resources: DACA"
    for subtype in ("plain", "html"):
        assert "Resources: DACA" in text_of(message, subtype)
        assert set(links_in(message, subtype)) == {"confirm", "unsubscribe"}
    confirm = links_in(message, "plain")["confirm"]
    assert confirm.startswith("http://localhost/alerts/confirm/")
    assert links_in(message, "html")["confirm"] == confirm
    # A long header is folded onto its next line: mail clients unfold it.
    assert message["List-Unsubscribe"].strip() == f"<{links_in(message, 'plain')['unsubscribe']}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    alert = Alert.objects.get()
    assert (alert.email, alert.query, alert.language) == (READER, "topic=daca", "en")
    assert alert.frequency == Alert.Frequency.DAILY
    assert alert.confirmed_at is None

    confirmed = client.get(path_of(confirm))

    assert confirmed.status_code == 200
    assert heading(confirmed) == "Your alert is confirmed"
    assert "Resources: DACA" in text(confirmed)
    manage = soup(confirmed).find("a", string="manage your alerts")["href"]
    assert client.get(path_of(manage)).status_code == 200
    alert.refresh_from_db()
    assert alert.confirmed_at is not None
    # Only what is published from now on is sent.
    assert alert.last_sent_at == alert.confirmed_at
    assert len(smtp_server.messages) == 1


def test_the_form_keeps_the_filters_as_given_and_stores_the_canonical_view(
    client, daca, smtp_server
):
    query = "topic=daca&type=faqs-explainers&type=faqs-explainers&sort=oldest&page=2&utm_source=x"
    page = client.get(f"/alerts/new/?{query}")
    hidden = [
        (field["name"], field["value"])
        for field in soup(page).select("form.alert-form input[type=hidden]")
        if field["name"] != "csrfmiddlewaretoken"
    ]
    assert hidden == [
        ("topic", "daca"),
        ("type", "faqs-explainers"),
        ("type", "faqs-explainers"),
        ("sort", "oldest"),
        ("page", "2"),
    ]
    assert "Resources: FAQs & Explainers, DACA" in text(page)

    sign_up(client, query)
    # The same view spelled another way is the same alert.
    sign_up(client, "type=faqs-explainers&topic=daca")

    assert Alert.objects.get().query == "type=faqs-explainers&topic=daca"


def test_asking_again_within_the_hour_sends_no_second_email(client, daca, smtp_server):
    first = sign_up(client)
    again = sign_up(client, frequency="weekly")

    assert again.status_code == 200
    assert text(again) == text(first)
    assert len(smtp_server.messages) == 1
    assert Alert.objects.get().frequency == Alert.Frequency.WEEKLY

    an_hour_ago = timezone.now() - datetime.timedelta(minutes=61)
    Alert.objects.update(confirmation_sent_at=an_hour_ago)
    sign_up(client)

    assert len(smtp_server.to(READER)) == 2


def test_a_failed_email_is_said_and_can_be_asked_for_again(client, daca, smtp_server):
    smtp_server.accept_only = 0  # "451 Try again later"
    response = sign_up(client)

    assert response.status_code == 503
    assert heading(response) == "We could not send the email"

    smtp_server.accept_only = None
    assert sign_up(client).status_code == 200
    assert len(smtp_server.to(READER)) == 1


def test_a_filled_honeypot_gets_the_same_page_and_nothing_is_stored_or_sent(
    client, daca, smtp_server
):
    form_page = client.get("/alerts/new/?topic=daca")
    trap = soup(form_page).select_one(".trap")
    assert trap["aria-hidden"] == "true"
    assert trap.select_one("input")["tabindex"] == "-1"
    assert trap.select_one("label").get_text(strip=True) == "Leave this field empty"

    response = sign_up(client, website="http://spam.example")

    assert response.status_code == 200
    assert heading(response) == "Check your email"
    assert not Alert.objects.exists()
    assert smtp_server.messages == []


def test_sign_ups_are_limited_per_address(client, daca, settings, smtp_server):
    settings.ALERT_SIGNUP_LIMIT_PER_ADDRESS = 2
    sign_up(client, "topic=daca")
    sign_up(client, "type=faqs-explainers")

    response = sign_up(client, "")

    assert response.status_code == 429
    assert heading(response) == "Too many sign-ups"
    assert "Please try again in" in text(response)
    assert int(response["Retry-After"]) > 0
    assert Alert.objects.count() == 2
    # Another address from the same client is not held back.
    assert sign_up(client, "", email="other@example.org").status_code == 200


def test_sign_ups_are_limited_per_client(daca, settings, smtp_server):
    settings.ALERT_SIGNUP_LIMIT_PER_CLIENT = 2
    here, elsewhere = Client(REMOTE_ADDR="203.0.113.5"), Client(REMOTE_ADDR="198.51.100.7")
    sign_up(here, email="one@example.org")
    sign_up(here, email="two@example.org")

    response = sign_up(here, email="three@example.org")

    assert response.status_code == 429
    assert "too many sign-ups" in text(response).lower()
    assert sign_up(elsewhere, email="three@example.org").status_code == 200
    assert len(smtp_server.messages) == 3


def test_invalid_filters_get_the_form_page_with_the_error(client, daca, smtp_server):
    response = client.get("/alerts/new/?type=nope&date_from=2023-13")

    assert response.status_code == 400
    assert heading(response) == "Get email alerts for this view"
    summary = soup(response).select_one(".error-summary").get_text(" ", strip=True)
    assert "There is no type “nope”" in summary
    assert "2023-13 is not a real date" in summary
    assert soup(response).select_one("form.alert-form") is None

    posted = client.post("/alerts/new/", {"type": "nope", "email": READER, "frequency": "daily"})
    assert posted.status_code == 400
    assert not Alert.objects.exists()
    assert smtp_server.messages == []


def test_a_view_too_long_to_keep_is_an_error(client, daca, smtp_server):
    words = " ".join(["immigration"] * 16)
    topics = [TopicFactory(name=f"A topic with a long name {n}") for n in range(30)]
    query = "&".join([f"q={words}", *(f"topic={topic.slug}" for topic in topics)])

    response = client.get(f"/alerts/new/?{query}")

    assert response.status_code == 400
    assert "An alert can follow fewer filters: remove some." in text(response)


def test_a_wrong_address_is_said_next_to_the_field(client, daca, smtp_server):
    response = sign_up(client, email="not an address")

    assert response.status_code == 400
    assert (
        soup(response).select_one("#id_email_errors").get_text(" ", strip=True)
        == "Error: Enter an email address like name@example.org."
    )
    assert not Alert.objects.exists()


class OldSigner(signing.TimestampSigner):
    """Signs as if four hundred days ago."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 400 * 24 * 60 * 60)


@pytest.mark.parametrize("kind", ["confirm", "manage", "unsubscribe"])
def test_forged_and_expired_links_get_a_clear_400_page(client, daca, kind):
    alert = Alert.objects.create(email=READER, query="", language="en", frequency="daily")
    salt, value = (
        (links.CONFIRM_SALT, alert.pk) if kind == "confirm" else (links.ADDRESS_SALT, READER)
    )
    genuine = signing.dumps(value, salt=salt)
    forged = genuine[:-3] + ("aaa" if not genuine.endswith("aaa") else "bbb")
    expired = OldSigner(salt=salt).sign_object(value)
    other_salt = signing.dumps(value, salt="somewhere else")

    for token, words in [
        (forged, "This link is not valid"),
        (other_salt, "This link is not valid"),
        (expired, "This link has expired"),
    ]:
        response = client.get(f"/alerts/{kind}/{token}/")
        assert response.status_code == 400
        assert heading(response) == words
        assert (
            soup(response).find("a", string="Go to the resource library")["href"] == "/resources/"
        )
    # Nothing was confirmed or deleted, even by a one-click POST with a forged link.
    assert client.post(f"/alerts/unsubscribe/{forged}/").status_code == 400
    assert Alert.objects.get().confirmed_at is None


def test_the_manage_page_lists_the_addresss_alerts_and_removes_one(client, daca, smtp_server):
    confirmed = Alert.objects.create(
        email=READER,
        query="topic=daca",
        language="en",
        frequency="weekly",
        confirmed_at=timezone.now(),
    )
    pending = Alert.objects.create(
        email=READER, query="type=faqs-explainers", language="en", frequency="published"
    )
    someone_elses = Alert.objects.create(
        email="other@example.org", query="", language="en", frequency="daily"
    )
    path = path_of(links.manage_url(READER, "en"))

    page = client.get(path)

    items = soup(page).select(".alert-list > li")
    assert [item.select_one("h2").get_text(strip=True) for item in items] == [
        "Resources: DACA",
        "Resources: FAQs & Explainers",
    ]
    assert items[0].select_one("h2 a")["href"] == "http://localhost/resources/?topic=daca"
    assert "Weekly. Confirmed." in items[0].get_text(" ", strip=True)
    assert "As published. Not confirmed yet" in items[1].get_text(" ", strip=True)
    assert "other@example.org" not in page.content.decode()

    removed = client.post(path, {"alert": pending.pk})
    # Another address's alert is not this page's to remove.
    client.post(path, {"alert": someone_elses.pk})
    client.post(path, {"alert": "not a number"})

    assert "Removed: Resources: FAQs & Explainers" in text(removed)
    assert set(Alert.objects.all()) == {confirmed, someone_elses}


def test_one_click_unsubscribe_deletes_the_address_with_its_alerts(index, daca, smtp_server):
    client = Client(enforce_csrf_checks=True)
    sign_up(client)
    [message] = smtp_server.messages
    alert = Alert.objects.get()
    item = PublicationPageFactory(parent=index, topics=[daca])
    AlertDelivery.objects.create(alert=alert, item=item, sent_at=timezone.now())
    Alert.objects.create(email="other@example.org", query="", language="en", frequency="daily")
    unsubscribe = path_of(message["List-Unsubscribe"].strip(" <>"))

    page = client.get(unsubscribe)
    assert heading(page) == "Unsubscribe from email alerts"
    assert len(soup(page).select("main form button")) == 1
    assert Alert.objects.filter(email=READER).exists()

    response = client.post(
        unsubscribe,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert heading(response) == "You are unsubscribed"
    assert not Alert.objects.filter(email=READER).exists()
    assert not AlertDelivery.objects.exists()
    assert Alert.objects.filter(email="other@example.org").exists()


def test_signing_up_from_the_spanish_library_gives_a_spanish_email(
    client, spanish_library, daca, smtp_server
):
    page = client.get("/es/alerts/new/?topic=daca")
    assert '<html lang="es">' in page.content.decode()
    assert "Recursos: Acción Diferida" in text(page)
    sign_up(client, path="/es/alerts/new/")

    [message] = smtp_server.messages
    assert message["Content-Language"] == "es"
    assert "Recursos: Acción Diferida" in message["Subject"]
    assert '<html lang="es">' in text_of(message, "html")
    confirm = links_in(message, "plain")["confirm"]
    assert confirm.startswith("http://localhost/es/alerts/confirm/")
    assert (
        message["List-Unsubscribe"].strip().startswith("<http://localhost/es/alerts/unsubscribe/")
    )
    assert Alert.objects.get().language == "es"

    confirmed = client.get(path_of(confirm))
    assert confirmed.status_code == 200
    assert confirmed["Content-Language"] == "es"
    assert (
        soup(confirmed).select_one("main a")["href"] == "http://localhost/es/resources/?topic=daca"
    )


def test_the_library_and_topic_pages_link_to_alerts_for_their_view(client, home, index, daca):
    library = client.get("/resources/?type=faqs-explainers&topic=daca&sort=oldest&page=1")
    [link] = soup(library).select(".alert-link a")
    assert link.get_text(strip=True) == "Get email alerts for this view"
    assert link["href"] == "/alerts/new/?type=faqs-explainers&topic=daca"

    topic_page = TopicPageFactory(parent=home, topic=daca)
    [link] = soup(client.get(topic_page.url)).select(".alert-link a")
    assert link["href"] == "/alerts/new/?topic=daca"


def test_alert_pages_are_never_cached(client, spanish_library, daca, settings, smtp_server):
    settings.PAGE_CACHE_SECONDS = 60
    alert = Alert.objects.create(email=READER, query="", language="en", frequency="daily")
    for path in [
        "/alerts/new/?topic=daca",
        "/es/alerts/new/?topic=daca",
        path_of(links.confirm_url(alert)),
        path_of(links.manage_url(READER, "en")),
        path_of(links.unsubscribe_url(READER, "en")),
    ]:
        for _ in range(2):
            response = client.get(path)
            assert "X-Page-Cache" not in response, path
            assert "no-store" in response["Cache-Control"], path


@pytest.mark.parametrize(
    "path",
    [
        f"/alerts/new/?q={quote(PAYLOAD)}&topic={quote(PAYLOAD)}&page={quote(PAYLOAD)}",
        f"/alerts/new/?q={quote(PAYLOAD)}",
        f"/alerts/confirm/{quote(PAYLOAD, safe='')}/",
        f"/alerts/manage/{quote(PAYLOAD, safe='')}/",
        f"/alerts/unsubscribe/{quote(PAYLOAD, safe='')}/",
    ],
)
def test_hostile_input_is_answered_and_never_reflected_raw(client, daca, path, smtp_server):
    response = client.get(path)
    posted = client.post(path, {"q": PAYLOAD, "email": PAYLOAD, "frequency": PAYLOAD})

    for answer in (response, posted):
        assert answer.status_code < 500
        html = answer.content.decode()
        assert not any(marker in html for marker in RAW_MARKERS)
    assert smtp_server.messages == []


# The whole journey, with what is sent (publications/alerts/sending.py).


def test_the_whole_journey_from_sign_up_to_unsubscribe(
    client, index, daca, smtp_server, run_worker
):
    def send_alerts():
        # What the scheduler does each minute, as if a few minutes had passed.
        enqueue_due(timezone.now() + datetime.timedelta(minutes=5))
        run_worker("alerts")

    sign_up(client, "topic=daca", frequency="published")
    [confirmation] = smtp_server.messages
    client.get(path_of(links_in(confirmation, "plain")["confirm"]))
    smtp_server.clear()

    item = publish(PublicationPageFactory(parent=index, topics=[daca], live=False))
    send_alerts()

    [alert_email] = smtp_server.messages
    assert alert_email.recipients == [READER]
    assert item.title in text_of(alert_email) and item.full_url in text_of(alert_email)

    one_click = alert_email["List-Unsubscribe"].strip().strip("<>")
    csrf_checking = Client(enforce_csrf_checks=True)
    response = csrf_checking.post(
        path_of(one_click),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Alert.objects.exists()

    smtp_server.clear()
    publish(PublicationPageFactory(parent=index, topics=[daca], live=False))
    send_alerts()
    assert smtp_server.messages == []


def test_a_sign_up_changes_a_confirmed_alerts_frequency_only_once_confirmed(
    client, daca, smtp_server
):
    Alert.objects.create(
        email=READER,
        query="topic=daca",
        language="en",
        frequency="daily",
        confirmed_at=timezone.now(),
        last_sent_at=timezone.now(),
    )
    sign_up(client, "topic=daca", frequency="weekly")
    assert Alert.objects.get().frequency == "daily"

    [confirmation] = smtp_server.messages
    assert "Weekly" in text_of(confirmation)
    client.get(path_of(links_in(confirmation, "plain")["confirm"]))
    assert Alert.objects.get().frequency == "weekly"
