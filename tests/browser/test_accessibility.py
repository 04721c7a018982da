"""axe-core's WCAG 2 A/AA rules, and narrow screens, on every kind of page."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.public_urls import public_pages

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture
def pages(site_url):
    pages = {name: site_url + path for name, path in public_pages().items()}
    # The library again, answering bad input with its form and messages (HTTP 400).
    pages["library, invalid"] = site_url + "/resources/?date_from=2023-13-45&type=nope"
    return pages


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    )


def test_no_wcag_violations_on_any_kind_of_page(page, pages):
    axe = Axe()
    failures = {}
    for name, url in pages.items():
        page.goto(url)
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures[name] = describe(violations)

    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())


def test_nothing_is_wider_than_a_phone_screen(page, pages):
    page.set_viewport_size({"width": 375, "height": 800})
    too_wide = {}
    for name, url in pages.items():
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[name] = width

    assert not too_wide


def test_keyboard_focus_is_visible(page, pages):
    page.goto(pages["home"])
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site name

    focused = page.locator(":focus")
    expect(focused).to_have_text("Immigrant Legal Resource Center")
    outline = focused.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
