#!/usr/bin/env python3
"""Load and fault test of the production stack, on this machine only.

Builds a throwaway PostgreSQL cluster (its own port), a Redis of its own, and the
site under gunicorn with production settings and the demo content, then runs
three phases of mixed traffic with wrk at 32 connections:

1. steady load (--duration, 300 s by default): zero errors; throughput, p50, p99;
2. PostgreSQL stopped and started in the middle of the load: requests that need
   the database get the 503 page within 10 s, the site recovers within 5 s of
   PostgreSQL's return, and a row committed before the stop is still there;
3. Redis (the cache) stopped under load: pages keep coming from the database,
   zero errors.

Traffic goes to 127.0.0.1 only; every phase ends by itself. Everything it starts
is stopped and removed at the end, also on failure or Ctrl-C. Needs root (for
pg_createcluster), wrk, redis-server and PostgreSQL's server packages:

    sudo .venv/bin/python ops/load_and_faults.py --duration 30

Exits 0 when every check passes; prints a summary and writes it as JSON with
--report FILE.
"""

import argparse
import http.client
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
FRIENDLY_503 = b"back in a moment"
MARKER_COUNT = "SELECT count(*) FROM taggit_tag WHERE slug = :'marker'"
CONTENT_COUNTS = (
    "SELECT (SELECT count(*) FROM wagtailcore_page), (SELECT count(*) FROM wagtailcore_revision)"
)
MAX_OUTAGE_WAIT_SECONDS = 10
MAX_RECOVERY_SECONDS = 5

# What a visitor does: the library and its filters, search, publications, feeds.
# Paths that do not answer 200 on this version of the site are left out (and listed).
FIXED_PATHS = ["/", "/resources/", "/feeds/latest/", "/resources/feed/"]
SEARCH_WORDS = ["asylum", "daca", "u visa", "public charge", "census", "naturalization"]

