"""The machine's Redis, for tests that need a cache every process shares."""

import os

from ilrc_site.settings.base import redis_cache


def redis_test_cache():
    """A database of its own on the machine's Redis for each test worker (pytest-xdist
    runs two at once), so that one worker emptying it never empties another's. Two test
    runs at once on one machine set REDIS_TEST_DB_BASE apart (15, 13, 11...)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    base = int(os.environ.get("REDIS_TEST_DB_BASE", "15"))
    return redis_cache(f"redis://127.0.0.1:6379/{base - int(worker or 0) % 8}")
