import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from ilrc_site.models import HomePage, StandardPage
from programs.demo import PROGRAMS
from programs.models import ProgramPage, StoryPage
from publications.models import PolicyResourcePage, TopicPage
from tests.public_urls import public_pages

# The demo content with its Spanish site (tests/conftest.py).
DEMO_TRANSLATIONS = True

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
    assert HomePage.objects.in_language("en").count() == 1
    assert HomePage.objects.in_language("es").count() == 1
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_hero_image_is_a_real_image_with_alt_text(demo_site):
    image = demo_site.hero_image

    assert image.width > 1000
    assert image.default_alt_text == "People in a room holding American flags."


def test_demo_has_the_programs_stories_topics_policy_and_standard_pages(client, demo_site):
    programs = ProgramPage.objects.in_language("en").live().order_by("path")
    assert [(p.title, p.intro) for p in programs] == [(p["title"], p["intro"]) for p in PROGRAMS]
    assert [p.program.title for p in demo_site.featured_programs.all()] == [
        p["title"] for p in PROGRAMS
    ]
    cfp = programs.get(slug="collective-freedom-project")
    assert StoryPage.objects.child_of(cfp).live().count() == 3

    assert sorted(
        TopicPage.objects.in_language("en").live().values_list("topic__name", flat=True)
    ) == [
        "DACA",
        "Immigration Enforcement",
        "U Visa / T Visa / VAWA",
    ]

    policy = PolicyResourcePage.objects.in_language("en").get()
    assert policy.url == "/local-policy-interventions/"
    assert policy.resource_type.name == "Toolkit & Reports"
    examples = policy.examples.all()
    assert len(examples) >= 8
    assert len({example.area for example in examples}) >= 4
    assert all(example.source_url or example.source_document_id for example in examples)
    assert demo_site.featured_page.specific == policy
    assert demo_site.featured_image.default_alt_text == "People at protest holding signs."

    assert set(StandardPage.objects.in_language("en").live().values_list("slug", flat=True)) >= {
        "about",
        "contact",
    }

    # Every page of the demo site is served.
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_no_page_shows_template_syntax(client, demo_site):
    # A Django comment ({# ... #}) only works on one line: one spread over two lines is
    # sent to readers as text, with any tag in it run.
    for name, path in public_pages().items():
        text = client.get(path).content.decode()
        for syntax in ("{#", "#}", "{%", "%}", "{{", "}}"):
            assert syntax not in text, f"{name} ({path}) shows {syntax!r}"
