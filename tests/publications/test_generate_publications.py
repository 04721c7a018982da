"""`manage.py generate_publications`: many realistic publications, a valid tree, indexed."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from publications.models import PublicationPage

from .library import result_count

pytestmark = pytest.mark.django_db


def generate(count, **options):
    options.setdefault("stderr", io.StringIO())
    call_command("generate_publications", count=count, stdout=io.StringIO(), **options)


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_creates_publications_spread_over_types_topics_and_dates(index):
    generate(60)

    pages = PublicationPage.objects.child_of(index).live()
    assert pages.count() == 60
    assert len({p.resource_type_id for p in pages}) >= 5
    assert len({t.pk for p in pages for t in p.topics.all()}) >= 10
    dates = [p.date for p in pages]
    assert datetime.date(1990, 1, 1) <= min(dates) < max(dates) <= timezone.localdate()
    assert all(p.summary and p.body.raw_data for p in pages)


def test_keeps_the_page_tree_valid(index):
    generate(30)
    generate(25, batch_size=7)

    assert Page.find_problems() == ([], [], [], [], [])
    out = io.StringIO()
    call_command("fixtree", stdout=out)
    assert out.getvalue().count("No problems found.") == 2
    index.refresh_from_db()
    assert index.numchild == 55
    assert len(set(PublicationPage.objects.values_list("slug", flat=True))) == 55


def test_generated_pages_are_served_listed_searchable_and_editable(client, index):
    generate(5, seed=6)  # makes the topics too
    for _ in range(2):  # the library's lookups and facet counts are cached before
        assert result_count(client.get("/resources/")) == 5
    generate(20, seed=7)
    page = PublicationPage.objects.child_of(index).last()

    assert client.get(page.url).status_code == 200
    assert result_count(client.get("/resources/")) == 25
    content_type = ContentType.objects.get_for_model(PublicationPage)
    assert IndexEntry.objects.filter(content_type=content_type).count() == 25
    word = page.title.split()[-1]
    assert result_count(client.get("/resources/", {"q": word})) >= 1

    page.title = "Edited in the admin"
    page.save_revision().publish()
    assert client.get(page.url).content.decode().count("Edited in the admin") >= 1


def test_shows_progress_a_line_a_tenth_in_logs_and_in_place_on_a_terminal(index):
    log = io.StringIO()
    generate(40, batch_size=3, stderr=log)
    lines = log.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0].startswith("[###") and " 6/40  15% elapsed 0:00 ETA " in lines[0]
    assert "40/40 100%" in lines[-1]

    terminal = Terminal()
    generate(10, batch_size=4, stderr=terminal)
    assert terminal.getvalue().count("\r") == 3
    assert terminal.getvalue().endswith("10/10 100% elapsed 0:00 ETA 0:00\n")

    quiet = io.StringIO()
    generate(5, stderr=quiet, verbosity=0)
    assert quiet.getvalue() == ""


def test_the_same_seed_makes_the_same_library(index):
    generate(10, seed=3)
    first = list(PublicationPage.objects.order_by("path").values_list("title", "date"))
    PublicationPage.objects.all().delete()
    index.refresh_from_db()
    generate(10, seed=3)

    assert list(PublicationPage.objects.order_by("path").values_list("title", "date")) == first


def test_needs_a_library_and_a_positive_count(db):
    with pytest.raises(CommandError, match="run load_demo_content first"):
        generate(5)
    with pytest.raises(CommandError, match="--count must be 1 or more"):
        generate(0)
