import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from ilrc_site.models import HomePage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "sites": Site.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_load_demo_content_twice_changes_nothing_the_second_time(demo_site):
    first = counts()
    call_command("load_demo_content", stdout=None)

    assert counts() == first


def test_demo_site_serves_the_home_page_at_the_root(demo_site):
    site = Site.objects.get(is_default_site=True)

    assert site.root_page.specific == demo_site
    assert HomePage.objects.count() == 1
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_hero_image_is_a_real_image_with_alt_text(demo_site):
    image = demo_site.hero_image

    assert image.width > 1000
    assert image.default_alt_text == "People in a room holding American flags."
