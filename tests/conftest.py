import os
import shutil
import socket

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import translation

from tests.demo import load_demo
from tests.mail import smtp_server  # noqa: F401  (a fixture for every test module)
from tests.snapshots import Snapshot

# Set by .ci/run: a test that would be skipped here (PostgreSQL-only, browser) fails instead.
REQUIRE_ALL_TESTS = os.environ.get("REQUIRE_ALL_TESTS") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
MIGRATED = None


def _skip_or_fail(reason):
    if REQUIRE_ALL_TESTS:
        pytest.fail(f"{reason}, and REQUIRE_ALL_TESTS=1 forbids skipping it", pytrace=False)
    pytest.skip(reason)


def _redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and not settings.USING_POSTGRES:
        _skip_or_fail("needs PostgreSQL (set DATABASE_URL)")
    if item.get_closest_marker("redis") and not _redis_is_up():
        _skip_or_fail("needs Redis on 127.0.0.1:6379")
    if item.get_closest_marker("varnish") and not shutil.which("varnishd"):
        _skip_or_fail("needs Debian's varnish (varnishd)")
    if item.get_closest_marker("browser") and not shutil.which(CHROMIUM):
        _skip_or_fail(f"needs Debian's chromium at {CHROMIUM}")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright cannot download its own browser here: drive Debian's chromium.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage"],
    }


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # For tests with serialized_rollback, Django keeps its copy of the migrated
    # database on the connection object, which is context-local: once Playwright's
    # event loop runs (browser tests), the test thread sees another connection object
    # without it. Shared at class level, it stays in sight.
    for connection in connections.all():
        snapshot = getattr(connection, "_test_serialized_contents", None)
        if snapshot is not None:
            type(connection)._test_serialized_contents = snapshot
    # The migrated database, as every test finds it: tests with a live server, which
    # commit, put it back after each (`transactional_db`).
    global MIGRATED
    with django_db_blocker.unblock():
        MIGRATED = Snapshot.take()


@pytest.fixture(scope="session")
def migrated_database(django_db_setup):
    """A snapshot of the freshly migrated test database (tests/snapshots.py)."""
    return MIGRATED


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached pages and fragments of one test's
    database must not show in the next (rolling a test back sends no signals). And in the
    default language: the test client leaves active the language of the last page it
    fetched (/es/...)."""
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


def with_translations(module):
    """Whether a test module's demo content includes the other languages' pages: the
    English site alone is a third quicker to load, unless the module sets
    DEMO_TRANSLATIONS = True."""
    return getattr(module, "DEMO_TRANSLATIONS", False)


@pytest.fixture(scope="module")
def _demo_loaded(request, django_db_setup, django_db_blocker):
    """The demo content for a whole test module, in a transaction rolled back after the
    module's last test; each test runs in a savepoint within it, as in Django's
    TestCase.setUpTestData."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(with_translations=with_translations(request.module))
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_site(_demo_loaded, db):
    """The demo site, as `manage.py load_demo_content` builds it."""
    from ilrc_site.models import HomePage

    return HomePage.objects.in_language("en").get()


def pytest_collection_modifyitems(items):
    # The demo content stays loaded until a module's last test: a test of the same
    # module that does not ask for it would find it there.
    by_module = {}
    for item in items:
        by_module.setdefault(item.module, []).append(item)
    for module, module_items in by_module.items():
        using = ["demo_site" in getattr(item, "fixturenames", ()) for item in module_items]
        if any(using) and not all(using):
            raise pytest.UsageError(
                f"{module.__name__}: either every test uses demo_site, or none does"
            )


@pytest.fixture
def transactional_db(migrated_database, django_db_blocker):
    """pytest-django's live_server asks for this: the live server reads the database
    from another thread, so each test commits for real. Rather than emptying every
    table afterwards and putting back the migrations' rows from JSON (seconds a test),
    the migrated database's snapshot is put back (tests/snapshots.py)."""
    with django_db_blocker.unblock():
        yield
        migrated_database.restore()


@pytest.fixture
def site_url(request, live_server, migrated_database):
    """The live test server's address, serving the demo site (see `with_translations`),
    which the test may change as it likes (`transactional_db` puts back the database)."""
    from wagtail.models import Site

    load_demo(with_translations=with_translations(request.module), fresh=migrated_database)
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server.url


@pytest.fixture
def run_worker(django_capture_on_commit_callbacks, monkeypatch):
    """The task worker, as `manage.py db_worker` runs it, until no task of `queues` is
    ready; what it does once its changes are committed (deleting files) is done too.

    Between tasks the worker closes database connections that are not in autocommit
    mode, as a long-running process should; inside a test's transaction that would
    close the test's own connection (PostgreSQL), so it is left open here."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run(queues="*"):
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "db_worker",
                *("--batch", "--backend", "background", "--queue-name", queues),
                "--no-startup-delay",
            )

    return run
