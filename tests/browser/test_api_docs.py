"""The API's documentation page works in a browser, within the site's
Content-Security-Policy."""

from playwright.sync_api import expect

from tests.browser.test_security import watch


def test_the_api_documentation_lists_and_runs_the_operations(page, site_url):
    seen = watch(page)
    page.goto(site_url + "/api/v1/docs")

    items = page.locator(".opblock-summary", has_text="/api/v1/items/").first
    expect(items).to_be_visible()
    for path in ["/api/v1/items/{item_id}/", "/api/v1/types/", "/api/v1/topics/"]:
        expect(page.locator(".opblock-summary-path", has_text=path).first).to_be_visible()

    # Tried out from the page: the answer is the library's, fetched within the policy.
    page.locator(".opblock-summary", has_text="/api/v1/types/").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_contain_text(
        "200"
    )
    expect(page.locator(".live-responses-table")).to_contain_text("faqs-explainers")
    assert seen == {"violations": [], "dialogs": []}
