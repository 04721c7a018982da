from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ilrc_site.demo.home import load_home
from programs.models import ProgramPage, StoryPage
from tests.factories import (
    ProgramIndexPageFactory,
    ProgramPageFactory,
    PublicationIndexPageFactory,
    StoryPageFactory,
    TopicFactory,
    resource_type,
)


def program_form(**overrides):
    data = {
        "title": "New Americans Campaign",
        "slug": "new-americans-campaign",
        "acronym": "NAC",
        "website": "https://newamericanscampaign.org",
        "image": "",
        "intro": "A national network paving a better road to citizenship.",
        "body": streamfield([("paragraph", rich_text("<p>Naturalization workshops.</p>"))]),
        "partners": inline_formset(
            [{"name": "NALEO Educational Fund", "url": "https://www.naleo.org", "logo": ""}]
        ),
    }
    data.update(overrides)
    return data


def story_form(**overrides):
    data = {
        "title": "Santa Ana Closes Its Detention Contract",
        "slug": "santa-ana",
        "place": "Santa Ana, California",
        "summary": "How residents ended the city's jail contract with ICE.",
        "body": streamfield([("paragraph", rich_text("<p>For more than a decade...</p>"))]),
        "date": "2021-05-18",
        "topics": "",
        "listing_image": "",
    }
    data.update(overrides)
    return data


class ProgramAdminTests(WagtailPageTestCase):
    def setUp(self):
        home = load_home()
        PublicationIndexPageFactory(parent=home)
        self.programs = ProgramIndexPageFactory(parent=home)
        self.citizenship = TopicFactory(name="Citizenship and Naturalization")
        self.login()

    def test_an_editor_creates_a_program_with_topics_and_partners(self):
        data = nested_form_data(program_form())
        data["topics"] = [str(self.citizenship.pk)]

        self.assertCanCreate(self.programs, ProgramPage, data)

        program = ProgramPage.objects.in_language("en").get(slug="new-americans-campaign")
        self.assertTrue(program.live)
        self.assertEqual(list(program.topics.all()), [self.citizenship])
        self.assertEqual(program.partners.get().name, "NALEO Educational Fund")
        response = self.client.get(program.url)
        self.assertContains(response, "Naturalization workshops.")
        self.assertContains(response, '<a href="/resources/?topic=citizenship-and-naturalization">')

    def test_an_editor_creates_a_story_without_choosing_its_type(self):
        program = ProgramPageFactory(parent=self.programs)

        self.assertCanCreate(program, StoryPage, nested_form_data(story_form()))

        story = StoryPage.objects.in_language("en").get(slug="santa-ana")
        self.assertTrue(story.live)
        self.assertEqual(story.resource_type, resource_type("stories"))
        self.assertContains(self.client.get(story.url), "Santa Ana, California")

    def test_program_and_story_pages_edit_and_preview(self):
        program = ProgramPageFactory(parent=self.programs)
        story = StoryPageFactory(parent=program)
        program_data = nested_form_data(program_form(slug=program.slug))
        story_data = nested_form_data(story_form(slug=story.slug))

        self.assertPageIsEditable(program, post_data=program_data)
        self.assertPageIsPreviewable(program, post_data=program_data)
        self.assertPageIsEditable(story, post_data=story_data)
        self.assertPageIsPreviewable(story, post_data=story_data)
        self.assertPageIsPreviewable(self.programs)
