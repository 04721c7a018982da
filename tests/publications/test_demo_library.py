import pytest

from publications.demo import SEED_PUBLICATIONS, TOPICS
from publications.models import PublicationPage, ResourceType, Topic

pytestmark = pytest.mark.django_db


def test_the_seeds_five_latest_items_are_the_newest_publications(demo_site):
    newest = PublicationPage.objects.in_language("en").live().order_by("-date")[:5]

    assert {p.summary for p in newest} == {item["summary"] for item in SEED_PUBLICATIONS}
    by_title = {p.title: p.resource_type.name for p in newest}
    assert sorted(by_title.values()) == [
        "FAQs & Explainers",
        "FAQs & Explainers",
        "FAQs & Explainers",
        "Public Comments / Sign-on Letters",
        "Toolkit & Reports",
    ]
    assert {p.date.year for p in newest} == {2022, 2023, 2024}


def test_the_library_covers_every_type_topic_and_year(demo_site):
    pages = PublicationPage.objects.in_language("en").live()

    assert pages.count() >= 45
    # Stories are the programs' pages, not the library's publications.
    for resource_type in ResourceType.objects.exclude(slug="stories"):
        assert pages.filter(resource_type=resource_type).count() >= 5, resource_type
    assert set(Topic.objects.values_list("name", flat=True)) == set(TOPICS)
    for topic in Topic.objects.all():
        assert pages.filter(topic_items__tag=topic).exists(), topic
    assert set(pages.values_list("date__year", flat=True)) >= set(range(2016, 2025))


def test_every_publication_has_a_real_pdf_download(demo_site):
    for page in PublicationPage.objects.prefetch_related("downloads__document"):
        document = page.downloads.get().document
        with document.open_file() as f:
            assert f.read(5) == b"%PDF-"
        assert document.file_size > 500
