"""The organisation's projects and networks, their partners, and their stories."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.blocks import BodyBlock
from base.models import require_alt_text
from base.pages import SitePage
from publications.models import DatedPage, PublicationPage, ResourceType, Topic
from publications.models.dated import dated_page_tabs

PROGRAM_RESOURCES_COUNT = 6


class ProgramIndexPage(SitePage):
    """/programs/: every program, in the page tree's order."""

    intro = models.TextField(blank=True, max_length=600, help_text="Shown above the programs.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["ilrc_site.HomePage"]
    subpage_types = ["programs.ProgramPage"]
    max_count = 1

    class Meta:
        verbose_name = _("program index")

    def listings(self, request):
        # Renditions come with their images, so a cold rendition cache costs one query.
        programs = (
            ProgramPage.objects.child_of(self)
            .live_public(request)
            .defer_streamfields()
            .select_related("image")
            .prefetch_related("image__renditions")
        )
        return {"programs": list(programs)}


class ProgramPage(SitePage):
    """A project or network (IJN, NAC...): what it does, who with, and its resources."""

    acronym = models.CharField(max_length=20, blank=True, help_text="e.g. 'IJN'.")
    image = models.ForeignKey(
        "base.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The program's logo or a photo; needs alt text.",
    )
    intro = models.TextField(
        max_length=600,
        help_text="Two or three sentences on what the program does; also shown on the home page.",
    )
    body = StreamField(BodyBlock(), blank=True)
    website = models.URLField(blank=True, help_text="The program's own website, if it has one.")
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="+",
        help_text="The library's publications on these topics are listed as its resources.",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("website")]),
        FieldPanel("image"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("partners", heading="Partner organisations", label="Partner"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = ["programs.StoryPage"]

    class Meta:
        verbose_name = _("program")

    def clean(self):
        super().clean()
        require_alt_text(image=self.image)

    def listings(self, request):
        """The program's topics and the newest publications on them, its stories, and
        its partners with their logos."""
        # Read through the page's cluster, so that previews show unsaved changes too.
        topics = list(self.topics.all())
        publications = PublicationPage.objects.live_public(request).for_listing()
        resources = publications.tagged(topics).newest() if topics else publications.none()
        stories = (
            StoryPage.objects.child_of(self).live_public(request).defer_streamfields().newest()
        )
        partners = self.partners.select_related("logo").prefetch_related("logo__renditions")
        return {
            "topics": topics,
            "resources": list(resources[:PROGRAM_RESOURCES_COUNT]),
            "stories": list(stories),
            "partners": list(partners),
        }


class ProgramPartner(Orderable):
    program = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(max_length=200)
    url = models.URLField("link", blank=True)
    logo = models.ForeignKey(
        "base.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional; shown beside the name.",
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("url")]), FieldPanel("logo")]

    def __str__(self):
        return self.name


class StoryPage(DatedPage):
    """A program's story of a local campaign: a dated item of the type "Stories"."""

    RESOURCE_TYPE_SLUG = "stories"

    place = models.CharField(
        max_length=150, help_text="Where it happened, e.g. 'Santa Ana, California'."
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("place"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    # The type is always "Stories", so editors are not asked for it.
    metadata_panels = [
        FieldPanel("date"),
        FieldPanel("topics"),
        FieldPanel("listing_image"),
    ]
    edit_handler = dated_page_tabs(content_panels, metadata_panels)
    search_fields = DatedPage.search_fields + [
        index.SearchField("place"),
        index.SearchField("body"),
    ]

    parent_page_types = ["programs.ProgramPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def full_clean(self, *args, **kwargs):
        # Before validation, so that both the editor's form and code that saves a story
        # (which validates on save) get the type without asking for it.
        if self.resource_type_id is None:
            self.resource_type = ResourceType.objects.get_or_create(
                slug=self.RESOURCE_TYPE_SLUG, defaults={"name": "Stories"}
            )[0]
        super().full_clean(*args, **kwargs)

    def listings(self, request):
        return {"topics": list(self.topics.all()), "program": self.get_parent()}
