"""The demo content, loaded once per test worker and put back from a snapshot after."""

import os

from django.core.management import call_command
from django.test import TestCase

from ilrc_site.models import HomePage
from tests.snapshots import Snapshot

# {with the other languages' pages: the demo database's snapshot}, in this worker.
_snapshots = {}


def load_demo(*, with_translations=False, fresh=None):
    """The demo site in the database, as `manage.py load_demo_content` builds it (with
    `--without-translations` unless asked): loaded for real the first time in this
    worker, put back from its snapshot afterwards (tests/snapshots.py). Inside a
    test's transaction, it is rolled back with it. `fresh`: a snapshot of the migrated
    database, to start a real load from (a test that commits may follow one that
    emptied the tables)."""
    snapshot = _snapshots.get(with_translations)
    if snapshot is not None:
        snapshot.restore()
        return
    if fresh is not None:
        fresh.restore()
    options = {} if with_translations else {"without_translations": True}
    with open(os.devnull, "w") as devnull:
        call_command("load_demo_content", stdout=devnull, **options)
    _snapshots[with_translations] = Snapshot.take()


class DemoSiteTestCase(TestCase):
    """Loads the demo site once per class; each test runs in a transaction rolled back after it."""

    # The English site alone, unless a class needs the other languages' too.
    with_translations = False

    @classmethod
    def setUpTestData(cls):
        load_demo(with_translations=cls.with_translations)
        cls.home = HomePage.objects.in_language("en").get()
