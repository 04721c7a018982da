"""Queries over the whole library that several pages and feeds share."""

# Imported by module so that page models may use these queries too.
from .content_cache import public
from .models.pages import DatedPage
from .models.taxonomy import PageTopic


def latest_items(limit=None, types=None):
    """The newest live, public dated items of every kind, with their type in the same query.

    `types` optionally restricts to some ResourceTypes (instances or pks). Bodies are
    never loaded. The result is a queryset, so callers may slice or filter further.
    """
    items = (
        public(DatedPage.objects.live()).select_related("resource_type").order_by("-date", "-pk")
    )
    if types:
        items = items.filter(resource_type__in=types)
    return items[:limit] if limit else items


def tagged_items(topics, kind=DatedPage):
    """Live, public items of `kind` tagged with any of `topics`, newest first, each once.

    One query with the type; the tag match is a subquery, so an item with two of
    the topics is not repeated and no DISTINCT over the page's columns is needed.
    """
    tagged = PageTopic.objects.filter(tag__in=topics).values("content_object_id")
    return (
        public(kind.objects.live())
        .filter(pk__in=tagged)
        .select_related("resource_type")
        .defer_streamfields()
        .order_by("-date", "-pk")
    )


def items_by_key(pks):
    """{pk: item} for the live, public dated items among `pks`, with their type, in one
    query; bodies are never loaded."""
    items = public(DatedPage.objects.live()).filter(pk__in=pks)
    return items.select_related("resource_type").defer_streamfields().in_bulk()


def items_in_order(pks):
    """The live, public dated items among `pks`, in that order: editors' picks, one query."""
    if not pks:
        return []
    items = items_by_key(pks)
    return [items[pk] for pk in pks if pk in items]
