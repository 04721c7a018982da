"""The word searches' SQL, query by query: planning and execution time, with and without
parallel workers.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/ilrc_bench_10k
    .venv/bin/python bench/search_sql.py [--runs 5] [--plan] asylum removal deportation

For each word, captures the queries of an uncached request (facet counts included) to
the library (`/resources/?q=`) and to site search (`/search/?q=`) that read the search
index, then runs `EXPLAIN (ANALYZE, BUFFERS)` of each `--runs` times with the server's
parallel workers (`max_parallel_workers_per_gather` 2, PostgreSQL's default) and
without (0: the cost in one process), the two taking turns, after one untimed run.
Prints the medians; `--plan` also prints the plan of the slowest query with workers.
"""

import argparse
import json
import statistics

import in_process  # noqa: F401  # sets Django up, so first

# isort: split

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

PAGES = {
    "library": ("/resources/", ["type-year facet", "topic facet", "page of results"]),
    "site": ("/search/", ["count", "page of results"]),
}
MODES = {"workers": 2, "serial": 0}


def search_queries(client, words):
    """[(word, page, query name, SQL)] of uncached requests for each word."""
    queries = []
    for word in words:
        for page, (path, names) in PAGES.items():
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path, {"q": word}).status_code == 200
            sqls = [q["sql"] for q in captured.captured_queries]
            sqls = [sql for sql in sqls if "wagtailsearch_indexentry" in sql]
            assert len(sqls) == len(names), (word, page, len(sqls))
            queries += [(word, page, name, sql) for name, sql in zip(names, sqls, strict=True)]
    return queries


def explain(cursor, sql):
    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}")
    plan = cursor.fetchone()[0]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plan", action="store_true")
    args = parser.parse_args()

    queries = search_queries(Client(), args.words)
    times = {}  # (query number, mode) -> ([planning ms], [execution ms])
    with connection.cursor() as cursor:
        for _, _, _, sql in queries:
            explain(cursor, sql)
        for _ in range(args.runs):
            for mode, workers in MODES.items():
                cursor.execute(f"SET max_parallel_workers_per_gather = {workers}")
                for n, (_, _, _, sql) in enumerate(queries):
                    result = explain(cursor, sql)
                    planning, execution = times.setdefault((n, mode), ([], []))
                    planning.append(result["Planning Time"])
                    execution.append(result["Execution Time"])
        cursor.execute("RESET max_parallel_workers_per_gather")

    median = statistics.median
    print(f"{'word':12} {'page':8} {'query':16} {'planning':>9} {'workers':>9} {'serial':>9}")
    for n, (word, page, name, _) in enumerate(queries):
        planning = median(times[(n, "workers")][0] + times[(n, "serial")][0])
        workers, serial = (median(times[(n, mode)][1]) for mode in MODES)
        print(f"{word:12} {page:8} {name:16} {planning:7.2f}ms {workers:7.2f}ms {serial:7.2f}ms")

    if args.plan:
        n = max(range(len(queries)), key=lambda n: median(times[(n, "workers")][1]))
        word, page, name, sql = queries[n]
        print(f"\nSlowest with workers: {page} {name} for {word!r}\n\n{sql}\n")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            print("\n".join(row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
