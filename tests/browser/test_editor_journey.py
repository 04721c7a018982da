"""An editor writes, previews and publishes a publication in the real Wagtail admin."""

import re

import pytest
from playwright.sync_api import expect

from publications.models import PublicationIndexPage, PublicationPage
from tests.factories import PDF_BYTES, staff_user


@pytest.fixture
def editor_page(page, site_url):
    # A member of the Moderators group: editors submit to Legal review, moderators publish.
    user = staff_user("Moderators", "lawyer")
    user.set_password("a-long-test-password")
    user.save()
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill("lawyer")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name=re.compile("Sign in")).click()
    expect(page).to_have_url(site_url + "/admin/")
    return page


def test_editor_creates_previews_and_publishes_a_publication(editor_page, site_url, tmp_path):
    page = editor_page
    pdf = tmp_path / "comment-letter.pdf"
    pdf.write_bytes(PDF_BYTES)
    library = PublicationIndexPage.objects.in_language("en").get()

    page.goto(f"{site_url}/admin/pages/add/publications/publicationpage/{library.pk}/")
    page.locator("#id_title").fill("Comment on the Proposed Fee Rule")
    page.locator("#id_summary").fill("Why the proposed fee increases would shut people out.")

    # A download, uploaded through the document chooser.
    page.get_by_role("button", name="Add Download").click()
    page.get_by_role("button", name=re.compile("Choose a document", re.I)).click()
    chooser = page.locator(".modal-content")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.get_by_label("Title").fill("Fee rule comment (PDF)")
    chooser.locator("input[type=file]").set_input_files(str(pdf))
    chooser.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("Fee rule comment (PDF)")).to_be_visible()

    page.get_by_role("tab", name="Metadata").click()
    page.locator("#id_date").fill("2026-11-20")
    page.locator("#id_date").press("Escape")  # close the date picker
    page.locator("#id_resource_type").select_option(label="Public Comments / Sign-on Letters")
    page.locator("li.tagit-new input").press_sequentially("DAC", delay=50)
    page.locator(".ui-autocomplete .ui-menu-item", has_text="DACA").first.click()

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Comment on the Proposed Fee Rule")
    # Wagtail autosaves a new page as it is written, and the editor's address becomes the
    # page's edit view. Publishing while that first autosave is still creating the page
    # would try to create it a second time (same slug), which fails: wait for it.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=15_000)

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text(
        "Page 'Comment on the Proposed Fee Rule' has been published."
    )

    publication = PublicationPage.objects.get(title="Comment on the Proposed Fee Rule")
    assert publication.live
    assert [t.name for t in publication.topics.all()] == ["DACA"]

    # First in the home page's Latest Items, and in the library under its type.
    page.goto(site_url + "/")
    latest = page.get_by_role("region", name="Latest Items").get_by_role("article").first
    expect(latest.get_by_role("link", name="Comment on the Proposed Fee Rule")).to_be_visible()
    page.goto(site_url + "/resources/?type=public-comments")
    first = page.locator("article").first
    expect(first.get_by_role("link", name="Comment on the Proposed Fee Rule")).to_be_visible()
    expect(first).to_contain_text("Public Comments / Sign-on Letters")

    first.get_by_role("link", name="Comment on the Proposed Fee Rule").click()
    download = page.get_by_role("link", name="Fee rule comment (PDF)", exact=True)
    response = page.request.get(site_url + download.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
