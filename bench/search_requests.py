"""Word searches through Django's test client: database time and wall time per request.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/ilrc_bench_10k
    .venv/bin/python bench/search_requests.py [--runs 9] [--serial] asylum deportation

For each word, the library (`/resources/?q=`) and site search (`/search/?q=`), warm:
after three untimed requests, so the facet counts come from the cache, as for every
request but the first after a content change. Prints the medians of the time spent in
SQL (measured around each query, fetching included) and of the whole request.
`--serial` sets `max_parallel_workers_per_gather` to 0 on the connection first.
"""

import argparse
import statistics
import time

from in_process import SQLTimer  # sets Django up, so first

# isort: split

from django.db import connection
from django.test import Client


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", nargs="+")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--serial", action="store_true")
    args = parser.parse_args()

    client = Client()
    with connection.cursor() as cursor:
        cursor.execute(f"SET max_parallel_workers_per_gather = {0 if args.serial else 2}")
    urls = [f"{path}?q={word}" for word in args.words for path in ("/resources/", "/search/")]
    for url in urls:
        for _ in range(3):
            client.get(url)
    sql, wall, queries = {url: [] for url in urls}, {url: [] for url in urls}, {}
    for _ in range(args.runs):
        for url in urls:  # taking turns, so that noise falls on all of them alike
            timer = SQLTimer()
            with connection.execute_wrapper(timer):
                started = time.perf_counter()
                response = client.get(url)
                wall[url].append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
            sql[url].append(timer.seconds)
            queries[url] = timer.queries

    print(f"{'request':32} {'queries':>7} {'SQL':>9} {'wall':>9}")
    for url in urls:
        median_sql, median_wall = (statistics.median(t) * 1000 for t in (sql[url], wall[url]))
        print(f"{url:32} {queries[url]:7} {median_sql:7.1f}ms {median_wall:7.1f}ms")


if __name__ == "__main__":
    main()
