"""Importing an existing library with `manage.py import_publications`, using the
sample export in tests/publications/data (200 rows, 12 of them bad)."""

import csv
import datetime
import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry, ReferenceIndex, Revision

from publications.importer import Importer
from publications.models import PublicationDownload, PublicationPage, Topic

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "library.csv"
GOOD_ROWS = 188
# The sample's bad rows: line -> what the importer must say about it.
BAD_LINES = {
    23: "unknown type 'Webinar Recording'",
    44: "unparseable date 'Spring 2019'",
    66: "unparseable date '2019-02-30'",
    89: "attachment 'files/missing-advisory.pdf' not found",
    110: "duplicate slug 'special-immigrant-juvenile-status-predicate-orders-a-toolkit-for-"
    "advocates' (also on line 17)",
    132: "duplicate legacy URL '/node/1602' (also on line 33)",
    154: "title is 611 characters long; the limit is 255",
    176: "summary is 961 characters long; the limit is 800",
    198: "the title is empty",
    220: "unknown language 'fr'",
    242: "legacy_url 'node/9011' is neither a path (/node/36) nor an http(s) URL",
    263: "the summary is empty and there is no body text to take one from",
}


class Terminal(StringIO):
    def isatty(self):
        return True


def run_import(*args, stderr=None, **options):
    """(stdout, stderr, CommandError or None) of one run."""
    out, err = StringIO(), stderr or StringIO()
    try:
        call_command(
            "import_publications", *[str(a) for a in args], stdout=out, stderr=err, **options
        )
        error = None
    except CommandError as raised:
        error = raised
    return out.getvalue(), err.getvalue(), error


def reported_lines(stderr):
    return {int(m[1]): m[2] for m in re.finditer(r"^line (\d+): (.*)$", stderr, re.MULTILINE)}


def counts():
    return {
        "pages": PublicationPage.objects.count(),
        "documents": get_document_model().objects.count(),
        "downloads": PublicationDownload.objects.count(),
        "redirects": Redirect.objects.count(),
        "revisions": Revision.objects.count(),
        "topics": Topic.objects.count(),
        "log entries": PageLogEntry.objects.count(),
    }


def sample_rows():
    with SAMPLE.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def imported(index):
    out, err, error = run_import(SAMPLE)
    return out, err, error


def test_every_good_row_is_imported_and_every_bad_one_reported(imported):
    out, err, error = imported

    assert f"{GOOD_ROWS} created, 0 updated, 0 skipped (unchanged), 12 failed" in out, err
    assert error is not None and error.returncode == 1  # the exit status says it failed
    reported = reported_lines(err)
    assert sorted(reported) == sorted(BAD_LINES)
    for line, reason in BAD_LINES.items():
        assert reason in reported[line], line
    assert PublicationPage.objects.in_language("en").live().count() == GOOD_ROWS


def test_an_imported_publication_is_complete_and_served(client, admin_client, imported):
    page = PublicationPage.objects.get(legacy_path="/node/1291")

    assert page.title == "Community Explainer: Credible Fear Interviews at the Border"
    assert page.resource_type.slug == "community-explainers"
    assert page.date == datetime.date(2015, 6, 30)
    assert page.first_published_at.date() == datetime.date(2015, 6, 30)
    # The row has no summary: the body's first words stand in, as on the old site.
    assert page.summary.startswith(
        "This resource covers credible fear interviews at the border. It reflects the law"
    )
    assert sorted(t.name for t in page.topics.all()) == ["Asylum", "Immigration Enforcement"]
    download = page.downloads.get()
    assert (download.label, download.language) == (page.title, "en")
    assert download.document.file.read().startswith(b"%PDF")
    assert [b.block_type for b in page.body] == ["heading", "paragraph", "heading", "paragraph"]
    assert page.live and not page.has_unpublished_changes
    assert page.live_revision == page.latest_revision

    response = client.get(page.url)
    assert response.status_code == 200
    assert "Credible Fear Interviews at the Border" in response.content.decode()
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_old_addresses_redirect_permanently_to_the_new_pages(client, imported):
    page = PublicationPage.objects.get(legacy_path="/node/1291")

    response = client.get("/node/1291")

    assert response.status_code == 301
    assert response["Location"] == page.url
    assert Redirect.objects.get(old_path="/node/1291").redirect_page_id == page.pk


def redirected_pages():
    """Imported pages whose old address is not already their new one."""
    return [
        page
        for page in PublicationPage.objects.exclude(legacy_path="")
        if page.legacy_path != Redirect.normalise_path(page.url)
    ]


