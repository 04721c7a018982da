"""Template tags every app's templates share: links into the library, item cards, breadcrumbs."""

from urllib.parse import urlencode

from django import template
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.html import format_html_join

from publications.content_cache import remember, remember_each, site_key
from publications.models import PageTopic, PublicationIndexPage
from publications.queries import items_by_key

register = template.Library()


@register.simple_tag(takes_context=True)
def library_url(context, **filters):
    """The resource library's URL, optionally filtered: {% library_url type=t.slug %}.

    Looked up once per content generation and site, and kept on the request for the
    dozens of links a listing has.
    """
    request = context.get("request")
    base = getattr(request, "_library_url", None)
    if base is None:
        base = _library_base_url(request)
        if request is not None:
            request._library_url = base
    if not base:
        return ""
    query = urlencode({k: v for k, v in filters.items() if v})
    return f"{base}?{query}" if query else base


def _library_base_url(request):
    def find():
        index = PublicationIndexPage.objects.live().only("url_path", "path").first()
        return index.get_url(request) if index else ""

    return remember(f"library-url:{site_key(request)}", find)


CARD_TEMPLATE = "publications/includes/item_card.html"


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
    per content generation.

    A card shows only what publishing, or editing a type or topic, changes, so it is
    kept rendered until content changes: listings, the home page, topic, program and
    publication pages share them, and a page of twenty cards is one cache read. Given
    keys, only the items whose card is not kept yet are fetched (one query), and topics
    are fetched only for the cards rendered afresh.
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
    variant = f"{site_key(request)}:{heading_level}:{show_topics:d}{full_summary:d}"
    card = context.template.engine.get_template(CARD_TEMPLATE)
    options = {
        "request": request,
        "heading_level": heading_level,
        "show_topics": show_topics,
        "full_summary": full_summary,
    }

    def fetch(missing):
        found = fetch_items(missing, given)
        if show_topics:
            prefetch_related_objects(list(found.values()), topic_links())
        return found

    cards = remember_each(
        f"card:{variant}",
        keys,
        fetch,
        lambda item: card.render(context.new({**options, "item": item})),
    )
    # Each card is the safe string the template rendered; anything else would be escaped.
    return format_html_join("", "{}", ((html,) for html in cards))


def fetch_items(keys, given):
    """{key: dated item} for `keys`: those `given`, and the others in one query (an item
    unpublished since its key was read is left out)."""
    found = {key: given[key] for key in keys if key in given}
    others = [key for key in keys if key not in found]
    if others:
        found.update(items_by_key(others))
    return found


@register.tag
def remembered(parser, token):
    """{% remembered name %}...{% endremembered %}: the enclosed part of the page rendered
    once per content generation for each `name` (a variable naming everything the part
    shows), and every time where `name` is empty."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% remembered %} takes one argument: a name.")
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(nodelist, parser.compile_filter(bits[1]))


class RememberedNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        name = self.name.resolve(context)
        if not name:
            return self.nodelist.render(context)
        return remember(f"fragment:{name}", lambda: self.nodelist.render(context))


def breadcrumb_ancestors(page):
    """The pages above `page`, from the home page down (for the breadcrumb and the
    search-engine metadata), fetched once per content generation."""

    def fetch():
        return list(
            page.get_ancestors().filter(depth__gt=1).only("title", "url_path", "path", "depth")
        )

    if page.pk is None:  # the preview of a page not yet saved
        return fetch()
    return remember(f"ancestors:{page.path}", fetch)


@register.inclusion_tag("publications/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    return {
        "request": context.get("request"),
        "ancestors": breadcrumb_ancestors(page),
        "page": page,
    }
