"""/healthz for load balancers, and the 503 page when the database is away."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock

from django.db import OperationalError, connection
from django.test import Client
from wagtail.models import Site

from tests.demo import DemoSiteTestCase

ROOT = Path(__file__).resolve().parents[2]


class HealthCheckTests(DemoSiteTestCase):
    def test_healthz_answers_ok_while_the_database_answers_and_is_never_cached(self):
        response = self.client.get("/healthz")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"ok\n")
        self.assertIn("no-store", response["Cache-Control"])

    def test_healthz_answers_503_when_the_database_does_not(self):
        with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
            response = self.client.get("/healthz")

        self.assertEqual(response.status_code, 503)
        self.assertIn("no-store", response["Cache-Control"])


class DatabaseOutageTests(DemoSiteTestCase):
    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def test_a_page_that_cannot_reach_the_database_gets_the_503_page(self):
        with mock.patch.object(
            Site, "find_for_request", side_effect=OperationalError("connection refused")
        ):
            response = self.client.get("/resources/")

        self.assertEqual(response.status_code, 503)
        self.assertContains(response, "back in a moment", status_code=503)
        self.assertEqual(response["Retry-After"], "30")
        self.assertEqual(response["Cache-Control"], "no-store")
        self.assertNotContains(response, "Traceback", status_code=503)
        self.assertNotContains(response, "refused", status_code=503)
        # The error page obeys the strict policy: the site's stylesheet, no inline style.
        self.assertContains(response, "/static/css/site.css", status_code=503)
        self.assertNotContains(response, "<style", status_code=503)

    def test_other_failures_get_the_500_page(self):
        with mock.patch.object(Site, "find_for_request", side_effect=RuntimeError("bug")):
            response = self.client.get("/resources/")

        self.assertEqual(response.status_code, 500)
        self.assertContains(response, "Something went wrong on our side", status_code=500)
        self.assertNotContains(response, "<style", status_code=500)


def _silent_database():
    """A port that accepts connections and never answers, like a PostgreSQL host that
    has stopped responding."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    return listener


def test_with_an_unresponsive_database_the_visitor_gets_the_503_page_within_seconds():
    listener = _silent_database()
    port = listener.getsockname()[1]
    script = (
        "import time; from django.test import Client; c = Client(raise_request_exception=False);"
        "start = time.monotonic(); r = c.get('/resources/', HTTP_HOST='ilrc.example.org');"
        "seconds = round(time.monotonic() - start, 1);"
        "print(r.status_code, seconds, b'briefly unavailable' in r.content)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="ilrc_site.settings.production",
        DATABASE_URL=f"postgres://ilrc@127.0.0.1:{port}/ilrc",
        SECRET_KEY="k3y-" + "x7Q!p2Lz" * 8,
        ALLOWED_HOSTS="ilrc.example.org",
        SECURE_SSL_REDIRECT="false",
    )
    try:
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        elapsed = time.monotonic() - started
    finally:
        listener.close()

    status, seconds, friendly = result.stdout.splitlines()[-1].split()
    assert (status, friendly) == ("503", "True"), result.stdout + result.stderr[-2000:]
    # The connect timeout (3 s) ends the wait, well before the 10 s a visitor tolerates.
    assert 2.5 <= float(seconds) < 10
    assert elapsed < 30
