"""In a real browser: hostile content runs nowhere, and neither the public site nor
the admin trips its Content-Security-Policy."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.hostile import PAYLOAD, hostile_queries, publish_hostile_publication
from tests.public_urls import public_pages

PASSWORD = "a-long-and-unusual-passphrase"  # noqa: S105
ADMIN_PATHS = [
    "/admin/",
    "/admin/pages/",
    "/admin/publications/",
    "/admin/images/",
    "/admin/images/multiple/add/",
    "/admin/documents/",
    "/admin/snippets/",
    "/admin/users/",
    "/admin/reports/site-history/",
    "/admin/account/",
]


@pytest.fixture
def editor(site_url):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def hostile_page(editor):
    client = Client()
    client.force_login(editor)
    return publish_hostile_publication(client)


def watch(page):
    """Collects CSP violations and dialogs (alert) the page produces."""
    seen = {"violations": [], "dialogs": []}
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and seen["violations"].append(f"{page.url}: {message.text[:200]}")
        ),
    )

    def dismiss(dialog):
        seen["dialogs"].append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    return seen


def sign_in(page, site_url):
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site_url + "/admin/")


def test_hostile_content_and_input_run_nowhere_on_the_public_site(page, site_url, hostile_page):
    seen = watch(page)
    urls = [hostile_page.url, *public_pages().values()]
    for path in urls:
        for query in ["", *hostile_queries()]:
            page.goto(site_url + path + query)
            assert page.evaluate("window.__xss") is None, path + query
    page.goto(site_url + hostile_page.url + PAYLOAD)

    assert page.evaluate("window.__xss") is None
    assert seen == {"violations": [], "dialogs": []}


def test_the_admin_works_within_its_policy_and_escapes_hostile_titles(page, site_url, hostile_page):
    seen = watch(page)
    sign_in(page, site_url)
    for path in [*ADMIN_PATHS, f"/admin/pages/{hostile_page.get_parent().pk}/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")

    # The editor, with the preview panel framing the page and the rich text editor running.
    page.goto(site_url + f"/admin/pages/{hostile_page.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1").filter(has_text="Title").wait_for()
    page.wait_for_load_state("networkidle")

    assert page.evaluate("window.__xss") is None
    assert seen == {"violations": [], "dialogs": []}


def test_signed_in_editors_see_public_pages_with_the_userbar_within_the_policy(
    page, site_url, editor
):
    seen = watch(page)
    sign_in(page, site_url)
    for path in public_pages().values():
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")

    assert seen == {"violations": [], "dialogs": []}