def test_an_old_address_that_is_the_new_one_needs_no_redirect(client, imported):
    # Old aliases such as /resources/faq-tps-for-haiti-and-travel-permission match the
    # new address: a redirect there would loop.
    page = PublicationPage.objects.get(
        legacy_path="/resources/faq-tps-for-haiti-and-travel-permission"
    )

    assert not Redirect.objects.filter(old_path=page.legacy_path).exists()
    assert client.get(page.url).status_code == 200
    assert Redirect.objects.count() == len(redirected_pages()) > 150


def test_dates_languages_and_several_attachments(imported):
    rows = {page.title: page for page in PublicationPage.objects.all()}

    assert rows["FAQ: Travel on Advance Parole for DACA Recipients"].date == datetime.date(
        2016, 8, 17
    )  # "August 17, 2016"
    assert rows["Comment on Work Permits for Asylum Seekers"].date == datetime.date(
        2014, 7, 23
    )  # "07/23/2014"
    spanish = rows["DACA Renewals After the Texas Ruling: A Toolkit for Advocates (Spanish)"]
    assert spanish.legacy_path == ""  # keyed on its slug instead
    assert [(d.label.rsplit(": ", 1)[-1], d.language) for d in spanish.downloads.all()] == [
        ("community-explainer-es", "es"),
        ("sample-declaration", "es"),
    ]
    # Three distinct files in the sample: three documents, however many rows share them.
    assert get_document_model().objects.count() == 3
    assert {"Removal Defense", "Family-Based Immigration"} <= set(
        Topic.objects.values_list("name", flat=True)
    )


def test_imported_pages_are_searchable_and_their_documents_know_where_they_are_used(imported):
    page = PublicationPage.objects.get(legacy_path="/node/1291")

    assert page in PublicationPage.objects.in_language("en").live().search("credible fear")
    document = page.downloads.get().document
    assert ReferenceIndex.get_references_to(document).filter(object_id=str(page.pk)).exists()


def test_running_the_same_file_again_changes_nothing(imported):
    before = counts()

    out, err, error = run_import(SAMPLE)

    assert f"0 created, 0 updated, {GOOD_ROWS} skipped (unchanged), 12 failed" in out
    assert counts() == before


def test_a_changed_row_updates_its_page_in_place(tmp_path, imported):
    page = PublicationPage.objects.get(legacy_path="/node/1291")
    rows = sample_rows()
    row = next(r for r in rows if r["legacy_url"] == "https://www.ilrc.org/node/1291")
    row["summary"] = "A new summary from the corrected export."
    row["topics"] = "Asylum"
    row["title"] = "Community Explainer: Credible Fear Interviews (2016 edition)"
    changed = write_csv(tmp_path / "library.csv", rows)

    out, err, error = run_import(changed, files_dir=DATA)

    assert f"0 created, 1 updated, {GOOD_ROWS - 1} skipped (unchanged), 12 failed" in out
    updated = PublicationPage.objects.get(pk=page.pk)
    assert updated.summary == "A new summary from the corrected export."
    assert [t.name for t in updated.topics.all()] == ["Asylum"]
    assert updated.title == "Community Explainer: Credible Fear Interviews (2016 edition)"
    assert updated.url == page.url  # its address stays
    assert updated.live and updated.live_revision == updated.latest_revision
    assert updated.downloads.get().label == updated.title
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 2


def test_a_dry_run_checks_everything_and_writes_nothing(index, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    before = counts()

    out, err, error = run_import(SAMPLE, dry_run=True)

    assert f"{GOOD_ROWS} created, 0 updated, 0 skipped (unchanged), 12 failed" in out, err
    assert "Dry run: nothing was written." in out
    assert sorted(reported_lines(err)) == sorted(BAD_LINES)
    assert counts() == before
    assert not (tmp_path / "media").exists()


def test_an_interrupted_run_keeps_its_finished_batches_and_the_next_run_completes(
    index, monkeypatch
):
    saves = 0
    save = Importer._save

    def save_until_interrupted(self, *args, **kwargs):
        nonlocal saves
        saves += 1
        if saves == 60:
            raise KeyboardInterrupt  # Ctrl-C, half-way through the file
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Importer, "_save", save_until_interrupted)
    out, err, error = run_import(SAMPLE, batch_size=25)

    assert error.returncode == 130
    assert re.search(r"Stopped at line \d+ \(interrupted\)", str(error))
    kept = PublicationPage.objects.count()
    assert 0 < kept < 60
    assert PublicationPage.objects.get(slug__startswith="daca-renewals").live
    assert (
        Revision.objects.filter(
            object_id__in=[str(pk) for pk in PublicationPage.objects.values_list("pk", flat=True)]
        ).count()
        == kept
    )

    monkeypatch.undo()
    out, err, error = run_import(SAMPLE, batch_size=25)

    assert f"{GOOD_ROWS - kept} created, 0 updated, {kept} skipped (unchanged)" in out
    pages = PublicationPage.objects.all()
    assert pages.count() == GOOD_ROWS
    assert pages.values("slug").distinct().count() == GOOD_ROWS
    assert pages.exclude(legacy_path="").values("legacy_path").distinct().count() == (
        pages.exclude(legacy_path="").count()
    )
    assert Redirect.objects.count() == len(redirected_pages())


