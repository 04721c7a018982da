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


class ClusterPageFactory(wagtail_factories.PageFactory):
    """A page factory whose child relations (topics, downloads, examples...) are given as
    lists and set in the page's cluster before its first save, so that the page is saved,
    indexed for search and referenced once, not a second time to store them."""

    class Meta:
        abstract = True

    # The keyword arguments that name child relations, and how to set them.
    _relations = ()

    @staticmethod
    def _add_relations(page, **relations):
        raise NotImplementedError

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        relations = {name: kwargs.pop(name) for name in cls._relations if name in kwargs}
        page = model_class(**kwargs)
        cls._add_relations(page, **relations)
        parent.add_child(instance=page)
        return page


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PublicationIndexPage

    title = "Resources"
    slug = "resources"


class PublicationPageFactory(ClusterPageFactory):
    """PublicationPageFactory(parent=index, topics=[...], downloads=[...])."""

    class Meta:
        model = PublicationPage

    title = factory.Sequence(lambda n: f"Publication {n}")
    date = datetime.date(2023, 5, 1)
    resource_type = factory.LazyFunction(resource_type)
    summary = factory.LazyAttribute(lambda o: f"What {o.title} is about.")
    topics = ()
    downloads = ()
    _relations = ("topics", "downloads")

    @staticmethod
    def _add_relations(page, topics, downloads):
        page.topics.set(topics)
        for sort_order, document in enumerate(downloads):
            page.downloads.add(page.downloads.model(document=document, sort_order=sort_order))


class PolicyResourcePageFactory(ClusterPageFactory):
    """PolicyResourcePageFactory(parent=home, examples=[PolicyExample(...), ...])."""

    class Meta:
        model = PolicyResourcePage

    title = "Local Policy Interventions for Protecting Immigrants"
    slug = "local-policy-interventions"
    date = datetime.date(2022, 6, 14)
    resource_type = factory.LazyFunction(lambda: resource_type("toolkits-reports"))
    summary = "Examples of effective policy language localities can use."

    examples = ()
    _relations = ("examples",)

    @staticmethod
    def _add_relations(page, examples):
        # In the order given, as an editor's inline panel would number them.
        for sort_order, example in enumerate(examples):
            example.sort_order = sort_order
            page.examples.add(example)


class TopicPageFactory(ClusterPageFactory):
    """TopicPageFactory(parent=home, topic=topic, popular=[item, ...])."""

    class Meta:
        model = TopicPage

    topic = factory.SubFactory(TopicFactory)
    title = factory.LazyAttribute(lambda o: o.topic.name)
    slug = factory.LazyAttribute(lambda o: o.topic.slug)

    popular = ()
    _relations = ("popular",)

    @staticmethod
    def _add_relations(page, popular):
        for sort_order, item in enumerate(popular):
            page.popular_resources.add(
                page.popular_resources.model(item=item, sort_order=sort_order)
            )


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgramIndexPage

    title = "Projects and Networks"
    slug = "programs"


class ProgramPageFactory(ClusterPageFactory):
    """ProgramPageFactory(parent=programs, topics=[...], partners=[("Name", "https://...")])."""

    class Meta:
        model = ProgramPage

    title = factory.Sequence(lambda n: f"Program {n}")
    intro = factory.LazyAttribute(lambda o: f"What {o.title} does.")

    topics = ()
    partners = ()
    _relations = ("topics", "partners")

    @staticmethod
    def _add_relations(page, topics, partners):
        page.topics.set(topics)
        for sort_order, (name, url) in enumerate(partners):
            page.partners.add(page.partners.model(name=name, url=url, sort_order=sort_order))


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
