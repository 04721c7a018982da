"""Content and input written by an attacker: script tags and event handlers in
everything editors or visitors can type. Each payload sets `window.__xss` (or
opens a dialog) if it ever runs."""

import json
from urllib.parse import urlencode

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from publications.models import PublicationIndexPage, PublicationPage, ResourceType, Topic

SCRIPT = "<script>window.__xss=1;alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror="window.__xss=1;alert(1)">'
PAYLOAD = f"{SCRIPT}{ATTRIBUTE}"
# What must never appear in a page: the payloads' markup, unescaped.
RAW_MARKERS = ["<script>window.__xss", "<img src=x", "javascript:window"]


def _contentstate(text, link):
    """The editor's rich text format, as a crafted request could send it: the text
    carries markup and a link points at a javascript: URL."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link}}},
        }
    )


def publish_hostile_publication(client):
    """Publishes, through the admin as an editor would, a publication whose every
    field carries the payloads; returns it. `client` is signed in as an editor."""
    topic = Topic.objects.create(name=f"Topic {PAYLOAD}", slug="hostile-topic")
    ResourceType.objects.filter(slug="faqs-explainers").update(name=f"Explainers {SCRIPT}")
    index = PublicationIndexPage.objects.in_language("en").get()
    data = nested_form_data(
        {
            "title": f"Title {PAYLOAD}",
            "slug": "hostile",
            "summary": f"Summary {PAYLOAD}",
            "body": streamfield(
                [
                    ("paragraph", _contentstate(f"Click {PAYLOAD}", "javascript:window.__xss=1")),
                    ("heading", {"text": f"Heading {PAYLOAD}", "level": "h2"}),
                    ("quote", {"quote": f"Quote {PAYLOAD}", "attribution": ATTRIBUTE}),
                ]
            ),
            "downloads": inline_formset([]),
            "authors": f"Author {ATTRIBUTE}",
            "date": "2024-06-12",
            "resource_type": ResourceType.objects.get(slug="faqs-explainers").pk,
            "topics": "",
            "listing_image": "",
            "last_updated": "",
            "related_items": inline_formset([]),
            "search_description": "",
            "seo_title": "",
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("publications", "publicationpage", index.pk))
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = PublicationPage.objects.in_language("en").get(slug="hostile")
    # Topics are picked by name in the editor, where quotes group words; tag it here.
    page.topics.add(topic)
    page.save_revision().publish()
    assert page.live
    return page


def hostile_queries():
    """Query strings that put the payloads in every parameter a page may read."""
    names = ["q", "type", "topic", "page", "date_from", "date_to", "sort"]
    return ["?" + urlencode(dict.fromkeys(names, PAYLOAD)), "?" + urlencode({PAYLOAD: PAYLOAD})]
