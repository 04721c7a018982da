import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from ilrc_site.models import HomePage, StandardPage
from publications.models import (
    DatedPage,
    PublicationIndexPage,
    PublicationPage,
    ResourceType,
)
from tests.factories import ImageFactory, PublicationPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_the_organisations_types_are_seeded_in_order():
    assert list(ResourceType.objects.values_list("name", flat=True)) == [
        "Toolkit & Reports",
        "FAQs & Explainers",
        "Public Comments / Sign-on Letters",
        "Practice Advisories",
        "Community Explainers",
        "Newsletters & Annual Reports",
        "Stories",
    ]


def test_a_type_in_use_cannot_be_deleted(index):
    page = PublicationPageFactory(parent=index)

    with pytest.raises(ProtectedError):
        page.resource_type.delete()


def test_the_admin_explains_why_a_type_in_use_cannot_be_deleted(index, admin_client):
    page = PublicationPageFactory(parent=index)
    url = reverse("wagtailsnippets_publications_resourcetype:delete", args=[page.resource_type.pk])

    response = admin_client.get(url)
    assert "prevent it from being deleted" in response.content.decode()
    assert "Yes, delete" not in response.content.decode()

    # Wagtail answers a refused action with a redirect to the dashboard and a message.
    response = admin_client.post(url)
    assert response.status_code == 302
    assert ResourceType.objects.filter(pk=page.resource_type.pk).exists()


def test_an_unused_type_can_be_deleted(admin_client):
    unused = ResourceType.objects.create(name="Webinars", slug="webinars", sort_order=9)

    admin_client.post(reverse("wagtailsnippets_publications_resourcetype:delete", args=[unused.pk]))

    assert not ResourceType.objects.filter(slug="webinars").exists()


def test_date_defaults_to_today_and_summary_is_required(index):
    page = PublicationPage(title="Untitled", slug="untitled")

    assert page.date == timezone.localdate()
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "summary" in error.value.message_dict
    assert "resource_type" in error.value.message_dict


def test_summary_length_is_bounded(index):
    page = PublicationPageFactory(parent=index)
    page.summary = "x" * 801

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "summary" in error.value.message_dict


def test_listing_image_needs_alt_text(index):
    page = PublicationPageFactory(parent=index)
    page.listing_image = ImageFactory(description="")

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "no alt text" in str(error.value.message_dict["listing_image"])

    page.listing_image = ImageFactory(description="Advocates at a training")
    page.full_clean()


def test_one_query_lists_any_mix_of_dated_items_with_their_type(index, django_assert_num_queries):
    for n in range(5):
        PublicationPageFactory(parent=index, date=datetime.date(2020 + n, 1, 1))

    with django_assert_num_queries(1):
        items = list(
            DatedPage.objects.in_language("en")
            .live()
            .select_related("resource_type")
            .order_by("-date")
        )
        labels = [(item.title, item.resource_type.name) for item in items]

    assert len(labels) == 5
    assert items[0].date == datetime.date(2024, 1, 1)


def test_topics_are_curated_not_free_tags():
    assert PublicationPage.topics.through.tag_model().free_tagging is False
    TopicFactory(name="DACA")


def test_dated_page_is_a_base_not_a_page_editors_create():
    assert not DatedPage.is_creatable


class TestPageTree:
    def test_publications_live_only_under_the_library(self):
        assert PublicationPage.allowed_parent_page_models() == [PublicationIndexPage]
        assert PublicationPage.creatable_subpage_models() == []

    def test_the_library_lives_only_under_the_home_page(self):
        assert PublicationIndexPage.allowed_parent_page_models() == [HomePage]
        assert PublicationIndexPage in HomePage.creatable_subpage_models()
        assert PublicationIndexPage not in StandardPage.creatable_subpage_models()

    def test_there_is_one_library(self, index):
        assert not PublicationIndexPage.can_create_at(index.get_parent())
