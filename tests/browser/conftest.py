import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# made by fixtures there are safe because nothing else shares that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)
            # The live server reads the database from another thread: commit for real.
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(scope="session")
def migrated_state(django_db_setup, django_db_blocker):
    """What migrations put in the test database (root page, locale, collections, groups).

    A transactional test empties every table afterwards. Django's serialized_rollback
    would restore it, but it keeps the snapshot on a context-local connection that
    Playwright's event loop hides, so the snapshot is kept here instead.
    """
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def site_url(live_server, migrated_state):
    """The live test server's address, serving the demo site."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Site

    if not Page.objects.exists():
        # The last flush re-ran post_migrate (content types, permissions): clear those too.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(migrated_state)
        ContentType.objects.clear_cache()
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server.url
