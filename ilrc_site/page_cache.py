"""Whole-page caching of what anonymous visitors see, cleared exactly when content changes.

Every cached page is stored under the current *content generation*, a counter kept
in the shared cache (Redis in production). Publishing, unpublishing, moving or
deleting a page, or changing anything pages display (types, topics, images,
documents, navigation, footer, view restrictions...), moves the counter on, so the
very next request for any page is rendered afresh. A publication shows up on the
home page, the library, its feeds, topic and program pages and search results at
once; clearing them all together is both the simplest rule and the only one that
cannot miss a page. A CDN in front is purged through Wagtail's frontend cache
(frontend_cache.py).
"""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

# The counter lives with the lookups it also keeps exact, in the bottom layer.
from publications.content_cache import generation, invalidate_all

CACHED_STATUS_CODES = {200, 301, 404}
# Never cached: the admin and uploaded files (served with their own access checks).
UNCACHED_PATH_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/")


def _is_cacheable_request(request):
    return (
        settings.CONTENT_CACHE
        and settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        # Signed-in editors, previews and anyone with a session see their own pages.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
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


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)

        # A Redis outage makes these calls miss rather than fail (see settings.CACHES).
        key = f"page-cache:{generation()}:{request.build_absolute_uri()}"
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached

        response = self.get_response(request)
        if _is_cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
            )
            cache.set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


# Models whose changes show on public pages. Pages themselves count when they are
# published, unpublished, moved or deleted, not when a draft is saved.
INVALIDATING_MODELS = [
    "publications.ResourceType",
    "publications.Topic",
    "publications.SiteImage",
    # Pages are kept with their images' renditions (ilrc_site/routing.py): a new one
    # (an image shown in a new size) must reach them.
    "publications.SiteRendition",
    "wagtaildocs.Document",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailredirects.Redirect",
    "wagtailsearchpromotions.SearchPromotion",
    "ilrc_site.NavigationSettings",
    "ilrc_site.NavigationLink",
    "ilrc_site.FooterSettings",
    "ilrc_site.SocialLink",
]


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_all()


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_all, dispatch_uid=f"page-cache-{signal!r}")
    post_delete.connect(_page_deleted, dispatch_uid="page-cache-page-deleted")
    for label in INVALIDATING_MODELS:
        model = apps.get_model(label)
        post_save.connect(invalidate_all, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(invalidate_all, sender=model, dispatch_uid=f"page-cache-delete-{label}")
