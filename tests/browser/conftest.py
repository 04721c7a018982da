import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# made by fixtures there are safe because nothing else shares that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.browser)


@pytest.fixture
def site_url(live_server, transactional_db, django_db_serialized_rollback):
    """The live test server's address, serving the demo site.

    Serialized rollback restores what migrations created (Wagtail's root page and
    locale) after each browser test empties the tables.
    """
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from wagtail.models import Site

    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server.url
