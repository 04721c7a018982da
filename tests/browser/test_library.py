import re

import feedparser
from playwright.sync_api import expect

from publications.models import DatedPage

THREE_TYPES = ["FAQs & Explainers", "Practice Advisories", "Community Explainers"]


def test_advocate_narrows_the_library_with_the_keyboard_and_subscribes(page, site_url):
    page.goto(site_url + "/resources/")
    heading = page.locator("#results-heading")
    # Every dated item of the demo: publications, stories and the policy resource.
    expect(heading).to_have_text(
        re.compile(rf"^{DatedPage.objects.in_language('en').live().count()} results")
    )

    # Tab from the search box to the type checkboxes, ticking three with the space bar.
    page.get_by_label("Search words").focus()
    for name in THREE_TYPES:
        for _ in range(10):
            page.keyboard.press("Tab")
            if focused_label(page).startswith(name):
                break
        else:
            raise AssertionError(f"Tab never reached {name}")
        page.keyboard.press("Space")
    for name in THREE_TYPES:
        expect(page.get_by_role("checkbox", name=re.compile(re.escape(name)))).to_be_checked()

    # Type the date range, and send the form with Enter.
    page.get_by_label("From", exact=True).focus()
    page.keyboard.type("2016")
    page.keyboard.press("Tab")
    expect(page.get_by_label("To", exact=True)).to_be_focused()
    page.keyboard.type("2023")
    page.keyboard.press("Enter")

    expect(heading).to_have_text("27 results (page 1 of 2)")
    expect(page).to_have_url(re.compile(r"date_from=2016&date_to=2023"))

    # Page 2 keeps every filter.
    page.get_by_role("link", name="Next page").focus()
    page.keyboard.press("Enter")
    expect(heading).to_have_text("27 results (page 2 of 2)")
    assert "page=2" in page.url
    assert page.url.count("type=") == 3
    expect(page.locator(".result-list article")).to_have_count(7)
    expect(page.get_by_label("From", exact=True)).to_have_value("2016")
    for name in THREE_TYPES:
        expect(page.get_by_role("checkbox", name=re.compile(re.escape(name)))).to_be_checked()

    # Removing a chip drops that filter only, and goes back to the first page.
    page.get_by_role("link", name="Remove filter Type: Community Explainers").focus()
    page.keyboard.press("Enter")
    expect(heading).to_have_text("19 results")
    assert "community-explainers" not in page.url
    assert "page=" not in page.url
    expect(
        page.get_by_role("checkbox", name=re.compile("Community Explainers"))
    ).not_to_be_checked()

    # The feed of what is on screen is a valid feed with the same items.
    feed_link = page.get_by_role("link", name="Subscribe to these results (RSS feed)")
    response = page.request.get(site_url + feed_link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.body())
    assert not feed.bozo
    assert len(feed.entries) == 19
    on_screen = page.locator(".result-list .card-title").all_inner_texts()
    assert [entry.title for entry in feed.entries] == on_screen


def focused_label(page):
    """The label text of the focused form control, or ''."""
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return (el && el.labels && el.labels[0]) ? el.labels[0].innerText : ''; }"
    )


def test_a_year_in_the_timeline_narrows_the_results(page, site_url):
    page.goto(site_url + "/resources/?type=faqs-explainers")
    bar = page.get_by_role("link", name=re.compile(r"^2023\s*:\s*\d+ results?$"))
    count = int(re.search(r"(\d+) result", bar.inner_text().replace("\n", " "))[1])

    bar.click()

    expect(page.locator("#results-heading")).to_have_text(f"{count} result{'s' * (count != 1)}")
    expect(page.get_by_label("From", exact=True)).to_have_value("2023")
    expect(page.get_by_label("To", exact=True)).to_have_value("2023")


def test_a_bad_date_is_explained_next_to_the_field(page, site_url):
    response = page.goto(site_url + "/resources/?date_from=2023-13-45")

    assert response.status == 400
    field = page.get_by_label("From", exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_date_from_errors")).to_have_text(
        "Error: 2023-13-45 is not a real date."
    )
    expect(page.get_by_role("alert")).to_contain_text("From: 2023-13-45 is not a real date.")
