"""What every page of the site shares: who may see it, how it is described, and what it
lists besides its own fields."""

from django.utils.text import capfirst
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from .cache import kept
from .i18n import current_language
from .privacy import public
from .routing import CachedViewRestrictionsMixin


class SitePageQuerySet(PageQuerySet):
    def live_public(self, request):
        """The pages visitors may see in the request's language: live, in that language's
        page tree, and under no view restriction (base.privacy)."""
        return public(request, self.live().in_language())

    def in_language(self, language=None):
        """The pages of the active language (or `language`): a join on the two-row locale
        table, not a query of its own."""
        return self.filter(locale__language_code=language or current_language())


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
            "kind": capfirst(self._meta.verbose_name),
            "title": self.title,
            "url": self.get_url(request),
            "summary": self.get_meta_description(),
        }


class SitePage(CachedViewRestrictionsMixin, DescribedPageMixin, Page):
    """The base of every page model of the site."""

    objects = SitePageManager()

    class Meta:
        abstract = True

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
