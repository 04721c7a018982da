"""Finding the page a URL names in two queries, however deep it lies.

Wagtail's own routing walks down from the home page one level at a time, with two
queries a level (the child, then its specific type): seven queries for a story at
/programs/<program>/<story>/. Here one query finds the deepest page whose URL is a
prefix of the request's, and a second loads it as its specific type; that page then
routes whatever remains of the path itself (a library feed, or a 404). The page found
for a path, like the request's Site and its home page, comes from the cache while
content is unchanged.
"""

from functools import reduce
from operator import or_
from urllib.parse import quote

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from publications.content_cache import one_generation, remember
from publications.models import DatedPage


class CachedLookupsMiddleware:
    """Gives Wagtail the request's Site, its home page already loaded, from the cache,
    and reads the content generation once for every cached lookup of the request.

    Wagtail would look the site up, then load the home page and its specific type:
    three queries on every request for what changes only when content does (the
    content generation keeps the cached copy exact).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_generation():
            self.use_cached_site(request)
            return self.get_response(request)

    def use_cached_site(self, request):
        try:
            # Only hosts in ALLOWED_HOSTS get a cache entry; Django answers the rest.
            hostname = split_domain_port(request.get_host())[0]
        except DisallowedHost:
            return
        port = request.get_port()
        try:
            site = remember(f"site:{hostname}:{port}", lambda: site_with_home(hostname, port))
        except DatabaseError:
            # Left to Wagtail, which asks again where it needs the site: a page then
            # gets the 503 page, while /healthz, which needs none, reports the outage.
            return
        if site:
            request._wagtail_site = site  # where Site.find_for_request looks first


def site_with_home(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site.root_page = specific_page(site.root_page)
    return site


def specific_page(page):
    """`page` as its specific type, with what its template shows beside it: the resource
    type of a dated item, and its chosen images with their renditions, so that rendering
    it costs no query or cache read per image."""
    model = page.specific_class
    pages = model.objects.all()
    if issubclass(model, DatedPage):
        pages = pages.select_related("resource_type")
    images = [
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and issubclass(field.related_model, AbstractImage)
    ]
    if images:
        pages = pages.select_related(*images).prefetch_related(
            *(f"{name}__renditions" for name in images)
        )
    return pages.get(pk=page.pk)


def route_below(home, request, path_components):
    # The page found is kept while content is unchanged: most requests then need no query.
    page = remember(
        f"route:{home.pk}:{quote('/'.join(path_components))}",
        lambda: deepest_page(home, path_components),
    )
    if page is None:
        raise Http404
    return page.route(request, path_components[page.depth - home.depth :])


def deepest_page(home, path_components):
    """The deepest page below `home` whose URL is a prefix of the path, as its specific
    type (see specific_page); None if there is none."""
    prefixes = [
        (home.depth + n, home.url_path + "/".join(path_components[:n]) + "/")
        for n in range(1, len(path_components) + 1)
    ]
    # Slug and depth use indexes; the URL path then confirms the whole prefix.
    matches = Page.objects.filter(
        reduce(
            or_,
            (
                Q(depth=depth, slug=url_path.rsplit("/", 2)[1], url_path=url_path)
                for depth, url_path in prefixes
            ),
        )
    ).only("pk", "depth", "content_type")
    deepest = max(matches, key=lambda page: page.depth, default=None)
    return specific_page(deepest) if deepest else None
