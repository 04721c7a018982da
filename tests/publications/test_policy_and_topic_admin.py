from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ilrc_site.demo.home import load_home
from publications.models import PolicyResourcePage, TopicPage
from tests.factories import (
    PolicyResourcePageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    TopicFactory,
    TopicPageFactory,
    resource_type,
)


def policy_example(**overrides):
    data = {
        "area": "detainers",
        "jurisdiction": "Santa Clara County, California",
        "year": "2011",
        "text": rich_text("<p>The County shall not honor a civil immigration detainer.</p>"),
        "source_title": "Board Policy 3.54",
        "source_url": "https://example.org/policy-3-54",
        "source_document": "",
    }
    data.update(overrides)
    return data


def policy_form(examples=None, **overrides):
    data = {
        "title": "Local Policy Interventions for Protecting Immigrants",
        "slug": "local-policy-interventions",
        "summary": "Examples of effective policy language.",
        "body": streamfield([("paragraph", rich_text("<p>How to use these examples.</p>"))]),
        "examples": inline_formset(examples if examples is not None else [policy_example()]),
        "date": "2022-06-14",
        "resource_type": resource_type("toolkits-reports").pk,
        "topics": "",
        "listing_image": "",
    }
    data.update(overrides)
    return nested_form_data(data)


class PolicyResourceAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.home = load_home()
        self.login()

    def test_an_editor_creates_the_policy_page_with_an_example(self):
        self.assertCanCreate(self.home, PolicyResourcePage, policy_form())

        page = PolicyResourcePage.objects.in_language("en").get()
        self.assertEqual(page.url, "/local-policy-interventions/")
        self.assertEqual(page.examples.get().jurisdiction, "Santa Clara County, California")
        self.assertContains(
            self.client.get(page.url), "The County shall not honor a civil immigration detainer."
        )

    def test_an_example_without_a_source_or_with_a_bad_year_is_refused(self):
        add_url = reverse(
            "wagtailadmin_pages:add", args=["publications", "policyresourcepage", self.home.pk]
        )
        data = policy_form(examples=[policy_example(source_url="", year="11")])

        response = self.client.post(add_url, {**data, "action-publish": "publish"})

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Give a link to the source or choose a document.")
        self.assertContains(response, "Ensure this value is greater than or equal to 1900.")
        self.assertFalse(PolicyResourcePage.objects.exists())

    def test_the_policy_page_edits_and_previews(self):
        page = PolicyResourcePageFactory(parent=self.home)

        self.assertPageIsEditable(page, post_data=policy_form())
        self.assertPageIsPreviewable(page, post_data=policy_form())


class TopicPageAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.home = load_home()
        self.index = PublicationIndexPageFactory(parent=self.home)
        self.daca = TopicFactory(name="DACA")
        self.login()

    def topic_form(self, **overrides):
        picked = PublicationPageFactory(parent=self.index, title="The DACA Final Rule")
        data = {
            "title": "DACA",
            "slug": "daca",
            "topic": self.daca.pk,
            "banner_image": "",
            "intro": "Deferred Action for Childhood Arrivals.",
            "popular_resources": inline_formset([{"item": picked.pk}]),
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_an_editor_creates_a_topic_page_with_popular_resources(self):
        self.assertCanCreate(self.home, TopicPage, self.topic_form())

        page = TopicPage.objects.in_language("en").get()
        self.assertEqual(page.topic, self.daca)
        popular = self.client.get(page.url).content.decode().split('id="popular-heading"')[1]
        self.assertIn("The DACA Final Rule", popular)

    def test_a_second_page_for_the_same_topic_is_refused(self):
        TopicPageFactory(parent=self.home, topic=self.daca)
        add_url = reverse(
            "wagtailadmin_pages:add", args=["publications", "topicpage", self.home.pk]
        )

        response = self.client.post(
            add_url, {**self.topic_form(slug="daca-2"), "action-publish": "publish"}
        )

        self.assertContains(response, "This topic has a page in this language already.")
        self.assertEqual(TopicPage.objects.count(), 1)

    def test_the_topic_page_edits_and_previews(self):
        page = TopicPageFactory(parent=self.home, topic=self.daca)

        self.assertPageIsEditable(page)
        self.assertPageIsPreviewable(page)
