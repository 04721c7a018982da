"""What a publication's PDF costs: CPU per PDF of a long advisory, and the worker's memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ilrc_bench_pdf .venv/bin/python bench/pdf.py

The database must exist; it is migrated and given the demo content when it has none.
A long practice advisory (30 sections of six paragraphs, subsections, two images,
links) is published, then:

- in this process, its PDF is rendered `--renders` times (publications.printing, as the
  task does it): the median CPU time per PDF, its page count and size;
- `--workers` times, the real worker (`manage.py db_worker --batch`, a process of its
  own) makes it again from the queue: the worker process's CPU time (start-up
  included) and its peak resident memory.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

import in_process  # noqa: F401  (Django, test settings, on DATABASE_URL)
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from publications.models import PublicationIndexPage, PublicationPage, ResourceType
from publications.printing import render_pdf
from publications.tasks import make_publication_pdf

SLUG = "bench-long-advisory"
WORDS = (
    "The practitioner should review the client's entire immigration history, including "
    "every entry, departure and encounter with immigration or criminal authorities, "
    "before advising on eligibility. Where the record is incomplete, request it through "
    "the Freedom of Information Act and note the date of the request in the file. "
)


def long_body(images):
    body = []
    for section in range(1, 31):
        body.append({"type": "heading", "value": {"text": f"Section {section}", "level": "h2"}})
        for number in range(1, 7):
            if number == 4:
                body.append(
                    {"type": "heading", "value": {"text": f"Detail {section}.1", "level": "h3"}}
                )
            link = f'<a href="https://www.uscis.gov/policy-manual/{section}">the manual</a>'
            body.append({"type": "paragraph", "value": f"<p>{WORDS * 2} See {link}.</p>"})
        if section in (5, 20) and images:
            image = images[section % len(images)]
            body.append(
                {
                    "type": "image",
                    "value": {
                        "image": {"image": image.pk, "alt_text": "People at a rally"},
                        "caption": "Figure",
                    },
                }
            )
    return body


def advisory():
    from base.models import SiteImage

    if not PublicationIndexPage.objects.exists():
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    index = PublicationIndexPage.objects.first()
    page = PublicationPage.objects.filter(slug=SLUG).first()
    if page is None:
        page = PublicationPage(
            title="Practice advisory: a long one, for the benchmark",
            slug=SLUG,
            summary="Thirty sections of advice.",
            resource_type=ResourceType.objects.get(slug="practice-advisories"),
            authors="Benchmark Staff Attorney",
        )
        index.add_child(instance=page)
    page.body = long_body(list(SiteImage.objects.order_by("pk")[:2]))
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=5)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()

    page = advisory()
    render_pdf(page)  # warm: fonts, templates, renditions
    cpu = []
    for _ in range(args.renders):
        start = time.process_time()
        pdf = render_pdf(page)
        cpu.append(time.process_time() - start)
    print(f"{pdf.page_count} pages, {len(pdf.content) / 1024:.0f} KB")
    print(f"in process: median CPU per PDF {statistics.median(cpu):.2f} s (of {args.renders})")

    worker_cpu = []
    DBTaskResult.objects.all().delete()  # the demo's, and earlier runs'
    for _ in range(args.workers):
        make_publication_pdf.enqueue(page.live_revision_id, remake=True)
        before = cpu_of_children()
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--batch",
                "--backend",
                "background",
                "--queue-name",
                "*",
            ],
            check=True,
            env=os.environ,
            stderr=subprocess.DEVNULL,
        )
        worker_cpu.append(cpu_of_children() - before)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"worker: median CPU {statistics.median(worker_cpu):.2f} s for the whole process "
        f"(start-up included), peak memory {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
