"""Every kind of public URL, for the tests that attack them all (never a 5xx,
nothing reflected raw). Add each new kind of page or view here."""

from wagtail.documents.models import Document

from ilrc_site.models import StandardPage
from programs.models import ProgramIndexPage, ProgramPage, StoryPage
from publications.models import PolicyResourcePage, PublicationPage, TopicPage

# Not HTML pages: browsers show these in viewers of their own.
NOT_HTML = {
    "library feed",
    "document",
    "latest feed",
    "sitemap",
    "sitemap section",
    "robots",
    "health",
    "api items",
    "api item",
    "api types",
    "api topics",
    "publication pdf",
}


def public_urls():
    """{name: path}, one URL of each kind, found in the demo content."""

    def first(model):
        return model.objects.live().order_by("path").first().url

    publication = PublicationPage.objects.in_language("en").live().order_by("-date").first()
    document = Document.objects.order_by("pk").first()
    return {
        "home": "/",
        "library": "/resources/",
        "library, filtered": "/resources/?type=faqs-explainers&date_from=2020",
        "library feed": "/resources/feed/",
        "publication": publication.url,
        "publication pdf": publication.url + "pdf/",
        "document": document.url,
        "programs": first(ProgramIndexPage),
        "program": first(ProgramPage),
        "story": first(StoryPage),
        "policy": first(PolicyResourcePage),
        "policy, one area": first(PolicyResourcePage) + "?area=detainers",
        "topic": first(TopicPage),
        "standard page": first(StandardPage),
        "search": "/search/",
        "email alerts": "/alerts/new/?type=faqs-explainers&topic=daca",
        "latest feed": "/feeds/latest/",
        "sitemap": "/sitemap.xml",
        "sitemap section": "/sitemap-pages.xml",
        "robots": "/robots.txt",
        "health": "/healthz",
        "not found": "/no-such-page/",
        "api items": "/api/v1/items/?type=faqs-explainers",
        "api item": f"/api/v1/items/{publication.pk}/",
        "api types": "/api/v1/types/",
        "api topics": "/api/v1/topics/",
    }


def public_pages():
    """The HTML pages among public_urls()."""
    return {name: path for name, path in public_urls().items() if name not in NOT_HTML}
