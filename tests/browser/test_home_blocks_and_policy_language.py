import re

from playwright.sync_api import expect

from programs.demo import PROGRAMS
from publications.demo_policy import EXAMPLES

DACA_RULE = "Community Explainer: The DACA Final Rule and What It Means for You"


def test_visitor_sees_the_four_blocks_and_follows_a_latest_item(page, site_url):
    page.goto(site_url + "/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Immigrant Legal Resource Center")
    expect(page.get_by_role("img", name="People in a room holding American flags.")).to_be_visible()

    featured = page.get_by_role(
        "region", name="Local Policy Interventions for Protecting Immigrants"
    )
    image = featured.get_by_role("img", name="People at protest holding signs.")
    image.scroll_into_view_if_needed()
    expect(image).to_be_visible()
    # Lazy-loaded, then decoded from one of the rendition sources.
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    expect(featured).to_contain_text("Local policies are the main drivers of policing")

    programs = page.get_by_role("region", name="Projects and Networks")
    expect(programs.get_by_role("heading", level=3)).to_have_text([p["title"] for p in PROGRAMS])

    latest = page.get_by_role("region", name="Latest Items")
    expect(latest.get_by_role("article")).to_have_count(6)
    expect(latest.locator("time").first).to_have_attribute("datetime", "2024-08-20")
    latest.get_by_role("link", name=DACA_RULE).click()

    expect(page).to_have_url(re.compile(r"/resources/community-explainer-the-daca-final-rule"))
    expect(page.get_by_role("heading", level=1)).to_have_text(DACA_RULE)

    # The PDF downloads as a PDF.
    downloads = page.get_by_role("region", name="Downloads")
    with page.expect_download() as download_info:
        downloads.get_by_role("link").first.click(modifiers=["Alt"])  # Alt-click saves
    assert download_info.value.path().read_bytes().startswith(b"%PDF-")

    # A topic link leads to the library filtered by that topic.
    page.get_by_role("region", name="Topics").get_by_role("link", name="DACA").click()
    expect(page).to_have_url(re.compile(r"/resources/\?topic=daca$"))
    expect(page.get_by_role("checkbox", name=re.compile(r"^DACA"))).to_be_checked()
    expect(page.locator("article").first).to_be_visible()


def test_visitor_filters_policy_language_by_area_and_copies_it(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(site_url + "/local-policy-interventions/")
    examples = page.locator("article.policy-example")
    expect(examples).to_have_count(len(EXAMPLES))

    areas = page.get_by_role("navigation", name="Filter examples by policy area")
    areas.get_by_role("link", name=re.compile(r"^Data sharing")).click()

    expect(page).to_have_url(re.compile(r"\?area=data-sharing#examples$"))
    expect(examples).to_have_count(2)
    expect(areas.get_by_role("link", name=re.compile(r"^Data sharing"))).to_have_attribute(
        "aria-current", "true"
    )
    first = examples.first
    expect(first.get_by_role("heading", level=3)).to_have_text("State of New York, 2019")

    first.get_by_role("button", name="Copy language from State of New York, 2019").click()

    expect(first.get_by_role("status")).to_have_text("Copied to the clipboard.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("The commissioner shall not disclose or make accessible")
    assert copied.endswith("signed by a judge.")


def test_without_javascript_the_language_is_plain_text_and_no_button_shows(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/local-policy-interventions/?area=funding")

    expect(page.locator("blockquote.policy-language")).to_have_count(2)
    expect(page.locator("blockquote.policy-language").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Copy language"))).to_have_count(0)
    context.close()
