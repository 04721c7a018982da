"""The machine's Redis, for tests that need a cache every process shares."""

import os

from ilrc_site.settings.base import redis_cache


def redis_test_cache():
    """A database of its own on the machine's Redis for each test worker (pytest-xdist
    runs two at once), so that one worker emptying it never empties another's."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    return redis_cache(f"redis://127.0.0.1:6379/{15 - int(worker or 0) % 8}")
