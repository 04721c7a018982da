"""Bad input to the library: the form again with a message next to the field, HTTP 400."""

import datetime

import pytest
from django.utils import timezone

from publications.filters import LibraryFilterForm, Period
from tests.factories import PublicationPageFactory, TopicFactory

from .library import field_error, soup

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.localdate().year + 1


@pytest.fixture
def library(index):
    TopicFactory(name="DACA", slug="daca")
    PublicationPageFactory(parent=index, title="An explainer")
    return index


@pytest.mark.parametrize(
    "query, field, message",
    [
        ("type=nope", "type", "There is no type “nope”. Choose from the list."),
        ("type=faqs-explainers&type=nope", "type", "There is no type “nope”."),
        ("topic=no-such-topic", "topic", "There is no topic “no-such-topic”."),
        ("date_from=2023-13-45", "date_from", "2023-13-45 is not a real date."),
        ("date_to=2023-02-30", "date_to", "2023-02-30 is not a real date."),
        ("date_from=2023-00", "date_from", "2023-00 is not a real date."),
        ("date_from=yesterday", "date_from", "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date_from=23", "date_from", "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date_from=2023/05/01", "date_from", "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date_from=%D9%A2%D9%A0%D9%A2%D9%A3", "date_from", "Enter a date as YYYY"),
        ("date_from=1899-12-31", "date_from", f"Enter a year from 1900 to {NEXT_YEAR}."),
        ("date_to=0000", "date_to", f"Enter a year from 1900 to {NEXT_YEAR}."),
        (f"date_to={NEXT_YEAR + 1}", "date_to", f"Enter a year from 1900 to {NEXT_YEAR}."),
        ("page=abc", "page", "The page must be a whole number, such as 2."),
        ("page=1.5", "page", "The page must be a whole number, such as 2."),
        ("page=0", "page", "The page must be 1 or more."),
        ("page=-3", "page", "The page must be 1 or more."),
        ("page=" + "9" * 5000, "page", "The page must be a whole number"),
        ("q=" + "x" * 201, "q", "Use at most 200 characters (you used 201)."),
        ("q=%22%2B%2D%2A", "q", "Search with words or numbers."),
        ("q=a%00b", "q", "Null characters are not allowed."),
        ("sort=best", "sort", "Sort by newest, oldest or relevance."),
        ("q=visa&q=daca", "q", "Give this only once."),
        ("page=1&page=2", "page", "Give this only once."),
        ("date_from=2020&date_from=2021", "date_from", "Give this only once."),
        ("sort=newest&sort=oldest", "sort", "Give this only once."),
    ],
)
def test_bad_input_shows_the_form_with_a_message_and_400(client, library, query, field, message):
    response = client.get(f"/resources/?{query}")

    assert response.status_code == 400
    assert message in field_error(response, field)
    page = soup(response)
    # The summary at the top links to the field; the field is marked invalid.
    assert page.select_one(".error-summary").find(string=lambda s: message in s)
    target = page.select_one(".error-summary a")["href"]
    assert page.select_one(target) is not None
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not page.select(".result-list")


def test_every_bad_parameter_gets_its_own_message(client, library):
    response = client.get("/resources/?type=nope&date_from=2023-13-45&page=x&sort=up")

    assert response.status_code == 400
    for field in ["type", "date_from", "page", "sort"]:
        assert field_error(response, field)
    assert len(soup(response).select(".error-summary li")) == 4


def test_values_are_kept_in_the_form_after_an_error(client, library):
    page = soup(client.get("/resources/?type=faqs-explainers&topic=daca&q=visa&date_to=2023-13"))

    assert page.select_one("#type-faqs-explainers").has_attr("checked")
    assert page.select_one("#topic-daca").has_attr("checked")
    assert page.select_one("#id_q")["value"] == "visa"
    assert page.select_one("#id_date_to")["value"] == "2023-13"
    assert page.select_one("#id_date_to")["aria-invalid"] == "true"


def test_blank_and_repeated_values_are_harmless(client, library):
    response = client.get(
        "/resources/?q=&type=&type=faqs-explainers&type=faqs-explainers&date_from=&sort=&page="
    )

    assert response.status_code == 200


class TestPeriods:
    def form(self, **data):
        form = LibraryFilterForm(data, types=[], topics=[])
        assert form.is_valid(), form.errors
        return form.cleaned_data

    def test_a_day_a_month_and_a_year(self):
        D = datetime.date
        assert self.form(date_from="2024-02-29")["date_from"] == Period(
            D(2024, 2, 29), D(2024, 2, 29), "2024-02-29"
        )
        assert self.form(date_to="2024-02")["date_to"] == Period(
            D(2024, 2, 1), D(2024, 2, 29), "2024-02"
        )
        assert self.form(date_to="2023")["date_to"] == Period(
            D(2023, 1, 1), D(2023, 12, 31), "2023"
        )

    def test_the_bounds_are_1900_and_next_year(self):
        assert self.form(date_from="1900-01-01")["date_from"].first == datetime.date(1900, 1, 1)
        assert self.form(date_to=str(NEXT_YEAR))["date_to"].last.year == NEXT_YEAR

    def test_a_reversed_range_is_swapped(self):
        data = self.form(date_from="2024-06", date_to="2020")
        assert data["date_from"].text == "2020"
        assert data["date_to"].text == "2024-06"

    def test_surrounding_spaces_are_ignored(self):
        assert self.form(date_from=" 2020 ", q="  u   visa ")["q"] == "u visa"
