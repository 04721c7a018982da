"""The library's public JSON API at /api/v1/: the same items as the library's page, the
same checks, HTTP validators, CORS, the rate limit and privacy."""

import datetime
import random
from urllib.parse import urlencode

import pytest
import redis
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from base.cache import changed
from tests.factories import (
    DocumentFactory,
    PublicationPageFactory,
    TopicFactory,
    resource_type,
)
from tests.query_counts import QueryCounts, count_queries
from tests.shared_cache import redis_test_cache

from .library import field_error, result_count, titles
from .test_library_listing import LISTING_QUERIES

pytestmark = pytest.mark.django_db

D = datetime.date
TYPES = ["faqs-explainers", "public-comments", "practice-advisories"]
TOPICS = ["daca", "asylum", "tps", "u-visas"]
WORDS = ["renewal", "asylum", "advisory", "comment", "explainer", "rule"]


@pytest.fixture
def topics(db):
    return {slug: TopicFactory(name=slug.upper(), slug=slug) for slug in TOPICS}


@pytest.fixture
def library(index, topics):
    """Thirty items over three types, four topics, seven years and a few words, so that
    filters, sorts and pages give many different answers."""
    chance = random.Random(18)
    for n in range(30):
        words = chance.sample(WORDS, 2)
        PublicationPageFactory(
            parent=index,
            title=f"{words[0].capitalize()} {words[1]} {n}",
            summary=f"About {' and '.join(words)}.",
            resource_type=resource_type(TYPES[n % 3]),
            date=D(2018 + n % 7, 1 + n % 12, 1 + n % 28),
            topics=[topics[slug] for slug in chance.sample(TOPICS, n % 3)],
        )
    return index


def api(client, path="items/", params=None, **environ):
    """GET /api/v1/`path` with query `params`; `environ`: WSGI variables (HTTP_ORIGIN...)."""
    return client.get(f"/api/v1/{path}", params or {}, **environ)


def random_filters(chance):
    """A combination of the library's parameters, now and then a bad one."""
    params = []
    for name, choices in [("type", TYPES), ("topic", TOPICS)]:
        params += [(name, slug) for slug in chance.sample(choices, chance.choice([0, 0, 1, 2]))]
    if chance.random() < 0.3:
        params.append(("q", chance.choice(WORDS)))
    if chance.random() < 0.4:
        params.append(("date_from", chance.choice(["2019", "2020-06", "2021-02-03"])))
    if chance.random() < 0.3:
        params.append(("date_to", chance.choice(["2022", "2023-13", "2020-01-31"])))
    if chance.random() < 0.4:
        params.append(("sort", chance.choice(["newest", "oldest", "relevance", "best"])))
    if chance.random() < 0.3:
        params.append(("page", chance.choice(["1", "2", "0", "x"])))
    if chance.random() < 0.1:
        params.append(("type", "no-such-type"))
    return params


def test_random_filters_give_the_library_pages_items_in_its_order(client, library):
    chance = random.Random(4)
    seen_statuses = set()
    for _ in range(60):
        params = random_filters(chance)
        query = urlencode(params)
        page = client.get(f"/resources/?{query}")
        answer = client.get(f"/api/v1/items/?{query}")
        assert answer.status_code == page.status_code, query
        seen_statuses.add(page.status_code)
        data = answer.json()
        if page.status_code == 200:
            assert [item["title"] for item in data["results"]] == titles(page), query
            assert data["count"] == result_count(page), query
        elif page.status_code == 400:
            # Each bad parameter, with the message the page shows next to its field.
            assert data["errors"], query
            for name, messages in data["errors"].items():
                shown = field_error(page, name)
                assert all(message in shown for message in messages), query
    assert seen_statuses == {200, 400, 404}


