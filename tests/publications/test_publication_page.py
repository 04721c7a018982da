import datetime
import re

import pytest
from wagtail.rich_text import RichText

from publications.models import RelatedItem
from tests.factories import (
    PDF_BYTES,
    DocumentFactory,
    PublicationPageFactory,
    TopicFactory,
    resource_type,
)
from tests.query_counts import QueryCounts, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def daca():
    return TopicFactory(name="DACA")


@pytest.fixture
def publication(index, daca):
    return PublicationPageFactory(
        parent=index,
        title="The DACA Final Rule",
        date=datetime.date(2022, 10, 12),
        summary="How the rule affects current recipients.",
        body=[("paragraph", RichText("<p>What changes for current recipients.</p>"))],
        topics=[daca],
        downloads=[DocumentFactory(title="DACA rule explainer")],
    )


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_reader_sees_type_title_date_summary_downloads_and_topics_in_order(client, publication):
    html = html_of(client, publication)

    order = [
        'aria-label="Breadcrumb"',
        '<a href="/resources/?type=faqs-explainers">FAQs &amp; Explainers</a>',
        "<h1>The DACA Final Rule</h1>",
        '<time datetime="2022-10-12">12 October 2022</time>',
        '<p class="summary">How the rule affects current recipients.</p>',
        "<p>What changes for current recipients.</p>",
        '<h2 id="downloads-heading">Downloads</h2>',
        "DACA rule explainer",
        '<a href="/resources/?topic=daca">DACA</a>',
    ]
    positions = [html.index(fragment) for fragment in order]
    assert positions == sorted(positions)
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_downloads_show_file_type_size_and_language(client, publication):
    html = html_of(client, publication)

    download = publication.downloads.get().document
    assert f'href="{download.url}"' in html
    assert f"(PDF, {len(PDF_BYTES)}\xa0bytes, English)" in html


def test_updated_date_shows_only_when_set(client, publication):
    assert "Updated" not in html_of(client, publication)

    publication.last_updated = datetime.date(2024, 1, 31)
    publication.save_revision().publish()

    assert 'Updated <time datetime="2024-01-31">31 January 2024</time>' in html_of(
        client, publication
    )


def test_related_items_fall_back_to_the_newest_sharing_a_topic(client, index, publication, daca):
    tps = TopicFactory(name="TPS")
    PublicationPageFactory(
        parent=index, title="Older DACA", date=datetime.date(2019, 1, 1), topics=[daca]
    )
    PublicationPageFactory(
        parent=index, title="Newer DACA", date=datetime.date(2024, 1, 1), topics=[daca]
    )
    PublicationPageFactory(parent=index, title="About TPS only", topics=[tps])
    draft = PublicationPageFactory(parent=index, title="Draft DACA", topics=[daca], live=False)

    related = html_of(client, publication).split('id="related-heading"')[1]

    assert related.index("Newer DACA") < related.index("Older DACA")
    assert "About TPS only" not in related
    assert draft.title not in related
    assert related.count("The DACA Final Rule") == 0


def test_chosen_related_items_replace_the_fallback(client, index, publication, daca):
    PublicationPageFactory(parent=index, title="Shares a topic", topics=[daca])
    chosen = PublicationPageFactory(
        parent=index, title="Chosen by an editor", resource_type=resource_type("public-comments")
    )
    RelatedItem.objects.create(source=publication, page=chosen)

    related = html_of(client, publication).split('id="related-heading"')[1]

    assert "Chosen by an editor" in related
    assert "Shares a topic" not in related
    assert "Public Comments / Sign-on Letters" in related


# Warm: none. The publication (found by routing, with its type and breadcrumb), its
# topics, downloads and related items, their cards, the site, header, footer and library
# link are kept until content changes (base/cache.py). Cold: each of those, one or two
# queries.
PUBLICATION_PAGE_QUERIES = QueryCounts(cold=19, warm=0)


def test_query_count_is_pinned_and_does_not_grow_with_topics_downloads_or_related(
    client, index, publication
):
    small = count_queries(client, publication.url)

    for n in range(6):
        topic = TopicFactory(name=f"Extra topic {n}")
        publication.topics.add(topic)
        publication.downloads.add(publication.downloads.model(document=DocumentFactory()))
        RelatedItem.objects.create(
            source=publication,
            page=PublicationPageFactory(
                parent=index, resource_type=resource_type("toolkits-reports")
            ),
        )
    publication.save()
    large = count_queries(client, publication.url)

    assert small == large == PUBLICATION_PAGE_QUERIES
