"""Lighthouse (mobile) scores of a running site: the median of several runs per page.

    npm i --prefix /tmp/lh -E lighthouse@12.2.3
    LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse .venv/bin/python bench/lighthouse.py \\
        http://127.0.0.1:8700/ http://127.0.0.1:8700/resources/ ...

Runs Debian's chromium headless (CHROME_PATH, default /usr/bin/chromium) with
Lighthouse's default mobile emulation and simulated throttling, three times a page
unless --runs says otherwise, and prints the median score of each category.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def run_once(lighthouse, url, out, attempts=3):
    # Chromium now and then fails to start on a busy machine: try again.
    for attempt in range(attempts):
        try:
            return _lighthouse(lighthouse, url, out)
        except subprocess.CalledProcessError:
            if attempt == attempts - 1:
                raise


def _lighthouse(lighthouse, url, out):
    subprocess.run(  # noqa: S603 (the command is ours; the URL an argument)
        [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
    )
    report = json.loads(Path(out).read_text())
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    lighthouse = os.environ.get("LIGHTHOUSE", "lighthouse")
    print("| page | " + " | ".join(CATEGORIES) + " |")
    print("|---|" + "---:|" * len(CATEGORIES))
    with tempfile.TemporaryDirectory() as tmp:
        for url in args.urls:
            runs = [run_once(lighthouse, url, f"{tmp}/report.json") for _ in range(args.runs)]
            medians = [statistics.median(run[c] for run in runs) for c in CATEGORIES]
            print(f"| {url} | " + " | ".join(f"{m:g}" for m in medians) + " |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
