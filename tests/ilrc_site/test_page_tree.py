from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from ilrc_site.demo.home import load_home
from ilrc_site.models import HomePage, StandardPage
from programs.models import ProgramIndexPage, ProgramPage, StoryPage
from publications.models import (
    PolicyResourcePage,
    PublicationIndexPage,
    PublicationPage,
    TopicPage,
)
from tests.factories import (
    PolicyResourcePageFactory,
    ProgramIndexPageFactory,
    PublicationIndexPageFactory,
)


class PageTreeTests(WagtailPageTestCase):
    def setUp(self):
        self.home = load_home()
        self.login()

    def test_standard_pages_belong_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_there_is_only_one_home_page(self):
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_an_editor_creates_and_publishes_a_standard_page_in_the_admin(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "About us",
                    "slug": "about",
                    "intro": "Who we are.",
                    "body": streamfield([("heading", {"text": "Our history", "level": "h2"})]),
                }
            ),
        )
        page = StandardPage.objects.in_language("en").get(slug="about")
        self.assertTrue(page.live)
        response = self.client.get("/about/")
        self.assertContains(response, "<h2>Our history</h2>", html=True)

    def test_home_page_is_editable_and_previewable(self):
        self.assertPageIsEditable(self.home)
        self.assertPageIsPreviewable(self.home)


class WhereEachPageTypeBelongsTests(WagtailPageTestCase):
    """Every page type can be created only where the templates expect it."""

    def test_home_page_children(self):
        for child in (
            StandardPage,
            PublicationIndexPage,
            PolicyResourcePage,
            TopicPage,
            ProgramIndexPage,
        ):
            self.assertCanCreateAt(HomePage, child)
        for child in (PublicationPage, ProgramPage, StoryPage, HomePage):
            self.assertCanNotCreateAt(HomePage, child)

    def test_programs_live_under_the_program_index_and_stories_under_a_program(self):
        self.assertCanCreateAt(ProgramIndexPage, ProgramPage)
        self.assertCanCreateAt(ProgramPage, StoryPage)
        self.assertCanNotCreateAt(ProgramIndexPage, StoryPage)
        self.assertCanNotCreateAt(StandardPage, ProgramPage)
        self.assertCanNotCreateAt(PublicationIndexPage, StoryPage)
        self.assertCanNotCreateAt(StoryPage, StoryPage)
        self.assertCanNotCreateAt(ProgramPage, ProgramPage)

    def test_leaf_pages_have_no_children(self):
        for parent in (PolicyResourcePage, TopicPage, StoryPage, PublicationPage):
            for child in (StandardPage, PublicationPage, StoryPage, TopicPage, ProgramPage):
                self.assertCanNotCreateAt(parent, child)

    def test_singletons_cannot_be_created_twice(self):
        home = load_home()
        ProgramIndexPageFactory(parent=home)
        PolicyResourcePageFactory(parent=home)
        PublicationIndexPageFactory(parent=home)

        for singleton in (ProgramIndexPage, PolicyResourcePage, PublicationIndexPage):
            self.assertFalse(singleton.can_create_at(home), singleton)
        # Topic pages are not singletons: one per topic.
        self.assertTrue(TopicPage.can_create_at(home))
