"""Queries over the whole library that several pages and feeds share."""

from .models import DatedPage


def latest_items(limit=None, types=None):
    """The newest live, public dated items of every kind, with their type in the same query.

    `types` optionally restricts to some ResourceTypes (instances or pks). Bodies are
    never loaded. The result is a queryset, so callers may slice or filter further.
    """
    items = (
        DatedPage.objects.live().public().select_related("resource_type").order_by("-date", "-pk")
    )
    if types:
        items = items.filter(resource_type__in=types)
    return items[:limit] if limit else items
