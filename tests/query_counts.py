"""Counting the SQL queries a page costs, for the tests that pin them."""

from typing import NamedTuple

from django.db import connection
from django.test.utils import CaptureQueriesContext

from base.cache import changed


class QueryCounts(NamedTuple):
    # The first request after a change to content: every cached lookup made afresh.
    cold: int
    # Any later request while content is unchanged (a page rendered afresh, not served
    # whole from the page cache): the lookups come from the cache.
    warm: int


def count_queries(client, url, data=None, status=200):
    """The queries of GET `url` (with query parameters `data`), cold and warm.

    Two requests warm up first: the first creates the header and footer settings and
    image renditions (each moves the content generation on); the second caches the
    lookups.
    """
    client.get(url, data)
    client.get(url, data)
    changed()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, data)
        assert response.status_code == status
        counts.append(len(queries))
    return QueryCounts(*counts)
