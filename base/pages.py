"""What every page of the site shares: who may see it, how it is described, and what it
lists besides its own fields."""

from django.utils.text import capfirst
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from .cache import kept
from .i18n import current_language, language_codes, locale_id
from .privacy import public
from .routing import CachedViewRestrictionsMixin, url_of


class SitePageQuerySet(PageQuerySet):
    def live_public(self, request):
        """The pages visitors may see in the request's language: live, in that language's
        page tree, and under no view restriction (base.privacy)."""
        return public(request, self.live().in_language())

    def in_language(self, language=None):
        """The pages of the active language (or `language`), on the page's own `locale`
        column, which Wagtail's search backends can filter on (Page.search_fields)."""
        return self.filter(locale=locale_id(language or current_language()))


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


class DescribedPageMixin:
    """How a page describes itself to search engines, where it is shared, and in lists
    of search results and feeds. Each page model names the field that holds its summary
    (`summary_field`) and its share image (`share_image_field`)."""

    summary_field = "intro"
    share_image_field = None
    # Shared as an article (og:type), rather than as a website's page.
    is_article = False

    @property
    def listing_summary(self):
        return getattr(self, self.summary_field, "") or ""

    def get_meta_description(self):
        return self.search_description or self.listing_summary

    @property
    def share_title(self):
        return self.seo_title or self.title

    @property
    def share_image(self):
        return getattr(self, self.share_image_field) if self.share_image_field else None

    def describe(self, request):
        """The page as a search result or a feed item shows it."""
        return {
            # The model's name in the active language, as text that the cache can keep.
            "kind": str(capfirst(self._meta.verbose_name)),
            "title": self.title,
            "url": self.get_url(request),
            "summary": self.get_meta_description(),
        }


class SitePage(CachedViewRestrictionsMixin, DescribedPageMixin, Page):
    """The base of every page model of the site."""

    objects = SitePageManager()

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        """Wagtail's sitemap entry, with the page's translations as `hreflang` alternates
        when the sitemap loaded them with the page (`translation_paths`)."""
        urls = super().get_sitemap_urls(request)
        paths = [(code, getattr(self, f"url_path_{code}", None)) for code in language_codes()]
        alternates = [
            {"lang_code": code, "location": url_of(request, path, full=True)}
            for code, path in paths
            if path
        ]
        if len(alternates) > 1:
            default = {"lang_code": "x-default", "location": alternates[0]["location"]}
            for url in urls:
                url["alternates"] = [*alternates, default]
        return urls

    def listings(self, request):
        """What the page lists besides its own fields, for its template: {name: value},
        each value complete (lists, not querysets)."""
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # Read through the page's cluster: a preview shows the editor's unsaved
            # changes, which no cache name can tell apart.
            context.update(self.listings(request))
        else:
            # Kept until content changes: several queries a page, each a millisecond
            # or more of CPU (bench/README.md, "listings").
            context.update(kept(request, ("listings", self.pk), lambda: self.listings(request)))
        return context
