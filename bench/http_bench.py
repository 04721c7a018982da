"""The site over HTTP as production runs it: gunicorn, production settings, wrk as the visitors.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/ilrc_bench_10k
    .venv/bin/python bench/http_bench.py [--seconds 10 --warmup 2 --connections 2 --threads 1]

`bench/http.sh` prepares the database and static files and runs this. For each of two
set-ups, the whole-page cache on (Redis) and off, it starts gunicorn with 2 sync
workers on a free loopback port and runs wrk against each page in turn, after a
warm-up. Reported per page:

- requests per second, and the 50th and 99th percentile latency, as wrk saw them;
- CPU per request: the CPU time (user + system, from /proc/<pid>/stat) that the
  gunicorn master and workers used during the page's run, divided by the requests
  wrk completed; and the same for the PostgreSQL backends that the workers opened,
  with PostgreSQL's processes that ended during the run (parallel query workers, which
  live for one query, and connections past DATABASE_CONN_MAX_AGE), as the postmaster
  that reaps them accounts for them;
- SQL queries of one uncached request (Django's test client in this process, after
  two warm-up requests, as tests/query_counts.py counts them);
- in this process, the first request after a content change (each lookup that the
  shared cache keeps made afresh): its queries and its CPU time (the median of 30
  requests for this process, the mean for its PostgreSQL backend);
- whether the cache answered (X-Page-Cache: hit) when it is on.

Then the workers' resident memory (VmRSS now, VmHWM the peak). CPU per request is
the figure to compare between runs: on a busy machine latency includes waiting for a
CPU, CPU time does not.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {
    "home": "/",
    "library": "/resources/",
    "three filters": (
        "/resources/?type=faqs-explainers&type=practice-advisories&topic=daca"
        "&date_from=2005&date_to=2024"
    ),
    "library q=": "/resources/?q=asylum",
    "site search": "/search/?q=asylum",
    "publication": "/resources/community-explainer-the-daca-final-rule-and-what-it-means-for-you/",
    "feed": "/resources/feed/",
    # The public API: the library's first page and its three filters, as JSON.
    "api items": "/api/v1/items/",
    "api three filters": (
        "/api/v1/items/?type=faqs-explainers&type=practice-advisories&topic=daca"
        "&date_from=2005&date_to=2024"
    ),
}
HOST = "127.0.0.1"
# Plain HTTP on loopback: no redirect to HTTPS, cookies without the Secure flag.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ilrc_site.settings.production",
    "SECRET_KEY": "benchmark-only-" + "x" * 50,
    "ALLOWED_HOSTS": HOST,
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "DATABASE_CONN_MAX_AGE": "60",
    # wrk is one client asking as fast as it can: the API's rate limit would answer 429.
    "API_RATE_LIMIT": "1000000000",
}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of a process, in seconds (0 if it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # fields 14 and 15 of stat


def exited_children_seconds(pid):
    """cutime + cstime: the CPU time of `pid`'s children that have exited and been reaped."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / CLOCK_TICKS  # fields 16 and 17 of stat


def parent(pid):
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (FileNotFoundError, ProcessLookupError):
            pass
    return found


def postgres_backends(database):
    """PIDs of PostgreSQL backends connected to `database` (their title names it)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().decode(errors="replace").split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        # "postgres: 15/main: <user> <database> 127.0.0.1(port) idle"
        if words[:1] == ["postgres:"] and database in words[2:]:
            found.append(int(cmdline.parent.name))
    return found


def server_backends(database, server):
    """The backends of `database` opened since the server started: its workers' own."""
    return [pid for pid in postgres_backends(database) if pid not in server.other_backends]


def memory_kb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
        response.read()
        return response.status, response.headers.get("X-Page-Cache", "")


