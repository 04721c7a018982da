"""The home page and the Site, from the organisation's home page text."""

from pathlib import Path

from wagtail.models import Page, Site

from ilrc_site.models import HomePage
from publications.demo import get_or_create_image, publish

IMAGES = Path(__file__).parent / "images"

ORGANISATION = "Immigrant Legal Resource Center"
TAGLINE = (
    "Working with and educating immigrants, community organizations, and the legal "
    "sector to help build a democratic society that values diversity and the rights "
    "of all people"
)
HERO_ALT = "People in a room holding American flags."


def load_home():
    """Create the home page as the default site's root; leave an existing one alone."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's installation leaves a placeholder "Welcome" page where the home
        # page belongs; its Site goes with it and is recreated below.
        for placeholder in root.get_children().filter(slug="home"):
            placeholder.delete()
        hero = get_or_create_image(IMAGES / "people-with-flags.jpg", "People with flags", HERO_ALT)
        home = HomePage(
            title="Home",
            slug="home",
            hero_heading=ORGANISATION,
            hero_tagline=TAGLINE,
            hero_image=hero,
            search_description=TAGLINE,
        )
        root.add_child(instance=home)
        publish(home)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            site_name=ORGANISATION,
            root_page=home,
            is_default_site=True,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home
