"""Whole-page caching of what anonymous visitors see, cleared exactly when content changes.

Each page is kept under `base.cache.cache_name`, so under the current content
generation: publishing, unpublishing, moving or deleting a page, or changing anything
pages show, moves the generation on and the very next request for any page is rendered
afresh. A publication shows up on the home page, the library, its feeds, topic and
program pages and search results at once; starting everything afresh is both the
simplest rule and the only one that cannot miss a page. A CDN in front is purged
through Wagtail's frontend cache (ilrc_site/frontend_cache.py).

A page is kept under its path and the query parameters it understands, in one
canonical order, so that no visitor can make entries without end:

- parameters that no page understands (`?utm_source=...`) are left out of the name:
  apps declare the ones their pages read with `understands()` in AppConfig.ready();
- a page that reads parameters says, with `cache_under_query()`, the canonical query
  of what it shows (`?page=02&type=daca` is `?type=daca&page=2`): it is kept under that
  name only, so that every spelling of the same view shares one entry;
- a page with a query string is kept only within the generation's budget for
  visitors' choices (base.cache.within_budget), and 404s are never kept by address:
  they share one rendered body (base/views.py).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from .cache import cache_name, one_generation, within_budget
from .i18n import language_codes

CACHED_STATUS_CODES = {200, 301}
# Never cached: the admin, uploaded files (served with their own access checks), and
# each reader's own email alert pages (publications/alerts/): /alerts/, /es/alerts/...
UNCACHED_PATH_PREFIXES = (
    "/admin/",
    "/documents/",
    "/media/",
    "/static/",
    "/alerts/",
    *(f"/{code}/alerts/" for code in language_codes() if code != settings.LANGUAGE_CODE),
)

# The query parameters that some page reads (see `understands`).
_understood = set()


def understands(*names):
    """Declare query parameters that pages read: others are left out of cache names."""
    _understood.update(names)


def canonical_query(pairs):
    """(name, value) pairs as one query string, the names in order (the values of each
    name in the order given, which pages show them in)."""
    return urlencode(sorted(((str(name), str(value)) for name, value in pairs), key=first))


def first(pair):
    return pair[0]


def understood_query(request):
    """The request's query string, less the parameters no page understands, in order."""
    return canonical_query(
        (name, value)
        for name, values in request.GET.lists()
        if name in _understood
        for value in values
    )


def cache_under_query(response, pairs):
    """Mark `response` as showing exactly what the query parameters `pairs` ask for."""
    response.cache_query = canonical_query(pairs)
    return response


def is_anonymous_read(request):
    """A GET or HEAD without a session: signed-in editors, previews and anyone with a
    session see their own pages."""
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_cacheable_request(request):
    return (
        settings.CONTENT_CACHE
        and settings.PAGE_CACHE_SECONDS > 0
        and is_anonymous_read(request)
        and not request.path.startswith(UNCACHED_PATH_PREFIXES)
    )


def _is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in CACHED_STATUS_CODES
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


def _name(request, query):
    return cache_name(request, "page", request.path, query)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # One generation for the whole request: the page and whatever it keeps inside.
        with one_generation():
            if not is_cacheable_request(request):
                return self.get_response(request)
            return self.cached_or_rendered(request)

    def cached_or_rendered(self, request):
        asked = understood_query(request)
        name = _name(request, asked)
        # A Redis outage makes these calls miss rather than fail (see settings.CACHES).
        cached = cache.get(name) if name else None
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached

        response = self.get_response(request)
        if not _is_cacheable_response(response):
            return response
        # What the page says it shows; a page that declares nothing reads no parameter,
        # and is kept only when none of those that pages understand was given.
        query = getattr(response, "cache_query", None)
        if query is None and asked:
            return response
        query = query or ""
        if query and not within_budget(request):
            return response
        if hasattr(response, "render") and callable(response.render):
            response.render()
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
            s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
        )
        name = _name(request, query)
        if name:
            cache.set(name, response, timeout=settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response
