"""Signing up for email alerts in a real browser: from the library's link, with the
keyboard alone, and with no WCAG violations that axe-core can find on the form and the
page that follows."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from publications.models import Alert, Topic

from .test_accessibility import AXE_OPTIONS, describe


def assert_no_violations(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)


def test_a_reader_signs_up_with_the_keyboard(page, site_url, smtp_server):
    topic = Topic.objects.order_by("name").first()
    page.goto(f"{site_url}/resources/?topic={topic.slug}")
    page.get_by_role("link", name="Get email alerts for this view").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Get email alerts for this view")
    expect(page.locator(".alert-view")).to_contain_text(f"Resources: {topic.name}")
    assert_no_violations(page)

    page.get_by_label("Your email address").focus()
    page.keyboard.type("reader@example.org")
    # Into the frequencies, on the one chosen already; the arrow keys choose another.
    page.keyboard.press("Tab")
    expect(page.get_by_label("As published")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Daily")).to_be_checked()
    # The honeypot is not on the way: the next stop is the button.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Get email alerts")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_no_violations(page)
    alert = Alert.objects.get()
    assert (alert.email, alert.query, alert.frequency) == (
        "reader@example.org",
        f"topic={topic.slug}",
        "daily",
    )
    assert [message.recipients for message in smtp_server.messages] == [["reader@example.org"]]
