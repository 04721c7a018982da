"""What each layer kept inside pages saves: CPU per request with the layer, and without it.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/ilrc_bench_10k
    .venv/bin/python bench/layers.py [--requests 30] [--layers card navigation]

In this process, with production settings, Redis (database 8, emptied first), Django's
test client and persistent database connections, for the pages of bench/http_bench.py:

- **page cache off** (a signed-in editor, or an address seen for the first time): every
  request renders its page, with what the layers keep from the requests before; the
  median CPU time of this process over `--requests` requests, and the mean of its
  PostgreSQL backend (the kernel counts that in ticks of 10 ms);
- **page cache on**: the work of rendering every page once after a content change, as
  the whole-page cache then does, the pages one after the other, so that what one page
  keeps (a card, the navigation) serves the next: the CPU of the whole round, the
  median of `--requests` rounds.

Both first with every layer on, then with each layer off in turn (its `cache_name`
answers None, so `base.cache.kept` computes it every time, as without a shared cache).
A layer pays when the pages it serves cost clearly less with it.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_bench import PAGES, PRODUCTION_ENV, cpu_seconds  # noqa: E402

os.environ.update(
    PRODUCTION_ENV,
    ALLOWED_HOSTS="127.0.0.1",
    PAGE_CACHE_SECONDS="0",
    REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
)

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from base import cache as content_cache  # noqa: E402

# Each kind of entry that base.cache.kept or kept_each names (the first part of the name).
LAYERS = [
    "site",
    "route",
    "listings",
    "restricted-sections",
    "library-url",
    "filter-choices",
    "library-counts",
    "fragment",
    "card",
    "feed-item",
    "search-ranking",
    "search-result",
    "search-count",
    "navigation",
    "footer",
]


def without(layers):
    """base.cache.cache_name, answering None for the entries of `layers`."""
    real = content_cache.cache_name

    def cache_name(request, *parts):
        if parts and str(parts[0]).split(":")[0] in layers:
            return None
        return real(request, *parts)

    return cache_name


def backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


class Setups:
    """The layers' set-ups, each a `cache_name`, measured in turns: one request (or round)
    of each before the next of any, so that a slower spell of the machine weighs on
    every set-up alike."""

    def __init__(self, layers):
        real = content_cache.cache_name
        self.names = {
            "every layer": real,
            **{f"without {layer}": without({layer}) for layer in layers},
        }

    def run(self, requests, once):
        """{set-up: (median app ms, mean PostgreSQL ms)} of `once()` under each set-up."""
        backend = backend_pid()
        app = {setup: [] for setup in self.names}
        db = dict.fromkeys(self.names, 0.0)
        real = content_cache.cache_name
        try:
            for _ in range(requests):
                for setup, cache_name in self.names.items():
                    content_cache.cache_name = cache_name
                    db_started = cpu_seconds(backend)
                    started = time.process_time()
                    once()
                    app[setup].append(time.process_time() - started)
                    db[setup] += cpu_seconds(backend) - db_started
        finally:
            content_cache.cache_name = real
        return {
            setup: (statistics.median(app[setup]) * 1000, db[setup] * 1000 / requests)
            for setup in self.names
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--layers", nargs="*", choices=LAYERS, default=LAYERS)
    args = parser.parse_args()

    cache.clear()
    client = Client(HTTP_HOST="127.0.0.1")
    setups = Setups(args.layers)
    rows = {}
    for name, path in PAGES.items():

        def get(path=path):
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)

        for _ in range(2):
            get()
        rows[name] = setups.run(args.requests, get)

    def round_after_a_change():
        content_cache.changed()
        for path in PAGES.values():
            client.get(path)

    rows["round after a change"] = setups.run(args.requests, round_after_a_change)

    columns = list(setups.names)
    print(f"{os.environ['DATABASE_URL'].rsplit('/', 1)[1]}: {args.requests} requests each")
    print("app + PostgreSQL CPU per request (ms), page cache off; the round: all pages once\n")
    print("| page | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for page, results in rows.items():
        cells = [f"{app + db:.1f} ({db:.1f})" for app, db in results.values()]
        print(f"| {page} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