def test_an_interrupted_batch_leaves_no_stray_files(index, monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    rows = write_csv(tmp_path / "one.csv", sample_rows()[:3])

    def interrupted(self, written):
        raise KeyboardInterrupt

    monkeypatch.setattr(Importer, "_finish", interrupted)
    out, err, error = run_import(rows, files_dir=DATA)

    assert error.returncode == 130
    assert get_document_model().objects.count() == 0
    assert [p for p in (tmp_path / "media").rglob("*") if p.is_file()] == []


def test_json_lines_import_the_same_way(index, tmp_path):
    lines = []
    for row in sample_rows():
        for name in ("topics", "attachments"):
            row[name] = [item for item in row[name].split("|") if item]
        lines.append(json.dumps(row))
    lines.insert(3, '{"title": "Broken row", ')  # a line cut short by the export
    path = tmp_path / "library.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    out, err, error = run_import(path, files_dir=DATA)

    assert f"{GOOD_ROWS} created, 0 updated, 0 skipped (unchanged), 13 failed" in out
    assert "line 4: not valid JSON" in err


def test_a_row_that_breaks_the_reader_fails_alone(index, monkeypatch, tmp_path):
    from publications.importer import rows as importer_rows

    clean_body = importer_rows.clean_body

    def fragile(html):
        if "unreadable" in html:
            raise RuntimeError("unexpected markup")
        return clean_body(html)

    monkeypatch.setattr(importer_rows, "clean_body", fragile)
    rows = sample_rows()[:5]
    rows[2]["body"] = "<p>An unreadable body</p>"

    out, err, error = run_import(write_csv(tmp_path / "five.csv", rows), files_dir=DATA)

    assert "4 created" in out and "1 failed" in out
    # Line 5: the first row's body runs over two lines of the file.
    assert "line 5: could not be read (RuntimeError: unexpected markup)" in err


def test_progress_shows_on_a_terminal_only(index, tmp_path):
    rows = write_csv(tmp_path / "some.csv", sample_rows()[:30])

    _, terminal_err, _ = run_import(rows, files_dir=DATA, stderr=Terminal())
    assert re.search(r"\r\[#+\.*\] \d+/30 .* rows/s", terminal_err)

    _, quiet_err, _ = run_import(rows, files_dir=DATA, stderr=Terminal(), quiet=True)
    _, piped_err, _ = run_import(rows, files_dir=DATA)
    assert "\r[" not in quiet_err + piped_err


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.csv", None, "is not a file"),
        ("library.xml", "<rows/>", "give a .csv or .jsonl file"),
        ("no-title.csv", "name,type,date\nA,faqs-explainers,2020-01-01\n", "no title column"),
        ("latin1.csv", "title,type,date\nCaf\xe9,faqs-explainers,2020-01-01\n", "not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_clearly(index, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content.encode("latin-1"))

    out, err, error = run_import(path)

    assert message in str(error)
    assert PublicationPage.objects.count() == 0


def test_without_a_library_page_there_is_nowhere_to_import(home):
    out, err, error = run_import(SAMPLE)

    assert "There is no resource library page yet" in str(error)


def test_queries_grow_with_rows_by_a_small_constant(index, tmp_path):
    rows = [r for r in sample_rows()[:60] if r["title"] and "Webinar" not in r["type"]]
    small, large = (
        write_csv(tmp_path / "small.csv", rows[:20]),
        write_csv(tmp_path / "large.csv", rows[20:60]),
    )

    with CaptureQueriesContext(connection) as first:
        run_import(small, files_dir=DATA)
    with CaptureQueriesContext(connection) as second:
        run_import(large, files_dir=DATA)

    # About 8 today (page tables, search and reference index); saving and
    # publishing page by page costs some 60.
    per_row = (len(second) - len(first)) / 20
    assert per_row < 12
