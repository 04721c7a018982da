"""Email alerts as staff see them: the report's counts for editors, with no address in
sight, and an administrator's answer to a reader's request for their data."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from ilrc_site.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS
from publications.alerts.data_requests import DELETE_ACTION, EXPORT_ACTION
from publications.models import Alert, AlertDelivery
from tests.factories import PublicationPageFactory, TopicFactory, staff_user
from tests.query_counts import count_queries

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/email-alerts/"
DATA_URL = "/admin/email-alert-data/"
EXPORT_URL = "/admin/email-alert-data/export/"
DELETE_URL = "/admin/email-alert-data/delete/"
READER = "maria@reader.test"
NOW = timezone.now()


def alert(query="", email=READER, confirmed=True, **fields):
    fields = {"language": "en", "frequency": "weekly", **fields}
    return Alert.objects.create(
        email=email, query=query, confirmed_at=NOW if confirmed else None, **fields
    )


@pytest.fixture
def topics():
    TopicFactory(name="DACA")
    TopicFactory(name="U Visa")


@pytest.fixture
def alerts(topics):
    alert("topic=daca&type=faqs-explainers", email="ana@reader.test")
    alert("topic=daca&topic=u-visa", email="luis@reader.test", frequency="daily", language="es")
    alert("", email="sam@reader.test", frequency="published")
    # A topic removed since the reader signed up.
    alert("topic=temporary-protected-status", email="kim@reader.test")
    alert("topic=daca", email="jo@reader.test", confirmed=False)


def row(name, count):
    return f'<tr><th scope="row">{escape(name)}</th><td>{count}</td></tr>'


def test_editors_see_the_counts_and_no_address(client, index, alerts):
    client.force_login(staff_user(EDITORS))

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert row("Confirmed", 4) in html
    assert row("Awaiting confirmation", 1) in html
    # Two topics count for each; none counts under "All topics"; a removed one by its slug.
    for name, count in [
        ("All topics", 1),
        ("DACA", 2),
        ("U Visa", 1),
        ("temporary-protected-status", 1),
        ("All types", 3),
        ("FAQs & Explainers", 1),
        ("Stories", 0),
    ]:
        assert row(name, count) in html, name
    assert html.index(row("All topics", 1)) < html.index(row("DACA", 2))
    # The library's order of types, not the alphabet.
    assert html.index(escape("Toolkit & Reports")) < html.index(escape("FAQs & Explainers"))
    assert "<caption>Confirmed alerts by topic." in html
    assert "@reader.test" not in html
    # Not the way to the addresses either.
    assert "/admin/email-alert-data/" not in html


def test_the_report_counts_per_frequency_and_language(client, index, alerts):
    client.force_login(staff_user(EDITORS))

    html = client.get(REPORT_URL).content.decode()

    table = html[html.index("By frequency and language") :]
    header = table[: table.index("</thead>")]
    assert header.index("English") < header.index("Spanish") < header.index("All languages")
    weekly = table[table.index('<th scope="row">Weekly</th>') :].split("</tr>")[0]
    assert [cell.split("</td>")[0] for cell in weekly.split("<td>")[1:]] == ["2", "0", "2"]
    daily = table[table.index('<th scope="row">Daily</th>') :].split("</tr>")[0]
    assert [cell.split("</td>")[0] for cell in daily.split("<td>")[1:]] == ["0", "1", "1"]


def test_the_report_is_for_staff_who_work_on_pages(client, index):
    # Into the admin, but with no right to any page.
    viewer = get_user_model().objects.create_user("viewer", password="not-a-real-password")
    viewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(viewer)

    assert client.get(REPORT_URL).status_code == 302


def test_the_report_costs_the_same_queries_however_many_alerts(client, index, topics):
    client.force_login(staff_user(EDITORS))
    alert("topic=daca")

    few = count_queries(client, REPORT_URL)
    for n in range(40):
        alert(f"topic=daca&q=words{n}", email=f"reader{n}@reader.test", frequency="daily")
        alert(f"type=stories&date_from={2000 + n}", email=f"reader{n}@reader.test")
    many = count_queries(client, REPORT_URL)

    assert many == few
    # Ten for the session, the user's permissions and the admin's menu; five for the counts.
    assert few.warm == 15


@pytest.mark.parametrize("role", [EDITORS, MODERATORS, TRANSLATORS])
def test_only_administrators_answer_data_requests(client, index, alerts, role):
    client.force_login(staff_user(role))

    for response in [
        client.get(DATA_URL),
        client.post(DATA_URL, {"email": READER}),
        client.post(EXPORT_URL, {"email": "ana@reader.test"}),
        client.post(DELETE_URL, {"email": "ana@reader.test", "confirm": "yes"}),
    ]:
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert Alert.objects.count() == 5
    assert not ModelLogEntry.objects.filter(action__startswith="publications.alerts").exists()


@pytest.fixture
def administrator(client, index):
    user = staff_user(ADMINISTRATORS)
    client.force_login(user)
    return user


@pytest.fixture
def readers_alerts(index, topics):
    item = PublicationPageFactory(
        parent=index, title="DACA Renewal FAQ", date=datetime.date(2024, 5, 2)
    )
    daca = alert("topic=daca&type=faqs-explainers", email="Maria@Reader.test")
    AlertDelivery.objects.create(alert=daca, item=item, sent_at=NOW)
    alert("q=asylum", language="es", frequency="daily", confirmed=False)
    alert("topic=daca", email="someone.else@reader.test")
    return item


def test_an_administrator_looks_up_an_address(client, administrator, readers_alerts):
    assert DATA_URL in client.get(REPORT_URL).content.decode()

    response = client.post(DATA_URL, {"email": READER})

    assert response.status_code == 200
    html = response.content.decode()
    # Both alerts of the address, whatever its case at sign-up, and no one else's.
    assert escape("Type: FAQs & Explainers; Topic: DACA") in html
    assert "Words: asylum" in html
    assert "Awaiting confirmation" in html
    assert "Spanish" in html
    assert "<td>1</td>" in html  # items sent
    assert "someone.else" not in html
    assert EXPORT_URL in html and DELETE_URL in html


def test_an_unknown_or_invalid_address(client, administrator, readers_alerts):
    html = client.post(DATA_URL, {"email": "nobody@reader.test"}).content.decode()
    assert "No email alerts for this address." in html
    assert EXPORT_URL not in html

    html = client.post(DATA_URL, {"email": "not an address"}).content.decode()
    assert "Enter a valid email address." in html

    response = client.post(EXPORT_URL, {"email": "not an address"})
    assert response.status_code == 302


def test_an_administrator_exports_an_addresss_data(client, administrator, readers_alerts):
    response = client.post(EXPORT_URL, {"email": READER})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "no-cache" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["email"] == READER
    assert [a["query"] for a in data["alerts"]] == ["topic=daca&type=faqs-explainers", "q=asylum"]
    daca, asylum = data["alerts"]
    assert daca["email"] == "Maria@Reader.test"
    assert daca["frequency"] == "weekly"
    assert daca["confirmed_at"] is not None
    assert asylum["confirmed_at"] is None
    assert daca["deliveries"] == [
        {
            "title": "DACA Renewal FAQ",
            "url": readers_alerts.get_full_url(),
            "date": "2024-05-02",
            "sent_at": daca["deliveries"][0]["sent_at"],
        }
    ]
    assert asylum["deliveries"] == []

    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.user == administrator
    assert entry.label == "An address's email alerts"
    assert entry.data == {"count": 2}
    assert entry.message == "Exported an address's email alerts (2)"


def test_an_administrator_deletes_an_addresss_alerts_after_confirming(
    client, administrator, readers_alerts
):
    response = client.post(DELETE_URL, {"email": READER})

    assert response.status_code == 200
    assert "Delete the 2 email alerts of maria@reader.test" in response.content.decode()
    assert Alert.objects.count() == 3

    response = client.post(DELETE_URL, {"email": READER, "confirm": "yes"})

    assert response.status_code == 302
    assert response["Location"] == DATA_URL
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Deleted 2 email alerts and 1 record of items sent."
    ]
    assert list(Alert.objects.values_list("email", flat=True)) == ["someone.else@reader.test"]
    assert not AlertDelivery.objects.exists()
    entry = ModelLogEntry.objects.get(action=DELETE_ACTION)
    assert entry.data == {"count": 2}
    assert entry.message == "Deleted an address's email alerts (2)"


def test_deleting_asks_for_a_post(client, administrator, readers_alerts):
    assert client.get(DELETE_URL).status_code == 405
    assert client.get(EXPORT_URL).status_code == 405
    assert Alert.objects.count() == 3


def test_the_audit_log_never_names_the_address(client, index, readers_alerts):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(superuser)
    client.post(EXPORT_URL, {"email": READER})
    client.post(DELETE_URL, {"email": READER, "confirm": "yes"})

    response = client.get("/admin/reports/site-history/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Exported an address&#x27;s email alerts (2)" in html
    assert "Deleted an address&#x27;s email alerts (2)" in html
    assert "reader.test" not in html.lower()