WRK_SCRIPT = """
local paths = {%(paths)s}
math.randomseed(os.time())
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  io.write(string.format(
    'WRK_RESULT {"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, '
    .. '"write": %%d, "status": %%d, "timeout": %%d, "p50_ms": %%.2f, "p99_ms": %%.2f, '
    .. '"max_ms": %%.2f}\\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def program(name):
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} is not installed")
    return path


def run(command, **kwargs):
    # Fixed programs and arguments, never a shell.
    command = [program(command[0]), *command[1:]]
    result = subprocess.run(command, text=True, capture_output=True, **kwargs)  # noqa: S603
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return result


class Stack:
    """The throwaway PostgreSQL cluster, Redis and gunicorn, and how to stop them."""

    def __init__(self, args):
        self.args = args
        self.version = sorted(os.listdir("/etc/postgresql"))[-1]
        self.cluster = args.cluster
        self.workdir = Path(tempfile.mkdtemp(prefix="ilrc-load-"))
        self.redis = None
        self.gunicorn = None
        self.cluster_created = False
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="ilrc_site.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS=f"{HOST},localhost",
            # Plain HTTP on loopback: no TLS proxy in front here.
            SECURE_SSL_REDIRECT="false",
            SECURE_COOKIES="false",
            DATABASE_URL=f"postgres://postgres@{HOST}:{args.pg_port}/{args.database}",
            DATABASE_CONN_MAX_AGE="60",
            REDIS_URL=f"redis://{HOST}:{args.redis_port}/0",
            MEDIA_ROOT=str(self.workdir / "media"),
            STATIC_ROOT=str(self.workdir / "static"),
            LOG_LEVEL="CRITICAL",
        )

    # PostgreSQL
    def pg_ctl(self, action, *extra):
        run(
            [
                "pg_ctlcluster",
                "--skip-systemctl-redirect",
                self.version,
                self.cluster,
                action,
                *extra,
            ]
        )

    def psql(self, sql, **variables):
        """Runs one SQL statement; values come in as psql variables (:'name'), quoted by psql."""
        options = [f"--variable={name}={value}" for name, value in variables.items()]
        command = [
            "psql",
            "-h",
            HOST,
            "-p",
            str(self.args.pg_port),
            "-U",
            "postgres",
            "-d",
            self.args.database,
            "-tA",
            *options,
        ]
        return run(command, input=sql).stdout.strip()

    def start_postgres(self):
        log(f"PostgreSQL {self.version} cluster '{self.cluster}' on port {self.args.pg_port}")
        run(
            [
                "pg_createcluster",
                self.version,
                self.cluster,
                "-p",
                str(self.args.pg_port),
                "--",
                "--auth-host=trust",
                "--auth-local=trust",
            ]
        )
        self.cluster_created = True
        self.pg_ctl("start")
        run(
            [
                "psql",
                "-h",
                HOST,
                "-p",
                str(self.args.pg_port),
                "-U",
                "postgres",
                "-c",
                f"CREATE DATABASE {self.args.database}",
            ]
        )

    # Redis
    def start_redis(self):
        log(f"Redis on port {self.args.redis_port}")
        self.redis = subprocess.Popen(  # noqa: S603
            [
                program("redis-server"),
                "--bind",
                HOST,
                "--port",
                str(self.args.redis_port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(lambda: port_open(self.args.redis_port), 10, "Redis")

    def stop_redis(self):
        if self.redis and self.redis.poll() is None:
            self.redis.terminate()
            self.redis.wait(10)

    # The site
    def manage(self, *args):
        return run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=self.env).stdout

    def prepare_site(self):
        log("migrate, demo content, collectstatic")
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        self.manage("collectstatic", "--noinput")

    def start_gunicorn(self):
        log(f"gunicorn, {self.args.workers} workers, on {HOST}:{self.args.port}")
        self.gunicorn = subprocess.Popen(  # noqa: S603
            [
                str(GUNICORN),
                "ilrc_site.wsgi:application",
                "--bind",
                f"{HOST}:{self.args.port}",
                "--workers",
                str(self.args.workers),
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=open(self.workdir / "gunicorn.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for(lambda: get("/healthz")[0] == 200, 30, "gunicorn")

    def stop(self):
        if self.gunicorn and self.gunicorn.poll() is None:
            os.killpg(self.gunicorn.pid, signal.SIGTERM)
            self.gunicorn.wait(15)
        self.stop_redis()
        if self.cluster_created:
            subprocess.run(  # noqa: S603
                [program("pg_dropcluster"), "--stop", self.version, self.cluster],
                check=False,
                capture_output=True,
            )
        shutil.rmtree(self.workdir, ignore_errors=True)


def port_open(port):
    import socket

    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not come up within {seconds} s")


def get(path, timeout=15):
    """(status, body, seconds) of one GET to the site under test."""
    start = time.monotonic()
    connection = http.client.HTTPConnection(HOST, ARGS.port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.read(), time.monotonic() - start
    finally:
        connection.close()


def traffic_paths(stack):
    """The mixed traffic: fixed pages, every type and topic filter, searches and
    every publication, keeping only what answers 200 here."""
    listing = json.loads(
        stack.manage(
            "shell",
            "-v",
            "0",
            "-c",
            "import json; from publications.models import PublicationPage, ResourceType, Topic;"
            "print(json.dumps({'pages': [p.url for p in PublicationPage.objects.live()],"
            "'types': list(ResourceType.objects.values_list('slug', flat=True)),"
            "'topics': list(Topic.objects.values_list('slug', flat=True))}))",
        )
        .strip()
        .splitlines()[-1]
    )
    candidates = list(FIXED_PATHS)
    candidates += ["/resources/?" + urlencode({"type": slug}) for slug in listing["types"]]
    candidates += ["/resources/?" + urlencode({"topic": slug}) for slug in listing["topics"]]
    candidates += ["/search/?" + urlencode({"q": word}) for word in SEARCH_WORDS]
    candidates += listing["pages"]
    kept, left_out = [], []
    for path in candidates:
        (kept if get(path)[0] == 200 else left_out).append(path)
    return kept, left_out


def run_wrk(paths, seconds, stack):
    script = stack.workdir / "traffic.lua"
    script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
    result = run(
        [
            "wrk",
            "-t2",
            f"-c{ARGS.connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            f"http://{HOST}:{ARGS.port}/",
        ],
        timeout=seconds + 60,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("WRK_RESULT "))
    figures = json.loads(line.removeprefix("WRK_RESULT "))
    figures["seconds"] = figures.pop("duration_us") / 1e6
    figures["requests_per_second"] = round(figures["requests"] / figures["seconds"], 1)
    figures["errors"] = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return figures


def in_background(function, *args):
    result = {}
    thread = threading.Thread(target=lambda: result.update(value=function(*args)))
    thread.start()
    return thread, result


class Probe:
    """Asks for a page the page cache cannot answer (a new query string each time,
    so it needs the database) every quarter second, and notes every answer."""

    def __init__(self):
        self.samples = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.loop)

    def loop(self):
        number = 0
        while not self.stopping.is_set():
            number += 1
            started = time.monotonic()
            try:
                status, body, seconds = get(f"/resources/?probe={number}")
                friendly = FRIENDLY_503 in body
            except OSError as error:
                status, friendly, seconds = f"error: {error}", False, time.monotonic() - started
            self.samples.append((started, status, round(seconds, 3), friendly))
            self.stopping.wait(0.25)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join()


def phase_load(stack, paths):
    log(f"phase 1: steady load, {ARGS.duration} s")
    figures = run_wrk(paths, ARGS.duration, stack)
    figures["passed"] = figures["errors"] == 0
    return figures


def phase_database_restart(stack, paths):
    seconds = ARGS.fault_duration
    log(f"phase 2: PostgreSQL stopped for {ARGS.outage} s in the middle of {seconds} s of load")
    marker = f"durability-{secrets.token_hex(4)}"
    stack.psql("INSERT INTO taggit_tag (name, slug) VALUES (:'marker', :'marker')", marker=marker)
    counts_before = stack.psql(CONTENT_COUNTS)
    with Probe() as probe:
        load, figures = in_background(run_wrk, paths, seconds, stack)
        time.sleep(seconds / 3)
        stack.pg_ctl("stop", "-m", "fast")
        stopped_at = time.monotonic()
        log("PostgreSQL stopped")
        time.sleep(ARGS.outage)
        starting_at = time.monotonic()
        stack.pg_ctl("start")
        back_at = time.monotonic()
        log("PostgreSQL started again")
        load.join()
    figures = figures["value"]

    # While PostgreSQL is surely down (it may still answer while stopping or starting).
    during = [s for s in probe.samples if stopped_at <= s[0] < starting_at]
    after = [s for s in probe.samples if s[0] >= back_at]
    # At any time, a visitor gets the page or the friendly 503 page, nothing else.
    other_answers = [s for s in probe.samples if not (s[1] == 200 or (s[1] == 503 and s[3]))]
    first_ok = next((s[0] for s in after if s[1] == 200), None)
    errors_after_recovery = [s for s in after if first_ok and s[0] >= first_ok and s[1] != 200]
    result = {
        "wrk": figures,
        "probe_requests_during_outage": len(during),
        "outage_answers": sorted({str(s[1]) for s in during}),
        "outage_all_friendly_503": bool(during) and all(s[1] == 503 and s[3] for s in during),
        "outage_slowest_answer_s": max((s[2] for s in during), default=None),
        "probe_requests": len(probe.samples),
        "probe_answers_neither_page_nor_friendly_503": len(other_answers),
        "recovery_s": round(first_ok - back_at, 2) if first_ok else None,
        "errors_after_recovery": len(errors_after_recovery),
        "marker_row_kept": stack.psql(MARKER_COUNT, marker=marker) == "1",
        "pages_and_revisions_before_after": [counts_before, stack.psql(CONTENT_COUNTS)],
    }
    stack.psql("DELETE FROM taggit_tag WHERE slug = :'marker'", marker=marker)
    result["passed"] = (
        result["outage_all_friendly_503"]
        and not other_answers
        and result["outage_slowest_answer_s"] < MAX_OUTAGE_WAIT_SECONDS
        and result["recovery_s"] is not None
        and result["recovery_s"] <= MAX_RECOVERY_SECONDS
        and result["errors_after_recovery"] == 0
        and result["marker_row_kept"]
        and len(set(result["pages_and_revisions_before_after"])) == 1
        and figures["connect"] + figures["read"] + figures["write"] + figures["timeout"] == 0
    )
    return result


def phase_redis_stop(stack, paths):
    seconds = ARGS.fault_duration
    log(f"phase 3: Redis stopped a third of the way into {seconds} s of load")
    load, figures = in_background(run_wrk, paths, seconds, stack)
    time.sleep(seconds / 3)
    stack.stop_redis()
    log("Redis stopped")
    load.join()
    figures = figures["value"]
    status, _, _ = get("/resources/?after-redis=1")
    result = {"wrk": figures, "page_after_redis_stopped": status}
    result["passed"] = figures["errors"] == 0 and status == 200
    return result


def main():
    stack = Stack(ARGS)
    report = {"settings": vars(ARGS)}
    try:
        stack.start_postgres()
        stack.start_redis()
        stack.prepare_site()
        stack.start_gunicorn()
        paths, left_out = traffic_paths(stack)
        report["paths"] = {"count": len(paths), "left_out": left_out}
        log(f"{len(paths)} paths in the mix; left out (not 200 here): {left_out}")
        report["load"] = phase_load(stack, paths)
        log(json.dumps(report["load"]))
        report["database_restart"] = phase_database_restart(stack, paths)
        log(json.dumps(report["database_restart"]))
        report["redis_stop"] = phase_redis_stop(stack, paths)
        log(json.dumps(report["redis_stop"]))
    finally:
        stack.stop()
    passed = all(report[phase]["passed"] for phase in ("load", "database_restart", "redis_stop"))
    report["passed"] = passed
    if ARGS.report:
        Path(ARGS.report).write_text(json.dumps(report, indent=2) + "\n")
    log("PASSED" if passed else "FAILED")
    return 0 if passed else 1


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=300, help="steady load, seconds")
    parser.add_argument("--fault-duration", type=int, default=30, help="each fault phase, s")
    parser.add_argument("--outage", type=int, default=5, help="seconds PostgreSQL stays down")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8095, help="gunicorn's port")
    parser.add_argument("--pg-port", type=int, default=5439)
    parser.add_argument("--redis-port", type=int, default=6390)
    parser.add_argument("--cluster", default="ilrc_faults", help="name of the throwaway cluster")
    parser.add_argument("--database", default="ilrc_load")
    parser.add_argument("--report", help="write the figures to this JSON file")
    return parser.parse_args()


if __name__ == "__main__":
    ARGS = parse_args()
    sys.exit(main())
