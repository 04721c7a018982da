import datetime

import pytest
from wagtail.models import PageViewRestriction

from publications.queries import latest_items
from tests.factories import PublicationPageFactory, resource_type

pytestmark = pytest.mark.django_db


def test_latest_items_are_newest_first_live_and_public(index):
    old = PublicationPageFactory(parent=index, date=datetime.date(2020, 1, 1))
    new = PublicationPageFactory(parent=index, date=datetime.date(2024, 1, 1))
    PublicationPageFactory(parent=index, date=datetime.date(2025, 1, 1), live=False)
    private = PublicationPageFactory(parent=index, date=datetime.date(2025, 2, 1))
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert [p.pk for p in latest_items()] == [new.pk, old.pk]


def test_latest_items_can_be_limited_to_types(index):
    comment = PublicationPageFactory(parent=index, resource_type=resource_type("public-comments"))
    PublicationPageFactory(parent=index, resource_type=resource_type("faqs-explainers"))

    assert [p.pk for p in latest_items(types=[resource_type("public-comments")])] == [comment.pk]


def test_latest_items_is_one_query_whatever_the_number(index, django_assert_num_queries):
    for n in range(8):
        PublicationPageFactory(parent=index, date=datetime.date(2020, 1, n + 1))

    with django_assert_num_queries(2):  # the items, and Wagtail's view-restriction lookup
        labels = [(p.title, p.resource_type.name) for p in latest_items(limit=6)]

    assert len(labels) == 6
