"""The API's OpenAPI schema: valid, and true of a live server with the demo content,
whatever schemathesis sends it."""

import pytest
import requests
import schemathesis
from bs4 import BeautifulSoup
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

# The demo content with its Spanish site (tests/conftest.py): `lang=es` has items too.
DEMO_TRANSLATIONS = True


@pytest.fixture
def api_schema(site_url):
    return schemathesis.openapi.from_url(f"{site_url}/api/v1/openapi.json")


def test_the_schema_is_valid_openapi(site_url):
    document = requests.get(f"{site_url}/api/v1/openapi.json", timeout=10).json()
    validate(document)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/items/",
        "/api/v1/items/{item_id}/",
        "/api/v1/types/",
        "/api/v1/topics/",
    }
    # The library's parameters, described though django-ninja does not parse them.
    names = [p["name"] for p in document["paths"]["/api/v1/items/"]["get"]["parameters"]]
    assert names == ["q", "type", "topic", "date_from", "date_to", "sort", "page", "lang"]


# Far above what schemathesis sends: the rate limit has its own test.
@override_settings(API_RATE_LIMIT=100_000)
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_input_gives_a_server_error_or_an_answer_outside_the_schema(api_schema, mode):
    # Each operation in turn, with Hypothesis driving schemathesis's strategies
    # (schemathesis's own pytest loader does not run under this pytest).
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 4
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
        def answers_within_the_schema(case):
            case.call_and_validate(
                checks=[
                    not_a_server_error,
                    status_code_conformance,
                    content_type_conformance,
                    response_schema_conformance,
                ]
            )

        answers_within_the_schema()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    "query",
    ["", "type=faqs-explainers", "topic=daca&sort=oldest", "q=asilo", "date_from=2020&page=2"],
)
def test_the_spanish_library_and_its_api_give_the_same_items(site_url, query):
    page = requests.get(f"{site_url}/es/recursos/?{query}", timeout=10)
    answer = requests.get(f"{site_url}/api/v1/items/?lang=es&{query}", timeout=10)

    assert answer.status_code == page.status_code
    assert answer.headers["Content-Language"] == "es"
    if page.status_code == 200:
        shown = [h.get_text(strip=True) for h in soup(page).select(".result-list .card-title")]
        assert [item["title"] for item in answer.json()["results"]] == shown
        assert all(item["language"] == "es" for item in answer.json()["results"])


def test_messages_come_in_the_language_asked_for(site_url):
    answer = requests.get(f"{site_url}/api/v1/items/?lang=es&date_from=2023-02-30", timeout=10)
    assert answer.json() == {"errors": {"date_from": ["2023-02-30 no es una fecha válida."]}}