def test_an_item_says_what_it_is_and_where_its_files_are(client, index, topics):
    document = DocumentFactory(title="The rule, in Spanish")
    item = PublicationPageFactory(
        parent=index,
        title="The DACA rule",
        summary="What changed.",
        resource_type=resource_type("faqs-explainers"),
        date=D(2024, 3, 5),
        topics=[topics["daca"], topics["tps"]],
    )
    item.save_revision().publish()
    item.refresh_from_db()
    item.downloads.model.objects.create(
        page=item, document=document, language="es", label="Spanish text", sort_order=0
    )
    listed = api(client).json()["results"]
    detail = api(client, f"items/{item.pk}/")

    assert detail.status_code == 200
    assert listed == [detail.json()]
    assert detail.json() == {
        "id": item.pk,
        "title": "The DACA rule",
        "url": item.get_full_url(),
        "type": {"slug": "faqs-explainers", "name": "FAQs & Explainers"},
        "topics": [{"slug": "daca", "name": "DACA"}, {"slug": "tps", "name": "TPS"}],
        "date": "2024-03-05",
        # ISO 8601, to the millisecond (Django's JSON encoder).
        "last_updated": DjangoJSONEncoder().default(item.last_published_at),
        "summary": "What changed.",
        "language": "en",
        "translations": [],
        "downloads": [
            {
                "url": f"http://testserver{document.url}",
                "title": "Spanish text",
                "language": "es",
                "size": document.file_size,
                "content_type": "application/pdf",
            }
        ],
    }


def test_types_and_topics_come_with_their_counts(client, library):
    types = {row["slug"]: row for row in api(client, "types/").json()}
    topics = {row["slug"]: row for row in api(client, "topics/").json()}
    page = client.get("/resources/")

    assert types["faqs-explainers"]["name"] == "FAQs & Explainers"
    assert sum(row["count"] for row in types.values()) == result_count(page) == 30
    for slug in TYPES:
        listed = client.get("/resources/", {"type": slug})
        assert types[slug]["count"] == result_count(listed)
    for slug in TOPICS:
        listed = client.get("/resources/", {"topic": slug})
        assert topics[slug]["count"] == result_count(listed)


