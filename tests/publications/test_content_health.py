"""The content health report and the dashboard's library panel, as staff see them."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation, TranslationSource

from ilrc_site.roles import EDITORS, MODERATORS, TRANSLATORS
from publications.reports import stale_before
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    PublicationPageFactory,
    TopicFactory,
    resource_type,
    staff_user,
)

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/content-health/"
RECENT = datetime.date.today() - datetime.timedelta(days=30)


@pytest.fixture
def healthy(index):
    """Makes a publication with nothing missing: summary, body, topic, download, recent."""

    def make(title, **kwargs):
        fields = {
            "date": RECENT,
            "body": [("paragraph", RichText("<p>What the rule changes.</p>"))],
            "topics": [TopicFactory(name="Asylum")],
            "downloads": [DocumentFactory()],
            **kwargs,
        }
        return PublicationPageFactory(parent=index, title=title, **fields)

    return make


@pytest.fixture
def library(healthy):
    healthy("Healthy Explainer")
    healthy("Old but Revised Advisory", date=datetime.date(2012, 1, 1), last_updated=RECENT)
    healthy("No Summary Explainer", summary="  ")
    healthy("No Topic Explainer", topics=[])
    healthy("No Download Comment", downloads=[], resource_type=resource_type("public-comments"))
    image = ImageFactory(description="A crowded courtroom.")
    healthy("Unlabelled Image Toolkit", listing_image=image)
    # Pages refuse an image without alt text, but the image's alt text can go later.
    image.description = ""
    image.save()
    healthy("Labelled Image Toolkit", listing_image=ImageFactory(description="A clinic."))
    healthy("Stale Advisory", date=datetime.date(2015, 5, 1))


@pytest.fixture
def moderator(index):
    return staff_user(MODERATORS)


def report(client, **params):
    response = client.get(REPORT_URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_lists_each_publication_that_needs_attention(client, moderator, library):
    client.force_login(moderator)

    html = report(client)

    for title, problem in [
        ("No Summary Explainer", "No summary"),
        ("No Topic Explainer", "No topic"),
        ("No Download Comment", "No download"),
        ("Unlabelled Image Toolkit", "Listing image without alt text"),
        ("Stale Advisory", "Not updated for over 3 years"),
    ]:
        assert title in html
        row = html[html.index(title) :].split("</tr>")[0]
        assert problem in row, title
    for title in ["Healthy Explainer", "Old but Revised Advisory", "Labelled Image Toolkit"]:
        assert title not in html


def test_the_report_filters_by_type_and_by_problem(client, moderator, library):
    client.force_login(moderator)

    html = report(client, resource_type=resource_type("public-comments").pk)
    assert "No Download Comment" in html
    assert "No Topic Explainer" not in html

    html = report(client, problem="stale")
    assert "Stale Advisory" in html
    assert "No Topic Explainer" not in html


def test_a_bad_filter_value_is_a_form_error_not_a_crash(client, moderator, library):
    client.force_login(moderator)

    html = report(client, problem="everything", resource_type="not-a-number")

    assert "Select a valid choice" in html


def test_the_report_exports_csv_and_xlsx(client, moderator, library):
    client.force_login(moderator)

    response = client.get(REPORT_URL, {"export": "csv", "problem": "missing_topic"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Title"] for row in rows] == ["No Topic Explainer"]
    assert rows[0]["No topic"] == "True"
    assert rows[0]["No download"] == "False"
    assert rows[0]["URL"].endswith("/resources/no-topic-explainer/")

    response = client.get(REPORT_URL, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    titles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(titles) == [
        "No Download Comment",
        "No Summary Explainer",
        "No Topic Explainer",
        "Stale Advisory",
        "Unlabelled Image Toolkit",
    ]


def test_the_report_costs_the_same_queries_for_ten_rows_as_for_five(
    client, moderator, library, healthy, django_assert_max_num_queries
):
    client.force_login(moderator)
    with CaptureQueriesContext(connection) as five:
        report(client)
    for n in range(5):
        healthy(f"Another Undocumented Item {n}", downloads=[])

    with django_assert_max_num_queries(len(five)):
        html = report(client)
    assert "Another Undocumented Item 4" in html


def test_a_publication_whose_only_content_is_a_file_is_flagged(client, moderator, healthy):
    healthy("Scanned Advisory", body=[])
    healthy("Empty Draft Explainer", body=[], downloads=[])
    healthy("Written Explainer")
    client.force_login(moderator)

    html = report(client)
    assert "Only a PDF: the body is empty" in row(html, "Scanned Advisory")
    assert "No download" in row(html, "Empty Draft Explainer")
    assert "Only a PDF" not in row(html, "Empty Draft Explainer")
    assert "Written Explainer" not in html

    html = report(client, problem="only_a_download")
    assert "Scanned Advisory" in html
    assert "Empty Draft Explainer" not in html

    response = client.get(REPORT_URL, {"export": "csv"})
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    flagged = {row["Title"]: row["Only a PDF: the body is empty"] for row in rows}
    assert flagged == {"Scanned Advisory": "True", "Empty Draft Explainer": "False"}


def test_the_dashboard_counts_the_publications_whose_only_content_is_a_file(
    client, moderator, healthy
):
    client.force_login(moderator)
    healthy("Written Explainer")
    assert "only content is a PDF" not in client.get(reverse("wagtailadmin_home")).content.decode()

    healthy("Scanned Advisory", body=[])
    healthy("Scanned Letter", body=[])
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert (
        f'<a href="{REPORT_URL}?problem=only_a_download">'
        "Publications whose only content is a PDF: 2</a>"
    ) in html


def test_editors_find_the_report_in_the_reports_menu(client, index):
    client.force_login(staff_user(EDITORS))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Content health" in html
    assert REPORT_URL in html


def test_stale_means_older_than_three_years():
    assert stale_before(datetime.date(2024, 2, 29)) == datetime.date(2021, 2, 28)
    assert stale_before(datetime.date(2025, 6, 1)) == datetime.date(2022, 6, 1)


def test_the_dashboard_shows_the_newest_publications(client, moderator, healthy):
    healthy("Older Guide", date=datetime.date(2020, 1, 1))
    healthy("Newest Guide", date=timezone.localdate())
    client.force_login(moderator)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Resource library" in html
    assert html.index("Newest Guide") < html.index("Older Guide")
    assert "Nothing is waiting for review." in html


def test_the_dashboard_shows_what_awaits_review(client, moderator, healthy):
    editor = staff_user(EDITORS)
    page = healthy("Submitted Advisory")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client.force_login(moderator)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    panel = html[html.index("Awaiting review (1)") :]
    assert "Submitted Advisory" in panel
    assert "Legal review: Legal review by a moderator" in panel
    assert "Editor" in panel  # who submitted it


def test_the_dashboard_panel_queries_do_not_grow_with_the_library(
    client, moderator, healthy, django_assert_max_num_queries
):
    # Seen by an editor, who reviews nothing: Wagtail's own review panels stay
    # empty and only the library panel grows with the library.
    client.force_login(staff_user(EDITORS))
    healthy("First Guide")
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("wagtailadmin_home"))
    for n in range(8):
        page = healthy(f"Guide {n}")
        page.save_revision()
        page.get_workflow().start(page, moderator)

    with django_assert_max_num_queries(len(one) + 1):  # the submitted pages, in one query
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting review (8)" in html
    assert "All 8 items in review" in html


# Translation health: each live English page against its translation into every other
# language (Spanish).

TRANSLATIONS_URL = "/admin/reports/translation-health/"


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, title):
    """A published Spanish translation of `page`, with the Spanish pages above it."""
    spanish = page.copy_for_translation(Locale.objects.get(language_code="es"), copy_parents=True)
    spanish.title = title
    return publish(spanish)


@pytest.fixture
def translations(healthy):
    """English pages: one never translated, one whose translation is up to date, one
    changed since it was translated, and one translated but never published."""
    pages = {
        "missing": publish(healthy("Untranslated Explainer")),
        "current": publish(healthy("Translated Explainer")),
        "outdated": publish(healthy("Revised Explainer")),
        "draft": publish(healthy("Draft Translation Explainer")),
    }
    translate(pages["current"], "Guía traducida")
    translate(pages["outdated"], "Guía revisada")
    publish(pages["outdated"])  # the English changes after its translation
    pages["draft"].copy_for_translation(Locale.objects.get(language_code="es"))
    return pages


def translation_report(client, **params):
    response = client.get(TRANSLATIONS_URL, params)
    assert response.status_code == 200
    return response.content.decode()


def row(html, title):
    assert title in html, title
    return html[html.index(title) :].split("</tr>")[0]


def test_missing_and_outdated_translations_are_listed_with_what_to_do(
    client, moderator, translations
):
    client.force_login(moderator)

    html = translation_report(client)

    missing = row(html, "Untranslated Explainer")
    assert "Not translated" in missing
    translate_url = reverse(
        "wagtail_localize:submit_page_translation", args=[translations["missing"].pk]
    )
    assert f'href="{translate_url}?select_locale=es' in missing

    outdated = row(html, "Revised Explainer")
    assert "Older than the original" in outdated
    spanish = translations["outdated"].get_translation(Locale.objects.get(language_code="es"))
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[spanish.pk])}"' in outdated

    assert "Translated, never published" in row(html, "Draft Translation Explainer")
    # An up-to-date translation is no work.
    assert "Translated Explainer<" not in html.replace("Draft Translation Explainer<", "")


def test_a_synced_translation_links_to_bringing_in_the_originals_changes(
    client, moderator, healthy, django_capture_on_commit_callbacks
):
    english = publish(healthy("Synced Explainer"))
    source, _ = TranslationSource.get_or_create_from_instance(english)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)  # as wagtail-localize does
    publish(english)
    client.force_login(moderator)

    outdated = row(translation_report(client), "Synced Explainer")

    assert "Older than the original" in outdated
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert f'href="{sync_url}?next=' in outdated


def test_the_translation_report_filters_by_problem_and_language(client, moderator, translations):
    client.force_login(moderator)

    html = translation_report(client, problem="missing", language="es")
    assert "Untranslated Explainer" in html
    assert "Revised Explainer" not in html

    html = translation_report(client, problem="outdated")
    assert "Revised Explainer" in html
    assert "Untranslated Explainer" not in html

    html = translation_report(client, problem="everything", language="xx")
    assert "Select a valid choice" in html


def test_translators_find_the_translation_report(client, translations):
    client.force_login(staff_user(TRANSLATORS))

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert TRANSLATIONS_URL in dashboard

    assert "Untranslated Explainer" in translation_report(client)


def test_the_translation_report_costs_the_same_queries_for_more_rows(
    client, moderator, translations, healthy, django_assert_max_num_queries
):
    client.force_login(moderator)
    with CaptureQueriesContext(connection) as before:
        translation_report(client)
    for n in range(3):
        publish(healthy(f"Another Untranslated Guide {n}"))
        translate(publish(healthy(f"Another Revised Guide {n}")), f"Otra guía {n}")
        publish(Page.objects.get(title=f"Another Revised Guide {n}").specific)

    with django_assert_max_num_queries(len(before)):
        html = translation_report(client)
    assert "Another Untranslated Guide 2" in html
    assert "Another Revised Guide 2" in html
