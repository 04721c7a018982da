"""The home page, its blocks and the Site, from the organisation's home page text."""

from pathlib import Path

from wagtail.models import Page, Site

from base.demo import get_or_create_image, publish
from ilrc_site.models import HomePage, HomeProgram

IMAGES = Path(__file__).parent / "images"

ORGANISATION = "Immigrant Legal Resource Center"
TAGLINE = (
    "Working with and educating immigrants, community organizations, and the legal "
    "sector to help build a democratic society that values diversity and the rights "
    "of all people"
)
HERO_ALT = "People in a room holding American flags."
FEATURED_ALT = "People at protest holding signs."
FEATURED_TITLE = "Local Policy Interventions for Protecting Immigrants"
FEATURED_TEASER = (
    "Local policies are the main drivers of policing, prosecution, and the deportation "
    "machine. This resource provides examples of effective policy language localities can "
    "use to protect community members."
)


def hero_image():
    return get_or_create_image(IMAGES / "people-with-flags.jpg", "People with flags", HERO_ALT)


def protest_image():
    return get_or_create_image(
        IMAGES / "protest-signs.jpg", "People at protest holding signs", FEATURED_ALT
    )


def load_home():
    """Create the home page as the default site's root; leave an existing one alone."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's installation leaves a placeholder "Welcome" page where the home
        # page belongs; its Site goes with it and is recreated below.
        for placeholder in root.get_children().filter(slug="home"):
            placeholder.delete()
        hero = hero_image()
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


def load_home_blocks(home, featured, programs):
    """Fill the home page's featured resource and programs, once: editors' changes stay."""
    if home.featured_page_id or home.featured_programs.exists():
        return home
    home.featured_page = featured
    home.featured_title = FEATURED_TITLE
    home.featured_teaser = FEATURED_TEASER
    home.featured_image = protest_image()
    home.featured_programs = [
        HomeProgram(program=program, sort_order=order) for order, program in enumerate(programs)
    ]
    return publish(home)
