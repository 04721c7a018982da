#!/usr/bin/env python3
"""A wapiti scan of the site running as in production, on this machine only.

Serves the demo site with production settings under gunicorn over HTTPS (a
self-signed certificate made for the run, so HSTS, secure cookies and the HTTPS
redirect are all as deployed), points wapiti at it, and counts the findings by
severity. Exits 1 if anything is of medium severity or above.

    .venv/bin/python ops/security_scan.py --database-url postgres://postgres@127.0.0.1:5432/ilrc_scan

The demo content is loaded into the database named (which must exist); by default a SQLite file in a
temporary folder is used. Needs wapiti (Debian: apt-get install wapiti) and openssl.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
MODULES = (
    "http_headers,csp,cookieflags,xss,permanentxss,sql,blindsql,exec,file,crlf,redirect,methods"
)
STATUS = re.compile(r'" (\d{3}) (?:\d+|-) "')
LEVELS = {0: "info", 1: "low", 2: "medium", 3: "high", 4: "critical"}


def program(name):
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is not installed")
    return path


def run(command, **kwargs):
    # Fixed programs and arguments, never a shell.
    result = subprocess.run(command, text=True, capture_output=True, **kwargs)  # noqa: S603
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def wait_until_listening(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not listen on port {port} within {seconds} s")


def findings(report):
    """(section, category, level) of every finding in wapiti's JSON report."""
    for section in ("vulnerabilities", "anomalies", "additionals"):
        for category, items in report.get(section, {}).items():
            for item in items:
                yield section, category, int(item["level"]), item


def main(args):
    workdir = Path(tempfile.mkdtemp(prefix="ilrc-scan-"))
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="ilrc_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=args.database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        # gunicorn terminates TLS itself here: no proxy adds X-Forwarded-For.
        TRUSTED_PROXY_COUNT="0",
        LOG_LEVEL="CRITICAL",
    )
    gunicorn = None
    try:
        print("preparing the site (migrate, demo content, collectstatic)", flush=True)
        for command in (
            ["migrate", "--noinput"],
            ["load_demo_content"],
            ["collectstatic", "--noinput"],
        ):
            run([BIN / "python", "manage.py", *command], cwd=ROOT, env=env)
        run(
            [
                program("openssl"),
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                f"/CN={HOST}",
                "-keyout",
                workdir / "key.pem",
                "-out",
                workdir / "cert.pem",
            ]
        )
        gunicorn = subprocess.Popen(  # noqa: S603
            [
                BIN / "gunicorn",
                "ilrc_site.wsgi:application",
                "--bind",
                f"{HOST}:{args.port}",
                "--workers",
                "3",
                "--certfile",
                workdir / "cert.pem",
                "--keyfile",
                workdir / "key.pem",
                "--access-logfile",
                workdir / "access.log",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        url = f"https://{HOST}:{args.port}/"
        wait_until_listening(args.port)
        print(f"scanning {url} with wapiti ({MODULES})", flush=True)
        report_path = workdir / "wapiti.json"
        started = time.monotonic()
        run(
            [
                program("wapiti"),
                "-u",
                url,
                "--scope",
                "folder",
                "-m",
                MODULES,
                "--flush-session",
                "--max-scan-time",
                str(args.max_seconds),
                "--verify-ssl",
                "0",
                "-f",
                "json",
                "-o",
                report_path,
            ]
        )
        report = json.loads(report_path.read_text())
        # gunicorn's access log: ... "GET /path HTTP/1.1" 200 1234 "referer" "agent"
        log_lines = (workdir / "access.log").read_text().splitlines()
        statuses = Counter(match.group(1) for line in log_lines if (match := STATUS.search(line)))
        if args.report:
            shutil.copy(report_path, args.report)
    finally:
        if gunicorn and gunicorn.poll() is None:
            os.killpg(gunicorn.pid, signal.SIGTERM)
            gunicorn.wait(15)
        shutil.rmtree(workdir, ignore_errors=True)

    counts = Counter((section, LEVELS[level]) for section, _, level, _ in findings(report))
    print(f"scan took {time.monotonic() - started:.0f} s, {sum(statuses.values())} requests")
    print("  answers by status:", dict(sorted(statuses.items())))
    print("findings by severity:")
    for (section, level), count in sorted(counts.items()):
        print(f"  {section:16} {level:9} {count}")
    serious = [
        (section, category, item.get("info", "")[:160])
        for section, category, level, item in findings(report)
        if level >= 2 and section != "additionals"
    ]
    for finding in serious:
        print("  MEDIUM OR ABOVE:", *finding)
    for _, category, level, item in findings(report):
        if level == 1:
            print(f"  low: {category}: {item.get('info', '')[:160]}")
    print("PASSED: nothing of medium severity or above" if not serious else "FAILED")
    return 1 if serious else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="a PostgreSQL database to load the demo into")
    parser.add_argument("--port", type=int, default=8096)
    parser.add_argument("--max-seconds", type=int, default=1200, help="wapiti's time limit")
    parser.add_argument("--report", help="keep wapiti's JSON report here")
    sys.exit(main(parser.parse_args()))
