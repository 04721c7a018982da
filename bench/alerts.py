"""One daily run of email alerts at scale: 50,000 confirmed daily alerts, 200 new items.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ilrc_bench_alerts \
        .venv/bin/python bench/alerts.py [--workers 2]

The database must exist; it is migrated and given the demo content when it has none,
then (once) `--alerts` confirmed daily alerts over realistic views of the library (the
whole library, one type, one topic, a type and a topic, two topics, words; nine in ten
in English), and `--items` publications first published during the last day. The run
is what production does: `enqueue_due` (manage.py send_alerts) queues the due alerts in
batches, and `--workers` task workers (manage.py db_worker, production settings) send
them through a real SMTP server (aiosmtpd's sink, a process of its own). Printed: the
wall time from queueing to the last worker's exit, the workers' CPU and peak memory.
With `--batches N`, N batches are sent in this process instead, to profile them.
"""

import argparse
import datetime
import os
import random
import resource
import subprocess
import sys
import time

import in_process  # noqa: F401  (Django, test settings, on DATABASE_URL)
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from publications.alerts.sending import BATCH_SIZE, SETTLE, due, enqueue_due, send_batch
from publications.models import Alert, DatedPage, ResourceType, Topic

SEED = 19
# The workers run with production settings (email through SMTP to the bench's server).
WORKER_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "ilrc_site.settings.production",
    "SECRET_KEY": "bench-only",
    "ALLOWED_HOSTS": "localhost",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": "8725",
}


def views(types, topics):
    """Query strings of the views readers follow, most common first."""
    found = [""]
    found += [f"type={t}" for t in types]
    found += [f"topic={t}" for t in topics]
    found += [f"topic={topic}&type={kind}" for kind in types for topic in topics]
    found += [f"topic={a}&topic={b}" for a in topics for b in topics if a < b]
    found += [f"q={word}" for word in ("asylum", "daca", "u+visa", "detention", "tps")]
    return found


def make_alerts(count, now):
    if Alert.objects.filter(email__endswith="@bench.example").count() >= count:
        return
    Alert.objects.filter(email__endswith="@bench.example").delete()
    rng = random.Random(SEED)  # noqa: S311  (made-up readers, not secrets)
    types = list(ResourceType.objects.values_list("slug", flat=True))
    topics = list(Topic.objects.values_list("slug", flat=True))
    choices = views(types, topics)
    # Readers cluster on a few views: the first ones of the list are the most followed.
    weights = [1 / (rank + 1) for rank in range(len(choices))]
    alerts = [
        Alert(
            email=f"reader{n}@bench.example",
            query=rng.choices(choices, weights)[0],
            language="es" if rng.random() < 0.1 else "en",
            frequency=Alert.Frequency.DAILY,
            confirmed_at=now - datetime.timedelta(days=30),
            last_sent_at=now - datetime.timedelta(days=1),
        )
        for n in range(count)
    ]
    Alert.objects.bulk_create(alerts, batch_size=5000)


def make_items(count, now):
    """`count` publications first published during the last day (generated ones)."""
    call_command("generate_publications", "--count", str(count), stdout=open("/dev/null", "w"))  # noqa: SIM115
    newest = DatedPage.objects.order_by("-pk").values_list("pk", flat=True)[:count]
    rng = random.Random(SEED)  # noqa: S311  (made-up readers, not secrets)
    for pk in newest:
        moment = now - datetime.timedelta(minutes=rng.randint(2, 23 * 60))
        DatedPage.objects.filter(pk=pk).update(first_published_at=moment)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--alerts", type=int, default=50_000)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--batches", type=int, help="send this many batches in this process (to profile)"
    )
    args = parser.parse_args()

    from publications.models import PublicationIndexPage

    if not PublicationIndexPage.objects.exists():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    now = timezone.now()
    make_alerts(args.alerts, now)
    # Each run starts from the same state: a day since every alert's last send.
    with connection.cursor() as cursor:  # a million rows: no need for Django's collector
        cursor.execute(
            "DELETE FROM publications_alertdelivery WHERE alert_id IN"
            " (SELECT id FROM publications_alert WHERE email LIKE %s)",
            ["%@bench.example"],
        )
    Alert.objects.filter(email__endswith="@bench.example").update(
        last_sent_at=now - datetime.timedelta(days=1)
    )
    fresh = DatedPage.objects.filter(first_published_at__gt=now - datetime.timedelta(days=1))
    if fresh.count() < args.items:
        make_items(args.items - fresh.count(), now)

    # The mail server in a process of its own, as a real one is: its CPU is not the run's.
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            "127.0.0.1:8725",
            "-c",
            "aiosmtpd.handlers.Sink",
        ]
    )
    time.sleep(1)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 8725

    until = timezone.now()
    if args.batches:
        # In this process, a few batches (to profile them).
        ids = list(due(Alert.Frequency.DAILY, until).order_by("pk").values_list("pk", flat=True))
        batches = [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]
        started, cpu_before = time.monotonic(), time.process_time()
        sent = sum(send_batch(batch, until) for batch in batches[: args.batches])
        wall, cpu = time.monotonic() - started, time.process_time() - cpu_before
        print(f"{sent} emails in {args.batches} batches: wall {wall:.1f} s, CPU {cpu:.1f} s")
    else:
        # As in production: `send_alerts` queues the batches, workers send them.
        DBTaskResult.objects.filter(queue_name="alerts").delete()
        started = time.monotonic()
        queued = enqueue_due(until + SETTLE)
        workers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "db_worker",
                    "--batch",
                    "--backend",
                    "background",
                    "--queue-name",
                    "alerts",
                    "--no-startup-delay",
                ],
                env={**os.environ, **WORKER_ENVIRONMENT},
                stderr=subprocess.DEVNULL,
            )
            for _ in range(args.workers)
        ]
        for worker in workers:
            worker.wait()
        wall = time.monotonic() - started
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        sent = (
            Alert.objects.filter(email__endswith="@bench.example", deliveries__isnull=False)
            .distinct()
            .count()
        )
        failed = DBTaskResult.objects.filter(queue_name="alerts", status="FAILED").count()
        print(
            f"{queued} due alerts queued, {sent} emails sent by {args.workers} workers, "
            f"{failed} failed batches"
        )
        print(
            f"wall {wall:.0f} s, workers' CPU {cpu.ru_utime + cpu.ru_stime:.0f} s, "
            f"a worker's peak memory {cpu.ru_maxrss / 1024:.0f} MB"
        )
    print(f"{fresh.count()} new items")
    server.terminate()


if __name__ == "__main__":
    main()
