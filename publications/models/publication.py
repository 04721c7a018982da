"""Publications: toolkits, explainers, comment letters, advisories... with their downloads."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.blocks import BodyBlock

from .dated import DatedPage, dated_page_tabs

# Related items shown: the editors' picks, or else the newest that share a topic.
RELATED_COUNT = 3


class PublicationPage(RoutablePageMixin, DatedPage):
    """A toolkit, explainer, comment letter, advisory... with its body and downloads,
    and a PDF made from it at pdf/."""

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
        verbose_name = _("publication")
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

    def get_cached_paths(self):
        # Wagtail's frontend cache purges these with the page: the page and its PDF.
        return ["/", "/" + self.reverse_subpage("pdf")]

    def live_pdf(self):
        """The PDF made from the live revision; None until the worker has made it."""
        if self.live_revision_id is None:
            return None
        return self.pdfs.filter(revision_id=self.live_revision_id).first()

    @path("pdf/")
    def pdf(self, request):
        # Routed through the page, so that Wagtail's privacy checks apply as to the page.
        made = self.live_pdf()
        if made is None:
            raise Http404("This publication's PDF is not ready.")
        return FileResponse(
            made.file.open("rb"), content_type="application/pdf", filename=f"{self.slug}.pdf"
        )

    def listings(self, request):
        """The topics, downloads and related items shown around the body, and the PDF."""
        # Read through the page's cluster, so that previews show unsaved changes too.
        topics = list(self.topics.all())
        related = self.chosen_related_items(request) or self.related_by_topic(
            request, topics, RELATED_COUNT
        )
        return {
            "topics": topics,
            "downloads": list(self.downloads.select_related("document__accessibility")),
            "related_items": list(related),
            "pdf": self.live_pdf(),
        }

    def chosen_related_items(self, request):
        """The live, public items editors chose, in their order (unsaved ones in previews too)."""
        chosen = [item.page for item in self.related_items.select_related("page")]
        items = DatedPage.objects.live_public(request).for_listing()
        return items.in_order(chosen) if chosen else []


# A download's language, shown beside its link.
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("zh", _("Chinese")),
    ("vi", _("Vietnamese")),
    ("ko", _("Korean")),
    ("tl", _("Tagalog")),
    ("other", _("Other")),
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
