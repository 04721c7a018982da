"""Bulk-create realistic publications, to measure the library at the size it will grow to.

    python manage.py generate_publications --count 10000

Pages are inserted a batch at a time, table by table (Django's bulk_create cannot
insert multi-table models), with the paths, depth, numchild and URL paths that the
page tree needs, so `manage.py fixtree` finds nothing to fix. They are published
without revisions (editing one in the admin starts its history) and indexed for
search in bulk; at the end the tables are vacuumed and analyzed. Progress shows on
stderr (one line per tenth when stderr is not a terminal, for logs).
"""

import datetime
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import reset_queries, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from base.cache import changed
from publications.bulk_load import vacuum_analyze
from publications.demo import SUBJECTS, SUMMARY_PATTERNS, TITLE_PATTERNS, load_topics, sentence_case
from publications.models import (
    PageTopic,
    PublicationIndexPage,
    PublicationPage,
    ResourceType,
)
from publications.models.dated import DatedPage

FIRST_DATE = datetime.date(1990, 1, 1)
QUALIFIERS = [
    "",
    "",
    "in California",
    "in Texas",
    "in Immigration Court",
    "for Survivors",
    "for Youth",
    "for Families",
    "After the New Rule",
    "Updated",
]
CONTEXT_SENTENCES = [
    "It reflects the latest agency guidance and recent court decisions.",
    "Partners across the country helped us write it.",
    "It includes sample declarations, checklists and a glossary.",
    "Read it together with our earlier resources on the same topic.",
    "It is available in English and Spanish.",
]


class Command(BaseCommand):
    help = "Bulk-create realistic publications in the resource library (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many to create.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (repeatable).")
        # Each batch is one search-index insert, after which the search backend
        # recomputes its average title length over the whole index: few, large
        # batches keep that from growing with the square of the library's size.
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, count, seed, batch_size, **options):
        if count < 1:
            raise CommandError("--count must be 1 or more.")
        index = PublicationIndexPage.objects.first()
        if index is None:
            raise CommandError("There is no resource library yet: run load_demo_content first.")
        types = {t.slug: t for t in ResourceType.objects.all()}
        missing = set(TITLE_PATTERNS) - set(types)
        if missing:
            raise CommandError(f"Missing resource types: {', '.join(sorted(missing))}.")

        started = time.monotonic()
        with transaction.atomic():
            topics = load_topics()
            # Repeatable sample data, not secrets.
            generator = Generator(index, types, topics, random.Random(seed))  # noqa: S311
            progress = Progress(self.stderr, count) if options["verbosity"] > 0 else None
            for done in range(0, count, batch_size):
                size = min(batch_size, count - done)
                pages = insert_pages(generator.pages(size))
                index_for_search([page.pk for page in pages])
                # With DEBUG on, Django keeps each query's SQL, megabytes per batch here.
                reset_queries()
                if progress:
                    progress.update(done + size)
            Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
            # The pages are inserted in bulk, without Wagtail's publish signals: pages and
            # lookups cached before show the new ones once this is committed.
            changed()
        # The atomic block has closed (Django is back in autocommit), so VACUUM can run:
        # the library is measured as production's autovacuum would leave it.
        vacuum_analyze(Page, DatedPage, PublicationPage, PageTopic, IndexEntry)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {count} publications under {index.url_path} "
                f"in {time.monotonic() - started:.1f} s."
            )
        )