def test_bad_input_is_a_json_400_naming_each_parameter(client, library):
    response = api(client, params={"date_from": "2023-02-30", "type": "nope", "page": "two"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {
        "errors": {
            "type": ["There is no type “nope”. Choose from the list."],
            "date_from": ["2023-02-30 is not a real date."],
            "page": ["The page must be a whole number, such as 2."],
        }
    }
    assert api(client, params={"lang": "fr"}).json() == {
        "errors": {"lang": ["There is no language “fr”. Choose from the list."]}
    }
    assert api(client, "types/", {"lang": ["en", "es"]}).json() == {
        "errors": {"lang": ["Give this only once."]}
    }


def test_a_page_past_the_last_and_unknown_items_are_json_404s(client, library):
    past = api(client, params={"page": 3})
    assert past.status_code == 404
    assert past.json() == {"detail": "There is no such page of results."}

    for path in ["items/999999/", "items/abc/", "nothing/", "../api/v2/items/"]:
        response = api(client, path)
        assert response.status_code == 404, path
        assert set(response.json()) == {"detail"}, path


def test_next_and_previous_keep_every_filter(client, library):
    first = api(client, params={"sort": "oldest"}).json()
    assert first["count"] == 30 and first["pages"] == 2 and first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/items/?sort=oldest&page=2"
    second = client.get(first["next"]).json()
    assert second["previous"] == "http://testserver/api/v1/items/?sort=oldest"
    assert second["next"] is None
    dates = [item["date"] for item in first["results"] + second["results"]]
    assert dates == sorted(dates) and len(dates) == 30


def test_drafts_scheduled_and_private_items_never_show(client, index, topics):
    live = PublicationPageFactory(parent=index, title="Live", topics=[topics["daca"]])
    draft = PublicationPageFactory(parent=index, title="Draft", live=False)
    scheduled = PublicationPageFactory(parent=index, title="Scheduled")
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision().publish()  # a future go-live date makes it wait
    scheduled.refresh_from_db()
    private = PublicationPageFactory(parent=index, title="Private", topics=[topics["daca"]])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    changed()
    assert not scheduled.live

    listed = api(client).json()
    assert [item["title"] for item in listed["results"]] == ["Live"]
    assert listed["count"] == 1
    for page in [draft, scheduled, private]:
        assert api(client, f"items/{page.pk}/").status_code == 404
    assert api(client, f"items/{live.pk}/").status_code == 200
    daca = next(row for row in api(client, "topics/").json() if row["slug"] == "daca")
    assert daca["count"] == 1
    assert "Private" not in api(client, params={"q": "Private"}).content.decode()


def test_answers_carry_validators_and_a_304_when_unchanged(client, library):
    first = api(client, params={"type": "faqs-explainers"})
    etag, last_modified = first["ETag"], first["Last-Modified"]

    again = api(client, params={"type": "faqs-explainers"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    since = api(client, params={"type": "faqs-explainers"}, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert since.status_code == 304

    PublicationPageFactory(parent=library, title="New", resource_type=resource_type())
    changed()  # as publishing does
    after = api(client, params={"type": "faqs-explainers"}, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert after["ETag"] != etag
    assert "New" in [item["title"] for item in after.json()["results"]]


def test_any_origin_may_read_the_api_and_no_cookie_is_set(client, library):
    response = api(client, HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    assert not response.cookies

    # A browser asks first before sending If-None-Match from another origin.
    preflight = client.options(
        "/api/v1/items/",
        headers={
            "Origin": "https://partner.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]

    # The site's own pages are not shared with other origins.
    page = client.get("/resources/", headers={"Origin": "https://partner.example"})
    assert "Access-Control-Allow-Origin" not in page


@override_settings(API_RATE_LIMIT=3, API_RATE_LIMIT_SECONDS=60)
def test_past_the_limit_a_client_waits(client, library):
    for _ in range(3):
        assert api(client, REMOTE_ADDR="203.0.113.7").status_code == 200
    refused = api(client, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "Too many requests" in refused.json()["detail"]
    # Another client is not held back.
    assert api(client, REMOTE_ADDR="203.0.113.8").status_code == 200


def test_the_spanish_items_in_spanish(client, library, topics):
    response = api(client, params={"lang": "es"})
    # No Spanish home page in this library: no Spanish items, and no English ones either.
    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert response["Content-Language"] == "es"


def test_a_page_of_items_costs_no_more_queries_than_the_library_page(client, index, topics):
    def api_queries():
        return count_queries(client, "/api/v1/items/", {"topic": "daca", "date_from": "2000"})

    for n in range(3):
        PublicationPageFactory(parent=index, title=f"Explainer {n}", topics=[topics["daca"]])
    first = api_queries()
    assert first.warm <= LISTING_QUERIES.warm
    assert first.cold <= LISTING_QUERIES.cold

    for n in range(40):
        PublicationPageFactory(
            parent=index,
            title=f"Another {n}",
            date=D(2000 + n % 20, 1, 1),
            resource_type=resource_type(TYPES[n % 3]),
            topics=[topics["daca"], topics[TOPICS[n % 4]]],
            downloads=[DocumentFactory()],
        )
    assert api_queries() == first
    assert first == QueryCounts(cold=first.cold, warm=1)


@pytest.mark.redis
@override_settings(
    CACHES={"default": redis_test_cache()},
    CONTENT_CACHE=True,
    PAGE_CACHE_SECONDS=3600,
    API_RATE_LIMIT=4,
)
def test_answers_are_kept_like_pages_and_the_limit_is_counted_in_redis(client, library):
    cache.clear()
    first = api(client, params={"topic": "daca"})
    kept = api(client, params={"topic": "daca"})
    assert (first["X-Page-Cache"], kept["X-Page-Cache"]) == ("miss", "hit")
    assert kept.content == first.content
    assert "s-maxage" in kept["Cache-Control"] and "public" in kept["Cache-Control"]
    # A kept answer has its validators too.
    assert api(client, params={"topic": "daca"}, HTTP_IF_NONE_MATCH=kept["ETag"]).status_code == 304

    # Every app server counts in the same place: another connection to Redis, as another
    # server would open, sees this client's four requests, and the fifth is refused.
    counters = redis.Redis.from_url(redis_test_cache()["LOCATION"])
    (key,) = [key for key in counters.scan_iter() if b"api-requests:127.0.0.1" in key]
    assert int(counters.get(key)) == 3
    assert api(client).status_code == 200
    assert api(client).status_code == 429


def test_markup_in_titles_and_input_comes_back_inert(client, index):
    PublicationPageFactory(parent=index, title="Asylum <script>alert(1)</script> & more")
    response = api(client)
    assert b"<script>" not in response.content and b"&" not in response.content
    assert response.json()["results"][0]["title"] == "Asylum <script>alert(1)</script> & more"
    assert b"<img" not in api(client, params={"topic": "<img src=x>"}).content
