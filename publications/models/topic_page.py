"""A page per topic: a banner, an introduction, editors' picks and the topic's newest items."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.models import require_alt_text
from base.pages import SitePage

from .dated import DatedPage

TOPIC_LATEST_COUNT = 6


class TopicPage(SitePage):
    topic = models.ForeignKey(
        "publications.Topic",
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=(
            "Each topic has at most one page in each language; its newest items are listed "
            "automatically."
        ),
    )
    banner_image = models.ForeignKey(
        "base.SiteImage",
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
        verbose_name = _("topic page")

    def clean(self):
        super().clean()
        require_alt_text(banner_image=self.banner_image)
        others = TopicPage.objects.filter(topic=self.topic_id, locale=self.locale_id)
        if self.topic_id and others.exclude(pk=self.pk).exists():
            raise ValidationError({"topic": "This topic has a page in this language already."})

    def listings(self, request):
        """Editors' picks, then the topic's newest other items."""
        # Read through the page's cluster, so that previews show unsaved picks too.
        picks = [r.item for r in self.popular_resources.select_related("item")]
        items = DatedPage.objects.live_public(request).for_listing()
        popular = items.in_order(picks)
        latest = items.tagged([self.topic_id]).exclude(pk__in=[item.pk for item in popular])
        return {
            "popular": popular,
            "latest": list(latest.newest()[:TOPIC_LATEST_COUNT]),
        }


class TopicPopularResource(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="popular_resources")
    item = models.ForeignKey(DatedPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("item")]

    def __str__(self):
        return self.item.title
