from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from ilrc_site.demo.home import load_home
from ilrc_site.models import HomePage, StandardPage


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
        page = StandardPage.objects.get(slug="about")
        self.assertTrue(page.live)
        response = self.client.get("/about/")
        self.assertContains(response, "<h2>Our history</h2>", html=True)

    def test_home_page_is_editable_and_previewable(self):
        self.assertPageIsEditable(self.home)
        self.assertPageIsPreviewable(self.home)
