"""Scheduled publishing and expiry, run by `manage.py publish_scheduled` (cron or the
docker-compose scheduler service)."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def run_scheduler_at(moment):
    """Run the job as cron would, at `moment`."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", stdout=StringIO())


def test_a_page_goes_live_when_its_go_live_time_has_passed(client, index):
    page = PublicationPageFactory(parent=index, title="Embargoed Report on Detention", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    page.save_revision().publish()

    run_scheduler_at(timezone.now() + datetime.timedelta(hours=1))
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url).status_code == 404

    run_scheduler_at(timezone.now() + datetime.timedelta(hours=3))
    page.refresh_from_db()
    assert page.live
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Embargoed Report on Detention" in response.content.decode()
    assert "Embargoed Report on Detention" in client.get("/resources/").content.decode()


def test_a_page_goes_offline_when_it_expires(client, index):
    page = PublicationPageFactory(parent=index, title="Temporary Protected Status Alert")
    page.expire_at = timezone.now() + datetime.timedelta(hours=2)
    page.save_revision().publish()
    assert client.get(page.url).status_code == 200

    run_scheduler_at(timezone.now() + datetime.timedelta(hours=3))

    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert client.get(page.url).status_code == 404
    assert "Temporary Protected Status Alert" not in client.get("/resources/").content.decode()


def test_scheduled_changes_to_a_live_page_appear_on_time(client, index):
    page = PublicationPageFactory(parent=index, title="Fee Schedule for 2024")
    page.save_revision().publish()
    page.refresh_from_db()  # as the editor's next visit to the admin would
    page.title = "Fee Schedule for 2025"
    page.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    page.save_revision().publish()
    assert "Fee Schedule for 2024" in client.get(page.url).content.decode()

    run_scheduler_at(timezone.now() + datetime.timedelta(hours=3))

    assert "Fee Schedule for 2025" in client.get(page.url).content.decode()
