"""Nobody can flood the cache: junk requests in production's set-up (Redis, the page
cache on) grow it by a bounded amount, however many of them come.

Junk here is what a crawler or an attacker sends without end: unknown query
parameters, missing addresses, searches for ever new words, invalid filters and
pages past the end. Before the cache had a budget, 900 such requests added 1,800
keys and 17 MB to Redis.
"""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django_redis import get_redis_connection

from base.cache import GENERATION_KEY
from tests.factories import PublicationPageFactory
from tests.shared_cache import redis_test_cache

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

# Small, so that the test reaches it: production's default is 2,000.
BUDGET = 40


def junk(number):
    """The number-th junk request: each one a new address."""
    return [
        f"/resources/?utm_source=mail{number}&fbclid={number}",
        f"/no-such-page-{number}/",
        f"/resources/old-guide-{number}/",
        f"/search/?q=unheardof{number}",
        f"/resources/?q=unheardof{number}&sort=newest",
        f"/resources/?type=nosuchtype{number}",
        f"/resources/?page={number + 2}",
    ][number % 7]


def redis_size(redis):
    """The keys of this test's Redis database and the memory they take (the server's own
    figure would count the other test worker's database too)."""
    keys = list(redis.scan_iter(count=1000))
    return len(keys), sum(redis.memory_usage(key) or 0 for key in keys)


@override_settings(
    CACHES={"default": redis_test_cache()},
    CONTENT_CACHE=True,
    PAGE_CACHE_SECONDS=3600,
    CONTENT_CACHE_VISITOR_ENTRIES=BUDGET,
)
def test_a_thousand_junk_requests_grow_the_cache_by_a_bounded_amount(client, index):
    PublicationPageFactory(parent=index, title="Asylum basics")
    cache.clear()
    redis = get_redis_connection("default")
    # The pages themselves, once, as any visitor would read them.
    for url in ("/", "/resources/", "/search/?q=asylum", "/feeds/latest/"):
        assert client.get(url).status_code == 200
    keys_before, memory_before = redis_size(redis)

    statuses = set()
    for number in range(500):
        statuses.add(client.get(junk(number)).status_code)
    keys_half, memory_half = redis_size(redis)
    for number in range(500, 1000):
        statuses.add(client.get(junk(number)).status_code)
    keys_after, memory_after = redis_size(redis)

    # Every junk request got a clear answer, none a server error.
    assert statuses <= {200, 400, 404}, statuses
    # The first half fills the budget for visitors' choices and the one 404 body; the
    # second half adds nothing, however many more come.
    assert keys_half - keys_before <= 3 * BUDGET
    assert keys_after == keys_half
    assert memory_after - memory_half < 64 * 1024
    # Junk with unknown parameters is served from the page of the bare address.
    response = client.get("/resources/?utm_source=newsletter")
    assert response["X-Page-Cache"] == "hit"


@override_settings(
    CACHES={"default": redis_test_cache()}, CONTENT_CACHE=True, PAGE_CACHE_SECONDS=3600
)
def test_pages_are_served_right_when_any_key_is_evicted_the_generation_included(client, index):
    PublicationPageFactory(parent=index, title="Asylum basics")
    cache.clear()
    assert "Asylum basics" in client.get("/resources/").content.decode()

    # What allkeys-lru may do at any moment: drop any key, the generation among them.
    get_redis_connection("default").flushdb()
    assert "Asylum basics" in client.get("/resources/").content.decode()
    PublicationPageFactory(parent=index, title="Parole explained").save_revision().publish()
    cache.delete(GENERATION_KEY)

    page = client.get("/resources/").content.decode()
    assert "Parole explained" in page
    assert "Asylum basics" in page
