"""Template tags for the library's items wherever they are shown: links into the library,
and item cards."""

from urllib.parse import urlencode

from django import template
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.html import format_html_join

from base.cache import kept, kept_each
from publications.models import DatedPage, PageTopic, PublicationIndexPage

register = template.Library()

CARD_TEMPLATE = "publications/includes/item_card.html"


@register.simple_tag(takes_context=True)
def library_url(context, **filters):
    """The resource library's URL, optionally filtered: {% library_url type=t.slug %}.

    Looked up once per content generation (a query, on most pages that link to the
    library: bench/README.md, "library-url").
    """
    request = context.get("request")

    def find():
        index = PublicationIndexPage.objects.live().in_language().only("url_path", "path").first()
        return index.get_url(request) if index else ""

    base = kept(request, ("library-url",), find) if request is not None else find()
    if not base:
        return ""
    query = urlencode({k: v for k, v in filters.items() if v})
    return f"{base}?{query}" if query else base


def topic_links():
    """Each item's topics as `item.topic_links` (each link's `tag`), by name, in one query:
    cheaper to render than a taggit manager's queryset per item."""
    return Prefetch(
        "topic_items",
        queryset=PageTopic.objects.select_related("tag").order_by("tag__name"),
        to_attr="topic_links",
    )


@register.simple_tag(takes_context=True)
def item_cards(context, items, heading_level=3, show_topics=False, full_summary=False):
    """The cards of `items` (live dated items, or their primary keys), each rendered once
    per content generation (base.cache.kept_each).

    A card shows only what publishing, or editing a type or topic, changes, so it is kept
    rendered until content changes: listings, the home page, topic, program and
    publication pages share them. Given keys, only the items whose card is not kept yet
    are fetched (one query), and topics only for the cards rendered afresh.
    """
    request = context.get("request")
    given = {}
    keys = []
    for item in items:
        if isinstance(item, int):
            keys.append(item)
        else:
            keys.append(item.pk)
            given[item.pk] = item
    card = context.template.engine.get_template(CARD_TEMPLATE)
    options = {
        "request": request,
        "heading_level": heading_level,
        "show_topics": show_topics,
        "full_summary": full_summary,
    }

    def fetch(missing):
        found = {key: given[key] for key in missing if key in given}
        others = [key for key in missing if key not in found]
        if others:
            found.update(DatedPage.objects.live_public(request).for_listing().in_bulk(others))
        if show_topics:
            prefetch_related_objects(list(found.values()), topic_links())
        return found

    cards = kept_each(
        request,
        f"card:{heading_level}:{show_topics:d}{full_summary:d}",
        keys,
        fetch,
        lambda item: card.render(context.new({**options, "item": item})),
    )
    # Each card is the safe string the template rendered; anything else would be escaped.
    return format_html_join("", "{}", ((html,) for html in cards))


@register.simple_tag
def also_available(languages, downloads, current):
    """What a publication offers in languages other than the page's (`current`): its
    translations (from base.i18n.other_languages_of), then its downloads in other
    languages. Empty when there is neither."""
    pages = [
        {"url": language["url"], "code": language["code"], "name": language["name"]}
        for language in languages
        if language["translated"] and not language["current"]
    ]
    files = [download for download in downloads if download.language != current]
    return {"pages": pages, "downloads": files} if pages or files else None