class Progress:
    """Count, percent, elapsed time and ETA: redrawn in place on a terminal, else a line a tenth."""

    WIDTH = 30

    def __init__(self, stream, total):
        self.stream = stream
        self.total = total
        self.started = time.monotonic()
        self.redraw = stream.isatty()
        self.next_tenth = 1

    def update(self, done):
        if self.redraw:
            end = "\n" if done == self.total else ""
            self.write(f"\r{self.line(done)}", end)
        elif done * 10 >= self.next_tenth * self.total:
            self.write(self.line(done), "\n")
            self.next_tenth = done * 10 // self.total + 1

    def write(self, text, end):
        # `str` as the style: Django colours whatever goes to stderr as an error.
        self.stream.write(text, style_func=str, ending=end)
        self.stream.flush()

    def line(self, done):
        elapsed = time.monotonic() - self.started
        eta = elapsed / done * (self.total - done)
        filled = self.WIDTH * done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        return (
            f"[{bar}] {done:,}/{self.total:,} {100 * done // self.total:3d}% "
            f"elapsed {minutes(elapsed)} ETA {minutes(eta)}"
        )


def minutes(seconds):
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


class Generator:
    """Publications spread over every type, topic and date from 1990 to today."""

    def __init__(self, index, types, topics, rng):
        self.index = index
        self.types = types
        self.topics = topics
        self.rng = rng
        self.content_type = ContentType.objects.get_for_model(PublicationPage)
        last = index.get_last_child()
        self.next_step = last._get_lastpos_in_path() + 1 if last else 1
        self.slugs = set(Page.objects.child_of(index).values_list("slug", flat=True))
        self.days = (timezone.localdate() - FIRST_DATE).days
        self.now = timezone.now()

    def pages(self, size):
        """`size` new PublicationPage objects, not saved, each with `new_topics`."""
        return [self.page() for _ in range(size)]

    def page(self):
        rng = self.rng
        topic_name = rng.choice(list(SUBJECTS))
        subject = rng.choice(SUBJECTS[topic_name])
        type_slug = rng.choice(list(TITLE_PATTERNS))
        qualifier = rng.choice(QUALIFIERS)
        title = TITLE_PATTERNS[type_slug].format(subject=f"{subject} {qualifier}".strip())
        summary = " ".join(
            [
                SUMMARY_PATTERNS[type_slug].format(subject_lower=sentence_case(subject)),
                rng.choice(CONTEXT_SENTENCES),
            ]
        )
        step = self.next_step
        self.next_step += 1
        slug = self.unique_slug(slugify(title)[:70])
        page = PublicationPage(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=self.content_type,
            locale_id=self.index.locale_id,
            path=Page._get_path(self.index.path, self.index.depth + 1, step),
            depth=self.index.depth + 1,
            numchild=0,
            url_path=f"{self.index.url_path}{slug}/",
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=self.now,
            last_published_at=self.now,
            date=FIRST_DATE + datetime.timedelta(days=rng.randrange(self.days + 1)),
            resource_type=self.types[type_slug],
            summary=summary,
            body=[
                {"type": "heading", "value": {"text": "What this resource covers", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": f"<p>{summary}</p><p>Questions about {sentence_case(subject)}? "
                    "Contact our technical assistance line.</p>",
                },
            ],
        )
        others = [t for name, t in self.topics.items() if name != topic_name]
        page.new_topics = [self.topics[topic_name]] + rng.sample(others, rng.choice([0, 0, 1, 2]))
        return page

    def unique_slug(self, base):
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug


def insert_pages(pages):
    """Insert `pages` (PublicationPage objects) into each of their tables, and their topics."""
    Page.objects.bulk_create(pages)  # the base table; sets each page's id
    for page in pages:
        page.page_ptr_id = page.datedpage_ptr_id = page.id
    for model in (DatedPage, PublicationPage):
        # Each class of a multi-table model keeps its own fields in its own table.
        model._base_manager._insert(pages, fields=model._meta.local_concrete_fields)
    PageTopic.objects.bulk_create(
        PageTopic(content_object_id=page.id, tag=topic)
        for page in pages
        for topic in page.new_topics
    )
    return pages


def index_for_search(pks):
    """Add the pages to every search backend's index in one batch, as update_index does."""
    pages = list(PublicationPage.get_indexed_objects().filter(pk__in=pks))
    for backend in get_search_backends():
        backend.add_bulk(PublicationPage, pages)