class Gunicorn:
    def __init__(self, env, database):
        # Connections that other programs hold to the same database do not count.
        self.other_backends = set(postgres_backends(database))
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "ilrc_site.wsgi:application",
                f"--bind={HOST}:{self.port}",
                "--workers=2",
                "--worker-class=sync",
                "--log-level=warning",
                # Other servers may run on this machine; none of them needs this one's.
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(self.base + "/healthz")
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.3)

    def pids(self):
        return [self.process.pid, *children(self.process.pid)]

    def workers(self):
        return children(self.process.pid)

    def stop(self):
        self.process.terminate()  # gunicorn's graceful shutdown
        self.process.wait(timeout=30)


def run_wrk(url, seconds, connections, threads):
    return subprocess.run(  # noqa: S603
        [
            shutil.which("wrk") or "/usr/bin/wrk",
            "--latency",
            f"--duration={seconds}s",
            f"--connections={connections}",
            f"--threads={threads}",
            "--timeout=10s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def wrk(url, seconds, connections, threads):
    out = run_wrk(url, seconds, connections, threads)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if bad:
        raise SystemExit(f"{url}: {bad[1]} error responses\n{out}")
    # wrk pads short units ("1.20s ") with trailing spaces.
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    return {
        "requests": int(re.search(r"(\d+) requests in", out)[1]),
        "rate": float(re.search(r"Requests/sec:\s+(\S+)", out)[1]),
        "p50": milliseconds(percentiles["50"]),
        "p99": milliseconds(percentiles["99"]),
    }


def milliseconds(text):
    """wrk's durations ("850.00us", "12.34ms", "1.02s") in milliseconds."""
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def measure(server, database, args, pages, cached):
    rows = {}
    for name, path in pages.items():
        url = server.base + path
        run_wrk(url, args.warmup, args.connections, args.threads)
        hit = fetch(url)[1] if cached else ""
        before_app = sum(cpu_seconds(pid) for pid in server.pids())
        before_db = {pid: cpu_seconds(pid) for pid in server_backends(database, server)}
        # PostgreSQL's parallel query workers live for one query: their CPU time is
        # counted as the postmaster's, the parent that reaps them.
        postmaster = parent(postgres_backends(database)[0])
        before_reaped = exited_children_seconds(postmaster)
        result = wrk(url, args.seconds, args.connections, args.threads)
        app = sum(cpu_seconds(pid) for pid in server.pids()) - before_app
        after_db = {pid: cpu_seconds(pid) for pid in server_backends(database, server)}
        db = sum(cpu - before_db.get(pid, 0.0) for pid, cpu in after_db.items())
        # A backend that ended during the run (a connection older than
        # DATABASE_CONN_MAX_AGE is closed after a request) is reaped with all its CPU
        # time: only what it used after `before_db` belongs to this run.
        ended = sum(cpu for pid, cpu in before_db.items() if pid not in after_db)
        db += exited_children_seconds(postmaster) - before_reaped - ended
        result["app_ms"] = app * 1000 / result["requests"]
        result["db_ms"] = db * 1000 / result["requests"]
        result["hit"] = hit
        rows[name] = result
    workers = server.workers()
    memory = {
        "rss": max(memory_kb(pid, "VmRSS") for pid in workers) / 1024,
        "hwm": max(memory_kb(pid, "VmHWM") for pid in workers) / 1024,
    }
    return rows, memory


def in_process(redis_url, pages, repeats=30):
    """Per page, with Django's test client and the shared cache that production has:
    SQL queries of the first request after a content change (every cached lookup made
    afresh) and of a later one, and the CPU of that first request (this process's, median
    of `repeats`; its PostgreSQL backend's, mean), which the HTTP runs do not see."""
    os.environ.update(PRODUCTION_ENV, PAGE_CACHE_SECONDS="0", REDIS_URL=redis_url)
    # Nothing kept for another benchmark database (Wagtail's site root paths...) may show.
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from base.cache import changed
    from publications.models import PublicationPage

    client = Client(HTTP_HOST=HOST)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    results = {}
    for name, path in pages.items():
        client.get(path)
        client.get(path)
        counts = []
        for after_change in (True, False):
            if after_change:
                changed()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
            counts.append(len(queries))
        app = []
        db_started = cpu_seconds(backend)
        for _ in range(repeats):
            changed()
            started = time.process_time()
            client.get(path)
            app.append(time.process_time() - started)
        results[name] = {
            "queries": counts,
            "app_ms": statistics.median(app) * 1000,
            # The kernel counts in ticks of 10 ms: a mean over the requests, not a median.
            "db_ms": (cpu_seconds(backend) - db_started) * 1000 / repeats,
        }
    live = PublicationPage.objects.live().count()
    # Its backend would otherwise count as one of the server's.
    connection.close()
    return results, live


def table(rows, queries, cached):
    lines = [
        "| page | requests/s | p50 | p99 | app CPU / request | PostgreSQL CPU / request "
        f"| queries (uncached) |{' cache |' if cached else ''}",
        "|---|---:|---:|---:|---:|---:|---:|" + ("---|" if cached else ""),
    ]
    for name, r in rows.items():
        lines.append(
            f"| {name} | {r['rate']:.0f} | {r['p50']:.1f} ms | {r['p99']:.1f} ms "
            f"| {r['app_ms']:.1f} ms | {r['db_ms']:.1f} ms | {queries[name]['queries'][1]} |"
            + (f" {r['hit'] or 'none'} |" if cached else "")
        )
    return "\n".join(lines)


def after_change_table(results):
    lines = [
        "| page | app CPU | PostgreSQL CPU | queries |",
        "|---|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(f"| {name} | {r['app_ms']:.1f} ms | {r['db_ms']:.1f} ms | {r['queries'][0]} |")
    return "\n".join(lines)


def load():
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk run per page (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="wrk warm-up per page, seconds")
    parser.add_argument("--connections", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/9", help="for the page cache")
    parser.add_argument("--pages", nargs="*", choices=PAGES, help="only these (default: all)")
    args = parser.parse_args()
    # Stop gunicorn on Ctrl-C and on kill alike (the finally clauses below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

    database_url = os.environ["DATABASE_URL"]
    database = database_url.rsplit("/", 1)[1]
    pages = {name: path for name, path in PAGES.items() if not args.pages or name in args.pages}
    queries, live = in_process(args.redis, pages)
    print(
        f"{database}: {live:,} live publications; wrk {args.seconds} s per page, "
        f"{args.connections} connections, {args.threads} thread; {os.cpu_count()} CPUs"
    )

    import redis

    base_env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PAGE_CACHE_SECONDS")}
    setups = [
        ("page cache on", True, {"REDIS_URL": args.redis}),
        # Every page rendered afresh; the shared cache still keeps the small lookups
        # (base/cache.py), as in production.
        ("page cache off", False, {"REDIS_URL": args.redis, "PAGE_CACHE_SECONDS": "0"}),
    ]
    for title, cached, extra in setups:
        # The cache keys name the URL, not the database: start empty.
        redis.Redis.from_url(args.redis).flushdb()
        server = Gunicorn({**base_env, **extra}, database)
        try:
            started = load()
            rows, memory = measure(server, database, args, pages, cached)
        finally:
            server.stop()
        print(f"\n### {title}: load average {started} before, {load()} after\n")
        print(table(rows, queries, cached))
        print(
            f"\nWorkers' resident memory: {memory['rss']:.0f} MB now, "
            f"{memory['hwm']:.0f} MB at most (largest of the 2 workers)."
        )
        if cached and any(r["hit"] != "hit" for r in rows.values()):
            print("Warning: some pages were not served from the cache.")
    print(
        "\n### the first request after a content change (test client, 30 requests)\n\n"
        + after_change_table(queries)
    )


if __name__ == "__main__":
    main()
