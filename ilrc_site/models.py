"""The site's own pages: the home page and plain standard pages."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.blocks import BodyBlock
from base.models import require_alt_text
from base.pages import SitePage
from base.routing import CachedRoutingMixin
from publications.models import DatedPage


class HomePage(CachedRoutingMixin, SitePage):
    hero_heading = models.CharField(
        max_length=120,
        default="Immigrant Legal Resource Center",
        help_text="The large heading at the top of the home page: the organisation's name.",
    )
    hero_tagline = models.TextField(
        max_length=300,
        help_text="One sentence under the heading saying what the organisation does.",
    )
    hero_image = models.ForeignKey(
        "base.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide photo behind the heading. Its alt text is read to screen readers.",
    )

    featured_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="page",
        help_text="The resource or page to feature under the hero. Hidden while it is unpublished.",
    )
    featured_title = models.CharField(
        "title", max_length=200, blank=True, help_text="Leave blank to use the page's title."
    )
    featured_teaser = models.TextField("teaser", max_length=600, blank=True)
    featured_image = models.ForeignKey(
        "base.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="image",
        help_text="Needs alt text.",
    )

    programs_heading = models.CharField("heading", max_length=100, default="Projects and Networks")

    latest_heading = models.CharField("heading", max_length=100, default="Latest Items")
    latest_count = models.PositiveSmallIntegerField(
        "number of items",
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    latest_types = ParentalManyToManyField(
        "publications.ResourceType",
        blank=True,
        related_name="+",
        verbose_name="only these types",
        help_text="Leave all unticked to show the newest items of every type.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_tagline"), FieldPanel("hero_image")],
            heading="Hero",
        ),
        MultiFieldPanel(
            [
                FieldPanel("featured_page"),
                FieldPanel("featured_title"),
                FieldPanel("featured_teaser"),
                FieldPanel("featured_image"),
            ],
            heading="Featured resource",
        ),
        MultiFieldPanel(
            [
                FieldPanel("programs_heading"),
                InlinePanel("featured_programs", label="Program"),
            ],
            heading="Projects and networks",
        ),
        MultiFieldPanel(
            [
                FieldPanel("latest_heading"),
                FieldPanel("latest_count"),
                FieldPanel("latest_types", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Latest items",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_tagline")]

    summary_field = "hero_tagline"
    share_image_field = "hero_image"

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "ilrc_site.StandardPage",
        "publications.PublicationIndexPage",
        "publications.PolicyResourcePage",
        "publications.TopicPage",
        "programs.ProgramIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        require_alt_text(hero_image=self.hero_image, featured_image=self.featured_image)

    @property
    def share_title(self):
        return self.seo_title or self.hero_heading or self.title

    def listings(self, request):
        """The featured page (while it is live), the programs and the Latest Items."""
        featured = self.featured_page
        # Read through the page's cluster, so that previews show unsaved changes too.
        programs = self.featured_programs.select_related("program")
        latest = (
            DatedPage.objects.live_public(request)
            .descendant_of(self)
            .of_types([t.pk for t in self.latest_types.all()])
            .for_listing()
            .newest()
        )
        return {
            "featured": featured if featured and featured.live else None,
            "programs": [choice.program for choice in programs if choice.program.live],
            "latest": list(latest[: self.latest_count]),
        }


class HomeProgram(Orderable):
    """A program shown in the home page's "Projects and Networks", in the editors' order."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_programs")
    program = models.ForeignKey("programs.ProgramPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("program")]

    def __str__(self):
        return self.program.title


class StandardPage(SitePage):
    intro = models.TextField(
        blank=True, max_length=500, help_text="A short introduction shown under the title."
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["ilrc_site.HomePage", "ilrc_site.StandardPage"]
    subpage_types = ["ilrc_site.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


# The settings every page's header and footer use live in their own module.
from .site_chrome import (  # noqa: E402, F401
    FooterSettings,
    NavigationLink,
    NavigationSettings,
    SocialLink,
)
