"""Server time of the library's pages on a large library: median and p95, wall and CPU.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ilrc_bench .venv/bin/python bench/listing.py

Each URL goes through Django's whole request handling (middleware, Wagtail's routing,
the view, the templates) in this process, with no network in between, so the times
are server times. The URLs take turns, so that noise from other work on the machine
falls on all of them alike. Reported per URL:

- wall: the request's elapsed time, database round trips included;
- app CPU: CPU time of this Python process during the request (Django, templates);
- SQL: elapsed time inside database queries (PostgreSQL's work and the round trips).

Settings are `ilrc_site.settings.test` (DEBUG off, like production, but without the
static-files manifest that production reads from `collectstatic`), with database
connections kept open between requests (DATABASE_CONN_MAX_AGE=60) as in production.
"""

import argparse
import os
import statistics
import time

from in_process import SQLTimer  # sets Django up, so first

# isort: split

from django.db import connection
from django.test import Client

from publications.models import PublicationPage

URLS = {
    "library": "/resources/",
    "three filters": (
        "/resources/?type=faqs-explainers&type=practice-advisories&topic=daca"
        "&date_from=2005&date_to=2024"
    ),
    "q= search": "/resources/?q=asylum",
    "q= and filters": "/resources/?q=asylum&type=practice-advisories&date_from=2000",
    "page 200": "/resources/?page=200",
    "site search": "/search/?q=asylum",
    "feed, two filters": "/resources/feed/?topic=daca&type=faqs-explainers",
}


def measure(client, url):
    timer = SQLTimer()
    with connection.execute_wrapper(timer):
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return wall, cpu, timer.seconds, timer.queries


def p95(values):
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="per URL (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="per URL, not counted")
    args = parser.parse_args()

    client = Client()
    count = PublicationPage.objects.live().count()
    load = " ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"{connection.vendor}, {count} live publications, {args.requests} requests per URL, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )
    for url in URLS.values():
        for _ in range(args.warmup):
            measure(client, url)

    samples = {name: [] for name in URLS}
    for _ in range(args.requests):
        for name, url in URLS.items():
            samples[name].append(measure(client, url))

    print()
    print("| page | queries | wall median | wall p95 | app CPU median | SQL median |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, rows in samples.items():
        wall, cpu, sql, queries = zip(*rows, strict=True)
        print(
            f"| {name} (`{URLS[name]}`) | {max(queries)} "
            f"| {statistics.median(wall) * 1000:.1f} ms | {p95(wall) * 1000:.1f} ms "
            f"| {statistics.median(cpu) * 1000:.1f} ms | {statistics.median(sql) * 1000:.1f} ms |"
        )


if __name__ == "__main__":
    main()
