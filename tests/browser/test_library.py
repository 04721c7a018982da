import re
from urllib.parse import parse_qs, urlsplit

import feedparser
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from publications.models import DatedPage, ResourceType, Topic
from tests.browser.test_accessibility import AXE_OPTIONS, describe

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


# The library on a phone, and on a wide screen.

PHONE = {"width": 375, "height": 667}
WIDE = {"width": 1280, "height": 900}


def filter_control(page):
    return page.locator("details.library-filters > summary")


def top_on_the_page(locator):
    return locator.evaluate("el => el.getBoundingClientRect().top + window.scrollY")


def test_on_a_phone_the_results_come_first_and_the_filters_are_one_tap_away(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/resources/?type=faqs-explainers")

    # The count, the active filter, one control for the filters, then the results.
    assert top_on_the_page(page.locator(".result-list .card-title").first) < 900
    control = filter_control(page)
    expect(control).to_have_accessible_name("Filter (1 applied)")
    expect(page.locator("details.library-filters")).not_to_have_attribute("open", "")
    expect(page.get_by_role("checkbox", name=re.compile("^FAQs & Explainers"))).to_be_hidden()
    assert_no_wcag_violations(page)

    page.goto(site_url + "/resources/?type=faqs-explainers&date_from=2016&sort=oldest")
    expect(control).to_have_accessible_name("Filter (2 applied)")

    # The keyboard reaches the control just after the active filters, and opens and
    # closes it with Enter and Space.
    page.get_by_role("link", name="Clear all filters").focus()
    page.keyboard.press("Tab")
    expect(control).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("checkbox", name=re.compile("^FAQs & Explainers"))).to_be_checked()
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name=re.compile("^FAQs & Explainers"))).to_be_hidden()
    page.keyboard.press("Enter")
    # Open, and a long list open to the end: still no violation.
    page.locator("#topic-group details > summary").click()
    assert_no_wcag_violations(page)

    # The next Tab is the first filter; filtering from here keeps every other filter.
    control.focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Search words")).to_be_focused()
    page.get_by_role("checkbox", name=re.compile("^DACA")).check()
    page.get_by_role("button", name="Show results").click()

    expect(page).to_have_url(re.compile(r"/resources/\?"))
    params = parse_qs(urlsplit(page.url).query)
    assert params == {
        "type": ["faqs-explainers"],
        "topic": ["daca"],
        "date_from": ["2016"],
        "sort": ["oldest"],
    }
    expect(filter_control(page)).to_have_accessible_name("Filter (3 applied)")


def test_without_javascript_every_filter_is_reachable(browser, site_url):
    types = ResourceType.objects.count()
    topics = Topic.objects.count()
    for viewport in (PHONE, WIDE):
        context = browser.new_context(viewport=viewport, java_script_enabled=False)
        page = context.new_page()
        page.goto(site_url + "/resources/?topic=daca")
        boxes = page.locator("#type-group input[type=checkbox], #topic-group input[type=checkbox]")
        expect(boxes).to_have_count(types + topics)

        filter_control(page).click()
        for more in page.locator(".facet-more > summary").all():
            more.click()
        for box in boxes.all():
            expect(box).to_be_visible()
        expect(page.get_by_role("checkbox", name=re.compile("^DACA"))).to_be_checked()
        context.close()


def test_on_a_wide_screen_the_filters_are_a_sidebar_open_without_a_click(page, site_url):
    page.set_viewport_size(WIDE)
    page.goto(site_url + "/resources/?type=faqs-explainers")

    expect(page.get_by_label("Search words")).to_be_visible()
    expect(page.get_by_role("checkbox", name=re.compile("^FAQs & Explainers"))).to_be_visible()
    expect(page.get_by_role("button", name="Show results")).to_be_visible()
    # Beside the results, on their left.
    sidebar = page.locator("details.library-filters").bounding_box()
    results = page.locator("#results-heading").bounding_box()
    assert sidebar["x"] + sidebar["width"] <= results["x"]
    assert abs(sidebar["y"] - results["y"]) < 50

    # Narrowed to a phone's width, the filters fold away, and come back when widened.
    page.set_viewport_size(PHONE)
    expect(page.get_by_label("Search words")).to_be_hidden()
    page.set_viewport_size(WIDE)
    expect(page.get_by_label("Search words")).to_be_visible()


def assert_no_wcag_violations(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
