"""The site's own pages: the home page and plain standard pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from publications.blocks import BodyBlock


class HomePage(Page):
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
        "publications.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide photo behind the heading. Its alt text is read to screen readers.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_tagline"), FieldPanel("hero_image")],
            heading="Hero",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_tagline")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["ilrc_site.StandardPage", "publications.PublicationIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class StandardPage(Page):
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
        verbose_name = "standard page"


# The settings every page's header and footer use live in their own module.
from .site_chrome import (  # noqa: E402, F401
    FooterSettings,
    NavigationLink,
    NavigationSettings,
    SocialLink,
)
