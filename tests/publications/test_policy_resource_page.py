import re

import pytest
from django.core.exceptions import ValidationError

from publications.models import POLICY_AREAS, PolicyExample
from tests.factories import DocumentFactory, PolicyResourcePageFactory
from tests.query_counts import QueryCounts, count_queries

pytestmark = pytest.mark.django_db


def example(area, jurisdiction, year=2019, **fields):
    return PolicyExample(
        area=area,
        jurisdiction=jurisdiction,
        year=year,
        text=fields.pop("text", f"<p>Language adopted in {jurisdiction}.</p>"),
        source_title=fields.pop("source_title", f"{jurisdiction} ordinance"),
        source_url=fields.pop("source_url", "https://example.org/ordinance"),
        **fields,
    )


@pytest.fixture
def policy(home):
    return PolicyResourcePageFactory(
        parent=home,
        examples=[
            example(
                "detainers",
                "Santa Clara County, California",
                2011,
                text="<p>The County shall not honor a civil immigration detainer request.</p>",
            ),
            example("detainers", "Cook County, Illinois", 2011),
            example(
                "data-sharing",
                "State of New York",
                2019,
                source_url="",
                source_document=DocumentFactory(title="Green Light Law"),
            ),
            example("funding", "Denver, Colorado", 2017),
        ],
    )


def get(client, policy, **params):
    return client.get(policy.url, params)


def headings(html):
    return re.findall(r'<h3 id="example-\d+-heading">([^<]+)</h3>', html)


def test_every_example_shows_area_jurisdiction_year_language_and_source(client, policy):
    response = get(client, policy)

    assert response.status_code == 200
    html = response.content.decode()
    assert headings(html) == [
        "Santa Clara County, California, 2011",
        "Cook County, Illinois, 2011",
        "State of New York, 2019",
        "Denver, Colorado, 2017",
    ]
    assert re.search(
        r'<blockquote class="policy-language" id="example-1-language" '
        r'cite="https://example.org/ordinance">\s*'
        r"<p>The County shall not honor a civil immigration detainer request.</p>",
        html,
    )
    assert '<p class="policy-area">Limits on ICE detainers</p>' in html
    document = policy.examples.get(jurisdiction="State of New York").source_document
    assert f'Source: <a href="{document.url}">State of New York ordinance</a>' in html
    assert "All 4 examples." in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_filter_links_list_the_areas_that_have_examples_with_counts(client, policy):
    html = get(client, policy).content.decode()

    nav = html.split('aria-label="Filter examples by policy area"')[1].split("</nav>")[0]
    assert re.findall(r'<a href="([^"]+)"', nav) == [
        "/local-policy-interventions/#examples",
        "?area=detainers#examples",
        "?area=data-sharing#examples",
        "?area=funding#examples",
    ]
    assert 'aria-current="true">All areas <span class="count">(4)</span>' in nav
    assert 'Limits on ICE detainers <span class="count">(2)</span>' in nav
    assert "Public defense" not in nav


def test_filtering_by_area_shows_only_its_examples(client, policy):
    response = get(client, policy, area="detainers")

    assert response.status_code == 200
    html = response.content.decode()
    assert headings(html) == ["Santa Clara County, California, 2011", "Cook County, Illinois, 2011"]
    assert '<a href="?area=detainers#examples" aria-current="true">' in html
    assert "Showing 2 examples for Limits on ICE detainers." in html
    # A filtered view repeats the page's content: search engines index the whole page only.
    assert '<meta name="robots" content="noindex">' in html


def test_an_area_without_examples_says_so(client, policy):
    response = get(client, policy, area="public-defense")

    assert response.status_code == 200
    assert headings(response.content.decode()) == []
    assert "No examples for Public defense yet." in response.content.decode()


@pytest.mark.parametrize("bad", ["bogus", "DETAINERS", "<script>alert(1)</script>", "x" * 500])
def test_an_unknown_area_is_a_clear_400_with_the_valid_areas(client, policy, bad):
    response = get(client, policy, area=bad)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "There is no policy area" in html
    assert "<script>alert(1)</script>" not in html
    assert '<a href="?area=detainers#examples">' in html
    assert len(headings(html)) == 4


def test_the_copy_button_is_hidden_until_the_script_shows_it(client, policy):
    html = get(client, policy).content.decode()

    assert '<script src="/static/js/copy-language.js" defer></script>' in html
    assert html.count('data-copy-target="example-') == 4
    assert re.search(r'<button type="button" class="button copy-button" [^>]*hidden>', html)
    assert "from Santa Clara County, California, 2011</span></button>" in html


def test_an_example_needs_a_source_link_or_document(policy):
    sourceless = example("funding", "Somewhere", source_url="")
    sourceless.page = policy

    with pytest.raises(ValidationError, match="Give a link to the source or choose a document"):
        sourceless.full_clean()


def test_policy_areas_are_the_ones_readers_filter_by():
    assert [slug for slug, _ in POLICY_AREAS] == [
        "detainers",
        "jail-access",
        "data-sharing",
        "prosecution",
        "public-defense",
        "funding",
    ]


# Warm: none. The page (found by routing, with its type and breadcrumb), its examples
# with their documents, the site, header, footer and library link are kept until content
# changes (base/cache.py). Cold: each of those, one or two queries.
POLICY_PAGE_QUERIES = QueryCounts(cold=14, warm=0)


def test_query_count_is_pinned_and_does_not_grow_with_examples(client, policy):
    small = count_queries(client, policy.url)

    for n in range(20):
        policy.examples.add(
            example(
                POLICY_AREAS[n % 6][0],
                f"County {n}",
                source_url="",
                source_document=DocumentFactory(),
            )
        )
    policy.save_revision().publish()
    large = count_queries(client, policy.url)

    assert small == large == POLICY_PAGE_QUERIES
    assert count_queries(client, policy.url, {"area": "funding"}) == POLICY_PAGE_QUERIES
    assert count_queries(client, policy.url, {"area": "bogus"}, status=400) == POLICY_PAGE_QUERIES
