import os
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# made by fixtures there are safe because nothing else shares that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)
            # The live server reads the database from another thread, so each test
            # commits for real and the tables are emptied afterwards; serialized
            # rollback puts back what migrations created (root page, locale,
            # collections, groups) before the next test.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def site_url(request, live_server):
    """The live test server's address, serving the demo site (see tests.conftest's
    demo_options)."""
    from wagtail.models import Site

    from tests.conftest import demo_options

    devnull = open(os.devnull, "w")  # noqa: SIM115
    call_command("load_demo_content", stdout=devnull, **demo_options(request.module))
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server.url
