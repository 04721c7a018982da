"""Template tags every app's templates share: links into the library, breadcrumbs."""

from urllib.parse import urlencode

from django import template
from wagtail.models import Site

from publications.content_cache import remember
from publications.models import PublicationIndexPage

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

    site = Site.find_for_request(request)
    return remember(f"library-url:{site.pk if site else 0}", find)


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
