"""Where one page's server time goes: cProfile over repeated uncached requests.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/ilrc_bench_10k
    .venv/bin/python bench/profile_page.py /resources/ [--requests 50] [--top 25]

Production settings (collect static files first, as bench/http.sh does) with the page
cache off (Redis keeps the lookups every page repeats), Django's test client, persistent
database connections; two warm-up requests are not profiled. Prints the functions with
the most cumulative CPU time.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.update(
    DJANGO_SETTINGS_MODULE="ilrc_site.settings.production",
    SECRET_KEY="benchmark-only-" + "x" * 50,
    ALLOWED_HOSTS="127.0.0.1",
    SECURE_SSL_REDIRECT="false",
    DATABASE_CONN_MAX_AGE="60",
    PAGE_CACHE_SECONDS="0",
    # The shared cache keeps the lookups every page repeats, as in production.
    REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
)

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="for example /resources/?q=asylum")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(2):
        client.get(args.path)
    # CPU time, not elapsed: waiting for PostgreSQL or for a busy CPU is not counted.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(args.requests):
        response = client.get(args.path)
    profiler.disable()
    if response.status_code != 200:
        raise SystemExit(f"{args.path} answered {response.status_code}")

    stats = pstats.Stats(profiler).strip_dirs()
    print(f"{args.path}: {args.requests} requests; CPU times below are totals over all of them")
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
