from playwright.sync_api import expect


def test_visitor_sees_the_hero_in_a_real_browser(page, site_url):
    page.goto(site_url + "/")

    expect(page.locator("h1")).to_have_text("Immigrant Legal Resource Center")
    hero = page.get_by_role("img", name="People in a room holding American flags.")
    expect(hero).to_be_visible()
    # The browser picked and decoded one of the rendition sources.
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", hero.element_handle())


def test_skip_link_is_the_first_stop_for_keyboard_users(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")

    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
