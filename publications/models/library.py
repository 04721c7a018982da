"""The resource library at /resources/: the filterable listing, and its feed at feed/."""

from django.conf import settings
from django.db import models
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from base.cache import kept
from base.page_cache import cache_under_query
from base.pages import SitePage
from base.pagination import page_links, query_string
from publications.feeds import LibraryFeed
from publications.filters import LibraryFilterForm
from publications.listing import LibraryListing

from .dated import DatedPage
from .taxonomy import ResourceType, Topic


def filter_form_choices(request):
    """Every ResourceType and Topic, the library filters' choices, in order: kept until
    content changes (two queries on every library page otherwise)."""
    return kept(
        request,
        ("filter-choices",),
        lambda: (list(ResourceType.objects.all()), list(Topic.objects.all())),
    )


class PublicationIndexPage(RoutablePageMixin, SitePage):
    """The library: every dated item of the site, filtered by the query string (see
    publications/filters.py), and the same as a feed at feed/."""

    intro = models.TextField(blank=True, max_length=600, help_text="Shown above the listing.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # The home page is the only parent (it lists this type in its subpage_types too).
    parent_page_types = ["ilrc_site.HomePage"]
    subpage_types = ["publications.PublicationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("resource library")

    def get_cached_paths(self):
        # Wagtail's frontend cache purges these with the page: the listing and its feed.
        return ["/", "/" + self.reverse_subpage("feed")]

    def library_items(self, request):
        """The live, public items of the library, with their type; never their bodies.

        That is every dated item of the site: the publications below this page, and the
        stories and policy resources that live elsewhere under the same home page, so
        that every type and topic link leads to all of its items.
        """
        home_path = self.path[: -self.steplen]
        return (
            DatedPage.objects.filter(path__startswith=home_path).live_public(request).for_listing()
        )

    def filter_form(self, request):
        types, topics = filter_form_choices(request)
        return LibraryFilterForm(request.GET, types=types, topics=topics)

    @path("")
    def filtered_listing(self, request):
        form = self.filter_form(request)
        if not form.is_valid():
            # The page again, with each message next to its field.
            response = self.render(request, context_overrides={"form": form, **form.choices()})
            response.status_code = 400
            return response

        filters = form.filters()
        url = self.get_url(request)
        listing = LibraryListing(request, self.library_items(request), filters)
        results = listing.page()
        canonical_url = None
        if filters.is_indexable:
            canonical_url = self.get_full_url(request) + query_string(filters.shown_params)
        response = self.render(
            request,
            context_overrides={
                "form": form,
                "filters": filters,
                "results": results,
                "pagination": page_links(results, lambda number: filters.link(url, page=number)),
                "chips": filters.chips(url),
                # Built only where the template's fragment is not kept rendered already.
                "timeline": SimpleLazyObject(lambda: listing.timeline(url)),
                **form.choices(filters, listing.type_counts, listing.topic_counts),
                "feed_link": url + self.reverse_subpage("feed") + query_string(filters.feed_params),
                # Alerts follow the same view as the feed: every filter but the sort.
                "alert_link": reverse("alerts:new") + query_string(filters.feed_params),
                "canonical_url": canonical_url,
                # The same filters in another language, from their first page: that
                # language has other results, and maybe not this page of them.
                "language_query": query_string(filters.params()),
                "heading": filters.heading(self.title),
            },
        )
        return cache_under_query(response, filters.shown_params)

    @path("feed/")
    def feed(self, request):
        form = self.filter_form(request)
        if not form.is_valid():
            # Name the fields, not the values: nothing a visitor typed is sent back.
            fields = ", ".join(
                str(form[name].label) if name in form.fields else gettext("combination")
                for name in form.errors
            )
            message = gettext(
                "This feed's filters are not valid (%(fields)s). The library page with the "
                "same filters shows what to change."
            ) % {"fields": fields}
            return HttpResponseBadRequest(
                message + "\n",
                content_type="text/plain; charset=utf-8",
            )
        filters = form.filters()
        url = self.get_url(request)
        feed = LibraryFeed(
            LibraryListing(request, self.library_items(request), filters).filtered().newest(),
            title=f"{filters.heading(self.title)} | {settings.WAGTAIL_SITE_NAME}",
            link=filters.link(url, keep_sort=False),
            feed_url=url + self.reverse_subpage("feed") + query_string(filters.feed_params),
            description=self.intro
            or gettext("The %(site_name)s's resource library.")
            % {"site_name": settings.WAGTAIL_SITE_NAME},
        )
        return cache_under_query(feed(request), filters.feed_params)
