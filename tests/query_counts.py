"""Counting the SQL queries a page costs, for the tests that pin them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, data=None, status=200):
    """The queries of a warm GET of `url` (with query parameters `data`).

    Two requests warm up first: the first creates the header and footer settings
    (which moves the cache generation on) and image renditions; the second caches
    the header and footer.
    """
    client.get(url, data)
    client.get(url, data)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == status
    return len(queries)
