import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from publications.bulk_load import vacuum_analyze
from publications.importer import (
    COLUMNS,
    DEFAULT_BATCH_SIZE,
    Importer,
    ImportFileError,
    ImportInterrupted,
    count_rows,
    read_rows,
    unknown_columns,
)
from publications.models import (
    DatedPage,
    PageTopic,
    PublicationDownload,
    PublicationIndexPage,
    PublicationPage,
)


class Command(BaseCommand):
    help = (
        "Import publications from a CSV or JSON Lines (.jsonl) file into the resource "
        f"library. Columns: {', '.join(COLUMNS)}; only title, type and date are required. "
        "Topics and attachments are lists separated by | (or JSON lists). A row with a "
        "page_language other than the default goes into that language's library, as a "
        "translation of the page that translation_of names. Running the same file again "
        "updates changed rows and skips the rest."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and write nothing."
        )
        parser.add_argument(
            "--files-dir",
            type=Path,
            help="Where attachment paths are relative to (default: the file's folder).",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help="Rows per transaction: an interrupted run keeps every finished batch.",
        )

    def handle(self, *args, file, dry_run, files_dir, quiet, batch_size, **options):
        # The default language's library; the others are its translations.
        index = PublicationIndexPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if index is None:
            raise CommandError("There is no resource library page yet: create it in the admin.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            total = count_rows(file)
            for name in unknown_columns(file):
                self.stderr.write(f"Ignoring unknown column {name!r}.")
        except ImportFileError as error:
            raise CommandError(f"Cannot import: {error}") from error

        show_progress = not quiet and self.stderr.isatty()
        progress = ProgressBar(self.stderr, total) if show_progress else None

        def report_error(line, reason):
            if progress:
                progress.clear()
            self.stderr.write(f"line {line}: {reason}")

        importer = Importer(
            index,
            files_dir or file.resolve().parent,
            dry_run=dry_run,
            batch_size=batch_size,
            on_row=progress.update if progress else None,
            on_error=report_error,
        )
        started = time.monotonic()
        stopped = None
        try:
            importer.run(read_rows(file))
        except ImportFileError as error:
            stopped = error
        except ImportInterrupted as interruption:
            stopped = interruption
        if progress:
            progress.clear()

        result = importer.result
        if not dry_run and stopped is None and (result.created or result.updated):
            # Each batch indexed its pages for search in bulk: vacuum and analyze what
            # the library's pages and searches read rather than wait for autovacuum.
            vacuum_analyze(
                Page,
                DatedPage,
                PublicationPage,
                PageTopic,
                PublicationDownload,
                get_document_model(),
                Redirect,
                IndexEntry,
            )
        elapsed = time.monotonic() - started
        rate = result.rows / elapsed if elapsed else 0
        verb = "Checked" if dry_run else "Imported"
        self.stdout.write(
            f"{verb} {result.rows:,} rows in {_duration(elapsed)} ({rate:,.0f} rows/s): "
            f"{result.created:,} created, {result.updated:,} updated, "
            f"{result.skipped:,} skipped (unchanged), {result.failed:,} failed."
        )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        if result.topics_created:
            self.stdout.write(f"New topics: {', '.join(result.topics_created)}.")

        if isinstance(stopped, ImportInterrupted):
            cause = "interrupted" if isinstance(stopped.cause, KeyboardInterrupt) else stopped.cause
            raise CommandError(
                f"Stopped at line {stopped.line} ({cause}). The rows before it are saved; "
                "run the same command again to carry on.",
                returncode=130 if isinstance(stopped.cause, KeyboardInterrupt) else 1,
            ) from stopped.cause
        if stopped is not None:
            raise CommandError(f"Stopped: {stopped}") from stopped
        if result.failed:
            raise CommandError(
                f"{result.failed:,} row(s) failed: see the lines above, fix the file "
                "and run it again (rows already imported are skipped)."
            )


class ProgressBar:
    """One line on a terminal: bar, rows done, counts by outcome, rate and time left."""

    WIDTH = 24
    INTERVAL = 0.1  # seconds between redraws

    def __init__(self, stream, total):
        self.stream = stream
        self.total = total
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.done = 0

    def update(self, totals, line):
        self.done = sum(totals.values())
        now = time.monotonic()
        if now - self.drawn_at < self.INTERVAL and self.done < self.total:
            return
        self.drawn_at = now
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed else 0
        left = (self.total - self.done) / rate if rate else 0
        filled = self.WIDTH * self.done // self.total if self.total else self.WIDTH
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done:,}/{self.total:,}  "
            f"created {totals['created']:,}  updated {totals['updated']:,}  "
            f"skipped {totals['skipped']:,}  failed {totals['failed']:,}  "
            f"{rate:,.0f} rows/s  {_duration(left)} left",
            ending="",
        )
        self.stream.flush()

    def clear(self):
        self.stream.write("\r\033[K", ending="")
        self.drawn_at = 0.0


def _duration(seconds):
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}:{seconds:02d}"
