"""The slowest SQL query behind the library's pages, and PostgreSQL's plan for it.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/ilrc_bench_100k
    .venv/bin/python bench/explain.py [--runs 5]

Captures the queries of the first request for each listing URL after a content change
(Django's test client, CaptureQueriesContext; the facet aggregates and every lookup run
then, see base/cache.py), runs each query again `--runs` times to time
it alone, lists the slowest per URL, then prints EXPLAIN (ANALYZE, BUFFERS) of the
slowest of all.
"""

import argparse
import statistics
import time

import in_process  # noqa: F401  # sets Django up, so first

# isort: split

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from base.cache import changed

URLS = [
    "/resources/",
    "/resources/?type=faqs-explainers&type=practice-advisories&topic=daca"
    "&date_from=2005&date_to=2024",
    "/resources/?q=asylum",
]


def timed(sql, runs):
    seconds = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            started = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=3, help="queries listed per URL")
    args = parser.parse_args()

    client = Client()
    slowest = (0.0, "", "")
    for url in URLS:
        client.get(url)
        client.get(url)
        changed()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        times = sorted(
            ((timed(q["sql"], args.runs), q["sql"]) for q in captured.captured_queries),
            reverse=True,
        )
        print(f"\n{url}: {len(times)} queries, {sum(t for t, _ in times) * 1000:.1f} ms alone")
        for seconds, sql in times[: args.top]:
            print(f"  {seconds * 1000:7.1f} ms  {sql[:160]}")
        if times[0][0] > slowest[0]:
            slowest = (*times[0], url)

    seconds, sql, url = slowest
    print(f"\nSlowest: {seconds * 1000:.1f} ms, from {url}\n\n{sql}\n")
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        print("\n".join(row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
