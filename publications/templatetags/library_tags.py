"""Template tags every app's templates share: links into the library, breadcrumbs."""

from urllib.parse import urlencode

from django import template

from publications.models import PublicationIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def library_url(context, **filters):
    """The resource library's URL, optionally filtered: {% library_url type=t.slug %}.

    Looked up once per request, however many links a page has.
    """
    request = context.get("request")
    base = getattr(request, "_library_url", None)
    if base is None:
        index = PublicationIndexPage.objects.live().only("url_path", "path").first()
        base = index.get_url(request) if index else ""
        if request is not None:
            request._library_url = base
    if not base:
        return ""
    query = urlencode({k: v for k, v in filters.items() if v})
    return f"{base}?{query}" if query else base


def breadcrumb_ancestors(page):
    """The pages above `page`, from the home page down; fetched once per page object
    because the breadcrumb and the search-engine metadata both show them."""
    if not hasattr(page, "_breadcrumb_ancestors"):
        page._breadcrumb_ancestors = list(
            page.get_ancestors().filter(depth__gt=1).only("title", "url_path", "path", "depth")
        )
    return page._breadcrumb_ancestors


@register.inclusion_tag("publications/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    return {
        "request": context.get("request"),
        "ancestors": breadcrumb_ancestors(page),
        "page": page,
    }
