"""Factories for the site's models, for tests that need more than the demo content."""

import datetime

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from programs.models import ProgramIndexPage, ProgramPage, StoryPage
from publications.models import (
    PolicyResourcePage,
    PublicationIndexPage,
    PublicationPage,
    ResourceType,
    Topic,
    TopicPage,
)

# A tiny but valid PDF.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class ImageFactory(wagtail_factories.ImageFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    description = "A test image"


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Guide {n}")
    file = factory.django.FileField(filename="guide.pdf", data=PDF_BYTES)
    file_size = len(PDF_BYTES)


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ResourceTypeFactory(DjangoModelFactory):
    class Meta:
        model = ResourceType
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Type {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


def resource_type(slug="faqs-explainers"):
    """One of the types the migrations seed."""
    return ResourceType.objects.get(slug=slug)


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PublicationIndexPage

    title = "Resources"
    slug = "resources"


class PublicationPageFactory(wagtail_factories.PageFactory):
    """PublicationPageFactory(parent=index, topics=[...], downloads=[...])."""

    class Meta:
        model = PublicationPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Publication {n}")
    date = datetime.date(2023, 5, 1)
    resource_type = factory.LazyFunction(resource_type)
    summary = factory.LazyAttribute(lambda o: f"What {o.title} is about.")

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        if extracted:
            page.topics.set(extracted)

    @factory.post_generation
    def downloads(page, create, extracted, **kwargs):
        for sort_order, document in enumerate(extracted or []):
            page.downloads.add(page.downloads.model(document=document, sort_order=sort_order))

    @classmethod
    def _after_postgeneration(cls, page, create, results=None):
        # Topics and downloads live in the page's cluster until the page is saved.
        if create:
            page.save()


class PolicyResourcePageFactory(wagtail_factories.PageFactory):
    """PolicyResourcePageFactory(parent=home, examples=[PolicyExample(...), ...])."""

    class Meta:
        model = PolicyResourcePage
        skip_postgeneration_save = True

    title = "Local Policy Interventions for Protecting Immigrants"
    slug = "local-policy-interventions"
    date = datetime.date(2022, 6, 14)
    resource_type = factory.LazyFunction(lambda: resource_type("toolkits-reports"))
    summary = "Examples of effective policy language localities can use."

    @factory.post_generation
    def examples(page, create, extracted, **kwargs):
        # In the order given, as an editor's inline panel would number them.
        for sort_order, example in enumerate(extracted or []):
            example.sort_order = sort_order
            page.examples.add(example)

    @classmethod
    def _after_postgeneration(cls, page, create, results=None):
        if create:
            page.save()


class TopicPageFactory(wagtail_factories.PageFactory):
    """TopicPageFactory(parent=home, topic=topic, popular=[item, ...])."""

    class Meta:
        model = TopicPage
        skip_postgeneration_save = True

    topic = factory.SubFactory(TopicFactory)
    title = factory.LazyAttribute(lambda o: o.topic.name)
    slug = factory.LazyAttribute(lambda o: o.topic.slug)

    @factory.post_generation
    def popular(page, create, extracted, **kwargs):
        for sort_order, item in enumerate(extracted or []):
            page.popular_resources.add(
                page.popular_resources.model(item=item, sort_order=sort_order)
            )

    @classmethod
    def _after_postgeneration(cls, page, create, results=None):
        if create:
            page.save()


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgramIndexPage

    title = "Projects and Networks"
    slug = "programs"


class ProgramPageFactory(wagtail_factories.PageFactory):
    """ProgramPageFactory(parent=programs, topics=[...], partners=[("Name", "https://...")])."""

    class Meta:
        model = ProgramPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Program {n}")
    intro = factory.LazyAttribute(lambda o: f"What {o.title} does.")

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        if extracted:
            page.topics.set(extracted)

    @factory.post_generation
    def partners(page, create, extracted, **kwargs):
        for sort_order, (name, url) in enumerate(extracted or []):
            page.partners.add(page.partners.model(name=name, url=url, sort_order=sort_order))

    @classmethod
    def _after_postgeneration(cls, page, create, results=None):
        if create:
            page.save()


class StoryPageFactory(wagtail_factories.PageFactory):
    """StoryPageFactory(parent=program); its type is always "Stories"."""

    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Story {n}")
    place = "Santa Ana, California"
    date = datetime.date(2023, 5, 1)
    summary = factory.LazyAttribute(lambda o: f"How {o.title} was won.")


def staff_user(role, username=None):
    """A user in one of the staff groups ("Editors", "Moderators", "Administrators")."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    username = username or role.lower().rstrip("s")
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "not-a-real-password", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=role))
    return user
