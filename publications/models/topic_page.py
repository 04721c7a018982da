"""A page per topic: a banner, an introduction, editors' picks and the topic's newest items."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from publications.content_cache import CachedViewRestrictionsMixin
from publications.queries import items_in_order, tagged_items

from .media import require_alt_text
from .pages import DatedPage

TOPIC_LATEST_COUNT = 6


class TopicPage(CachedViewRestrictionsMixin, Page):
    topic = models.OneToOneField(
        "publications.Topic",
        on_delete=models.PROTECT,
        related_name="page",
        help_text="Each topic has at most one page; its newest items are listed automatically.",
    )
    banner_image = models.ForeignKey(
        "publications.SiteImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional wide photo under the title; needs alt text.",
    )
    intro = models.TextField(
        max_length=800, blank=True, help_text="A few sentences on the topic, shown under the title."
    )

    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("banner_image"),
        FieldPanel("intro"),
        InlinePanel(
            "popular_resources",
            heading="Popular resources",
            label="Resource",
            help_text="The resources people ask for most, in this order.",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["ilrc_site.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "topic page"

    def clean(self):
        super().clean()
        require_alt_text(banner_image=self.banner_image)

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read through the page's cluster, so that previews show unsaved picks too.
        picks = [r.item_id for r in self.popular_resources.all()]
        context["popular"] = items_in_order(picks)
        # The picks are shown once, above, so the latest items are the others.
        context["latest"] = tagged_items([self.topic_id]).exclude(pk__in=picks)[:TOPIC_LATEST_COUNT]
        return context


class TopicPopularResource(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="popular_resources")
    item = models.ForeignKey(DatedPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("item")]

    def __str__(self):
        return self.item.title
