import datetime

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ilrc_site.demo.home import load_home
from publications.models import PublicationPage, Topic
from tests.factories import (
    DocumentFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    TopicFactory,
    resource_type,
)


def publication_form(**overrides):
    data = {
        "title": "Asylum Screening FAQ",
        "slug": "asylum-screening-faq",
        "summary": "What the new fear-screening rule changes.",
        "body": streamfield([("paragraph", rich_text("<p>The rule in detail.</p>"))]),
        "downloads": inline_formset([]),
        "authors": "",
        "date": "2024-06-12",
        "resource_type": resource_type("faqs-explainers").pk,
        "topics": "Asylum",
        "listing_image": "",
        "last_updated": "",
        "related_items": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


class PublicationAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.index = PublicationIndexPageFactory(parent=load_home())
        self.asylum = TopicFactory(name="Asylum")
        self.user = self.login()

    def test_an_editor_creates_and_publishes_a_publication_with_a_download(self):
        document = DocumentFactory(title="Fear screening FAQ (PDF)")

        self.assertCanCreate(
            self.index,
            PublicationPage,
            publication_form(
                downloads=inline_formset([{"document": document.pk, "label": "", "language": "es"}])
            ),
        )

        page = PublicationPage.objects.in_language("en").get(slug="asylum-screening-faq")
        self.assertTrue(page.live)
        self.assertEqual(page.date, datetime.date(2024, 6, 12))
        self.assertEqual(list(page.topics.all()), [self.asylum])
        self.assertEqual(page.downloads.get().language, "es")
        response = self.client.get(page.url)
        self.assertContains(response, "Fear screening FAQ (PDF)")
        self.assertContains(response, 'hreflang="es"')

    def test_publishing_without_a_summary_is_refused_but_a_draft_saves(self):
        add_url = reverse(
            "wagtailadmin_pages:add", args=["publications", "publicationpage", self.index.pk]
        )
        data = publication_form(summary="")

        response = self.client.post(add_url, {**data, "action-publish": "publish"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required")
        self.assertFalse(PublicationPage.objects.exists())

        self.client.post(add_url, data)  # Save draft
        draft = PublicationPage.objects.in_language("en").get()
        self.assertFalse(draft.live)

    def test_editors_cannot_invent_topics(self):
        add_url = reverse(
            "wagtailadmin_pages:add", args=["publications", "publicationpage", self.index.pk]
        )

        self.client.post(
            add_url,
            {**publication_form(topics="Asylum, Made-up topic"), "action-publish": "publish"},
        )

        page = PublicationPage.objects.in_language("en").get()
        self.assertEqual([t.name for t in page.topics.all()], ["Asylum"])
        self.assertFalse(Topic.objects.filter(name="Made-up topic").exists())

    def test_every_library_page_type_previews(self):
        page = PublicationPageFactory(parent=self.index, topics=[self.asylum])
        # StreamField data is drawn by JavaScript, so the form data is given, not scraped.
        self.assertPageIsPreviewable(page, post_data=publication_form(slug=page.slug))
        self.assertPageIsPreviewable(self.index)
        self.assertPageIsEditable(page, post_data=publication_form(slug=page.slug))

    def test_preview_shows_unsaved_changes(self):
        page = PublicationPageFactory(parent=self.index)
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        data = publication_form(title="A title not yet saved", slug=page.slug)

        self.client.post(preview_url, data)
        response = self.client.get(preview_url)

        self.assertContains(response, "A title not yet saved")

    def test_admin_lists_publications_filtered_by_type(self):
        PublicationPageFactory(parent=self.index, title="An explainer")
        PublicationPageFactory(
            parent=self.index, title="A comment", resource_type=resource_type("public-comments")
        )
        url = reverse("publications:index")

        response = self.client.get(url, {"resource_type": resource_type("public-comments").pk})

        self.assertContains(response, "A comment")
        self.assertNotContains(response, "An explainer")

    def test_types_and_topics_have_searchable_snippet_listings(self):
        response = self.client.get(
            reverse("wagtailsnippets_publications_resourcetype:list"), {"q": "Advisories"}
        )
        self.assertContains(response, "Practice Advisories")
        self.assertNotContains(response, "Toolkit &amp; Reports")

        response = self.client.get(reverse("wagtailsnippets_publications_topic:list"))
        self.assertContains(response, "Asylum")
