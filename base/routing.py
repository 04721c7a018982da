"""Wagtail's site lookup, page routing and view-restriction check, answered from the cache.

Wagtail answers each of these with queries on every request: the site (one query, then
the home page as its specific type, a second), each level of the path (the child, then
its specific type: two queries a level, six for a publication at
/resources/<slug>/), then the page's view restrictions (its ancestors, then their
restrictions: two more). On this project's 2-CPU machine, at 10,000 publications, those
ten queries cost 15 to 20 ms of CPU per uncached request, more than the rest of a
publication's page (bench/README.md, "route"). Everything they answer changes only
with content, so it is kept per content generation (base.cache):

- `CachedSiteMiddleware` gives Wagtail the request's Site, its home page already loaded
  as its specific type, where `Site.find_for_request` looks first;
- `CachedRoutingMixin` (the home page's) finds the deepest page that a path names from
  the pages kept under their own addresses, then lets that page route what remains of
  the path the Wagtail way (a library feed, a child not kept yet, or a 404). Only pages
  are kept, never a visitor's path, so invented addresses add nothing to the cache;
- `CachedViewRestrictionsMixin` (every page's) answers an unrestricted page that
  routing found with the answer Wagtail's own check gave when the page was kept.

tests/base/test_routing.py compares each answer with Wagtail's own: restricted, draft,
alias and moved pages, and two sites.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from .cache import kept, kept_each
from .i18n import current_language, language_codes
from .privacy import public, restricted_sections


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            # Only hosts in ALLOWED_HOSTS are kept; Django answers the others with a 400.
            hostname = split_domain_port(request.get_host())[0]
        except DisallowedHost:
            return self.get_response(request)
        port = request.get_port()
        try:
            site = kept(
                request, ("site",), lambda: site_with_home(request, hostname, port) or False
            )
        except DatabaseError:
            # Left to Wagtail, which asks again where it needs the site: a page then gets
            # the 503 page, while /healthz, which needs none, reports the outage.
            return self.get_response(request)
        if site:
            request._wagtail_site = site  # where Site.find_for_request looks first
        return self.get_response(request)


def site_with_home(request, hostname, port):
    """The site, its home page replaced by the home page in the request's language: the
    page Wagtail's routing starts from (`site.root_page.localized`), found in the one
    query that loads the home page in every language."""
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    # The home page's translations are addresses on this site: Wagtail's `get_url` looks
    # for the request's site here first.
    request._wagtail_site = site
    try:
        site.root_page = specific_page(request, site.root_page, language=current_language())
    except Page.DoesNotExist:  # no live home page in this language
        site.root_page = specific_page(request, site.root_page)
    return site


def specific_page(request, page, *, language=None):
    """`page` (or its live translation into `language`) as its specific type, with what
    its template shows beside it: the objects its own fields point to (a dated item's
    type, a topic page's topic) and its images with their renditions, so that rendering
    it costs no query for them; its ancestors, for the breadcrumb; whether Wagtail's own
    check finds it restricted; and its translations."""
    model = page.specific_class
    related = [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one and field.model is not Page  # not Page's owner, revisions...
    ]
    pages = model.objects.select_related("locale", *(field.name for field in related))
    images = [field.name for field in related if issubclass(field.related_model, AbstractImage)]
    if images:
        pages = pages.prefetch_related(*(f"{name}__renditions" for name in images))
    pages = pages.annotate(**translation_paths(request))
    if language:
        wanted = {"translation_key": page.translation_key, "locale__language_code": language}
        specific = pages.filter(live=True).get(**wanted)
    else:
        specific = pages.get(pk=page.pk)
    # Wagtail's own check (two queries), unless no page of the site is restricted at all.
    specific.view_restricted = bool(restricted_sections(request)) and (
        Page.get_view_restrictions(specific).exists()
    )
    specific.breadcrumb_ancestors = breadcrumb_ancestors(specific)
    specific.language = specific.locale.language_code
    specific.translations = translations(request, specific)
    return specific


def translation_paths(request, field="url_path"):
    """Annotations for a page query: for each language, the tree path (`url_path`, or
    another `field`) of the page's live, public translation into it, the page's own
    included. Subqueries of the page's own query: knowing a page's translations costs
    no query of its own."""
    return {
        f"{field}_{code}": Subquery(
            public(
                request,
                Page.objects.live().filter(
                    translation_key=OuterRef("translation_key"), locale__language_code=code
                ),
            ).values(field)[:1]
        )
        for code in language_codes()
    }


def translations(request, page):
    """{language code: address} of `page` in each language it is live and public in, its
    own included, in the order of settings.LANGUAGES: from `translation_paths` when the
    page was loaded with them, else one query."""
    if page.pk is None:  # the preview of a page not saved yet
        return {}
    if not hasattr(page, f"url_path_{settings.LANGUAGE_CODE}"):
        page = Page.objects.annotate(**translation_paths(request)).get(pk=page.pk)
    paths = {code: getattr(page, f"url_path_{code}") for code in language_codes()}
    urls = {code: url_of(request, path) for code, path in paths.items() if path}
    return {code: url for code, url in urls.items() if url}  # None: not routable


def url_of(request, url_path, *, full=False):
    """The address of the page at `url_path` (Wagtail's `Page.get_url`, which needs no
    more of the page than that: the site's root paths tell its site and language)."""
    page = Page(url_path=url_path)
    return page.get_full_url(request) if full else page.get_url(request)


def breadcrumb_ancestors(page):
    """The pages above `page`, from the home page down (for the breadcrumb and the
    search-engine metadata)."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return list(ancestors.only("title", "url_path", "path", "depth"))


class CachedRoutingMixin:
    """For the site's root page: routing below it from the pages kept per generation."""

    @property
    def localized(self):
        # Wagtail routes from `site.root_page.localized` (a query for the active locale on
        # every request); the home page CachedSiteMiddleware keeps is that page already.
        if getattr(self, "language", None) == current_language():
            return self
        return super().localized

    def route(self, request, path_components):
        if getattr(self, "language", current_language()) != current_language():
            # No home page in this language: its addresses never show another's pages.
            raise Http404
        if not path_components:
            return super().route(request, path_components)
        prefixes = ["/".join(path_components[:n]) for n in range(1, len(path_components) + 1)]
        kind = f"route:{self.pk}"
        # The pages kept already answer most paths, and a page's own routes (a library's
        # feed/) need nothing more; the pages not kept yet are found in one query.
        for fetch in (lambda missing: {}, self.pages_at):
            found = kept_each(
                request, kind, prefixes, fetch, lambda page: specific_page(request, page)
            )
            page = self.first_to_route(found, path_components)
            if page is not None:
                return page.route(request, path_components[page.depth - self.depth :])
        raise Http404

    def first_to_route(self, found, path_components):
        """Of the pages `found` on the path, the one Wagtail's walk down the tree would
        hand the rest of the path to: the first whose own routes take the rest, else the
        page the whole path names. None if neither was found."""
        for page in found:
            remaining = path_components[page.depth - self.depth :]
            if not remaining:
                return page
            if isinstance(page, RoutablePageMixin):
                try:
                    page.resolve_subpage("/" + "/".join(remaining) + "/")
                except Http404:
                    continue
                return page
        return None

    def pages_at(self, prefixes):
        """{prefix: page} for the pages below this one whose URL is one of `prefixes`
        ("resources/some-slug"): one query, whatever the depth."""
        wanted = {self.url_path + prefix + "/": prefix for prefix in prefixes}
        # Slug and depth use indexes; the URL path then confirms the whole address.
        matches = Page.objects.filter(
            reduce(
                or_,
                (
                    Q(depth=self.depth + prefix.count("/") + 1, slug=prefix.rsplit("/", 1)[-1])
                    & Q(url_path=url_path)
                    for url_path, prefix in wanted.items()
                ),
            )
        ).only("pk", "depth", "url_path", "content_type")
        return {wanted[page.url_path]: page for page in matches}


class CachedViewRestrictionsMixin:
    """For page models: a page that routing found unrestricted learns so without a query.

    Any other page (one under a restriction, or not found through the cache) gets
    Wagtail's own check.
    """

    def get_view_restrictions(self):
        if getattr(self, "view_restricted", None) is False:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
