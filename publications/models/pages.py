"""The library's pages: the dated base every listed item shares, publications, the index."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from publications.blocks import BodyBlock
from publications.content_cache import (
    CachedViewRestrictionsMixin,
    public,
    remember,
    remember_live,
)
from publications.forms import LibraryFilterForm
from publications.listing import LibraryListing, form_choices, query_string

from .taxonomy import PageTopic, ResourceType, Topic

SUMMARY_MAX_LENGTH = 800
RELATED_FALLBACK_COUNT = 3


def dated_page_tabs(content_panels, metadata_panels):
    """The editor's tabs for a dated item: its content, then its date, type and topics."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(metadata_panels, heading="Metadata"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )


class DatedPage(CachedViewRestrictionsMixin, Page):
    """A dated, typed item of the library: what Latest Items, feeds and listings show.

    Publications, program stories and policy resources all inherit these fields
    from this one table, so "the newest twelve items of any kind" is one query
    with `select_related("resource_type")`, never a loop over `.specific`.
    """

    date = models.DateField(
        "publication date",
        default=timezone.localdate,
        db_index=True,
        help_text="The date readers see, used for ordering and the date filter.",
    )
    resource_type = models.ForeignKey(
        "publications.ResourceType",
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name="type",
    )
    summary = models.TextField(
        max_length=SUMMARY_MAX_LENGTH,
        # TextField's max_length only sizes the form widget; this enforces it.
        validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH)],
        help_text=(
            "Plain text, a few sentences: shown in listings and feeds, and to search "
            "engines when no search description is set."
        ),
    )
    topics = ClusterTaggableManager(
        "topics",
        through=PageTopic,
        blank=True,
        help_text="Choose from the library's topics; staff add new ones under Snippets > Topics.",
    )
    listing_image = models.ForeignKey(
        "publications.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Shown in listings and when the page is shared; needs alt text.",
    )

    metadata_panels = [
        # A plain menu: there are only a handful of types (managed under Snippets).
        FieldRowPanel([FieldPanel("date"), FieldPanel("resource_type", widget=forms.Select)]),
        FieldPanel("topics"),
        FieldPanel("listing_image"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.RelatedFields("resource_type", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("date"),
        index.FilterField("resource_type"),
    ]

    # Only concrete kinds (publications, stories...) are created; this is their shared table.
    is_creatable = False

    class Meta:
        verbose_name = "dated item"
        indexes = [models.Index(fields=["resource_type", "date"])]

    def clean(self):
        super().clean()
        if self.listing_image and not self.listing_image.has_alt_text:
            raise ValidationError(
                {
                    "listing_image": (
                        "This image has no alt text. Add it under Images (edit the image) "
                        "or choose another image."
                    )
                }
            )

    def get_meta_description(self):
        return self.search_description or self.summary

    def related_by_topic(self, topics, count=RELATED_FALLBACK_COUNT):
        """The newest other items sharing one of `topics` (this page's) with this one.

        The tag match is a subquery (no DISTINCT over joined rows), so the database walks
        the date index and stops at `count`: 0.2 ms instead of 34 at 10,000 items.
        """
        from publications.queries import tagged_items  # it imports this module

        return tagged_items(topics).exclude(pk=self.pk)[:count]


class PublicationIndexPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """The resource library at /resources/: the filterable listing, and its feed at feed/."""

    intro = models.TextField(blank=True, max_length=600, help_text="Shown above the listing.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # The home page is the only parent (it lists this type in its subpage_types too).
    parent_page_types = ["ilrc_site.HomePage"]
    subpage_types = ["publications.PublicationPage"]
    max_count = 1

    class Meta:
        verbose_name = "resource library"

    def get_cached_paths(self):
        # Wagtail's frontend cache purges these with the page: the listing and its feed.
        return ["/", "/" + self.reverse_subpage("feed")]

    def library_items(self):
        """The live, public items of the library, with their type; never their bodies.

        That is every dated item of the site: the publications below this page, and the
        stories and policy resources that live elsewhere under the same home page, so
        that every type and topic link leads to all of its items.
        """
        home_path = self.path[: -self.steplen]
        return (
            public(DatedPage.objects.filter(path__startswith=home_path).live())
            .select_related("resource_type")
            .defer_streamfields()
        )

    def filter_form(self, request):
        return LibraryFilterForm(
            request.GET,
            types=remember("resource-types", lambda: list(ResourceType.objects.all())),
            topics=remember("topics", lambda: list(Topic.objects.all())),
        )

    def listing(self, request, filters):
        url = self.get_url(request)
        return LibraryListing(
            self.library_items(),
            filters,
            url=url,
            feed_url=url + self.reverse_subpage("feed"),
            cache_name=f"library:{self.pk}",
        )

    @path("")
    def filtered_listing(self, request):
        form = self.filter_form(request)
        if not form.is_valid():
            # The page again, with each message next to its field.
            response = self.render(request, context_overrides={"form": form, **form_choices(form)})
            response.status_code = 400
            return response

        filters = form.filters()
        listing = self.listing(request, filters)
        results = listing.page(form.cleaned_data["page"])
        canonical_url = None
        if filters.is_indexable:
            canonical_url = self.get_full_url(request) + query_string(
                filters.params(page=results.number)
            )
        return self.render(
            request,
            context_overrides={
                "form": form,
                "results": results,
                "pagination": listing.pagination(results),
                "chips": listing.chips(),
                # Built only where its fragment is not kept rendered already.
                "timeline": SimpleLazyObject(listing.timeline),
                "fragments": {part: listing.fragment_name(part) for part in ("facets", "timeline")},
                **form_choices(form, listing),
                "feed_link": listing.feed_link(),
                "canonical_url": canonical_url,
                "heading": filters_heading(self, filters),
            },
        )

    @path("feed/")
    def feed(self, request):
        # Imported here: the feeds module reads the models through publications.queries.
        from publications.feeds import LibraryFeed

        form = self.filter_form(request)
        if not form.is_valid():
            # Name the fields, not the values: nothing a visitor typed is sent back.
            fields = ", ".join(
                str(form[name].label) if name in form.fields else "combination"
                for name in form.errors
            )
            return HttpResponseBadRequest(
                f"This feed's filters are not valid ({fields}). The library page with the "
                "same filters shows what to change.\n",
                content_type="text/plain; charset=utf-8",
            )
        filters = form.filters()
        return LibraryFeed(
            self.listing(request, filters),
            title=f"{filters_heading(self, filters)} | {settings.WAGTAIL_SITE_NAME}",
            description=self.intro or f"The {settings.WAGTAIL_SITE_NAME}'s resource library.",
        )(request)


def filters_heading(index, filters):
    """'Resources', or 'Resources: FAQs & Explainers, DACA' for a filtered view."""
    names = [t.name for t in (*filters.types, *filters.topics)]
    return f"{index.title}: {', '.join(names)}" if names else index.title


class PublicationPage(DatedPage):
    """A toolkit, explainer, comment letter, advisory... with its body and downloads."""

    body = StreamField(BodyBlock(), blank=True)
    authors = models.CharField(
        max_length=255, blank=True, help_text="Optional, e.g. 'Ana Ruiz, Staff Attorney'."
    )
    last_updated = models.DateField(
        null=True,
        blank=True,
        help_text="Set when a published resource is substantially revised; shown as 'Updated'.",
    )
    legacy_path = models.CharField(
        "address on the previous site",
        max_length=255,
        blank=True,
        default="",
        help_text="Set by the importer, e.g. /node/3636; that old address redirects here.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("downloads", heading="Downloads", label="Download"),
        FieldPanel("authors"),
    ]
    metadata_panels = DatedPage.metadata_panels + [
        FieldPanel("last_updated"),
        FieldPanel("legacy_path", read_only=True),
        InlinePanel(
            "related_items",
            heading="Related items",
            label="Related item",
            help_text="Leave empty to show the newest items that share a topic.",
        ),
    ]
    edit_handler = dated_page_tabs(content_panels, metadata_panels)

    search_fields = DatedPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("authors"),
    ]

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []
    # A copy is a new publication: the old address keeps pointing at the original.
    exclude_fields_in_copy = ["legacy_path"]

    class Meta:
        verbose_name = "publication"
        constraints = [
            models.UniqueConstraint(
                fields=["legacy_path"],
                condition=~models.Q(legacy_path=""),
                name="unique_publication_legacy_path",
            )
        ]

    def clean(self):
        super().clean()
        # The library's own address for its feed (a route of PublicationIndexPage).
        if self.slug == "feed":
            raise ValidationError(
                {"slug": "“feed” is the address of the library's feed; choose another slug."}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(remember_live(request, f"publication:{self.pk}:around", self.around_body))
        return context

    def around_body(self):
        """The topics, downloads and related items shown around the body."""
        # Read through the page's cluster, so that previews show unsaved changes too.
        topics = list(self.topics.all())
        return {
            "topics": topics,
            "downloads": list(self.downloads.select_related("document")),
            "related_items": self.chosen_related_items() or list(self.related_by_topic(topics)),
        }

    def chosen_related_items(self):
        """The live, public items editors chose, in their order (unsaved ones in previews too)."""
        order = [item.page_id for item in self.related_items.all()]
        if not order:
            return []
        pages = (
            public(DatedPage.objects.live())
            .filter(pk__in=order)
            .select_related("resource_type")
            .in_bulk()
        )
        return [pages[pk] for pk in order if pk in pages]


LANGUAGES = [
    ("en", "English"),
    ("es", "Spanish"),
    ("zh", "Chinese"),
    ("vi", "Vietnamese"),
    ("ko", "Korean"),
    ("tl", "Tagalog"),
    ("other", "Other"),
]


class PublicationDownload(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="+")
    label = models.CharField(
        max_length=200, blank=True, help_text="Link text; the document's title when blank."
    )
    language = models.CharField(max_length=10, choices=LANGUAGES, default="en")

    panels = [
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("label"), FieldPanel("language")]),
    ]

    @property
    def title(self):
        return self.label or self.document.title


class RelatedItem(Orderable):
    source = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="related_items")
    page = models.ForeignKey(DatedPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]

    def __str__(self):
        return self.page.title
