"""What every page shows around its content, edited under Settings in the admin:
the main navigation and the footer."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from base.translated import TranslationsField, in_language


class Link(Orderable):
    """A link to a page of the site or to an address elsewhere."""

    label = models.CharField(max_length=60)
    label_translations = TranslationsField("label in other languages", max_length=60)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.URLField("URL", blank=True, help_text="Used when no page is chosen.")

    panels = [
        FieldPanel("label"),
        FieldPanel("label_translations"),
        FieldRowPanel([FieldPanel("page"), FieldPanel("url")]),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.url):
            raise ValidationError({"url": "Choose a page or give a URL, not both."})

    @property
    def local_label(self):
        return in_language(self.label, self.label_translations)

    def href(self, request=None):
        return self.page.get_url(request) if self.page_id else self.url


@register_setting(icon="list-ul", order=10)
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    panels = [InlinePanel("links", heading="Main navigation", label="Link", max_num=8)]

    class Meta:
        verbose_name = "main navigation"


class NavigationLink(Link):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="links")


@register_setting(icon="site", order=20)
class FooterSettings(ClusterableModel, BaseSiteSetting):
    address = models.TextField(blank=True, help_text="Postal address, one line per line.")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    newsletter_url = models.URLField(
        "newsletter sign-up URL", blank=True, help_text="Where readers subscribe to the newsletter."
    )
    copyright = models.CharField(
        max_length=120,
        default="Immigrant Legal Resource Center",
        help_text="Shown after © and the current year.",
    )
    copyright_translations = TranslationsField("copyright in other languages", max_length=120)

    panels = [
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])],
            heading="Contact",
        ),
        FieldPanel("newsletter_url"),
        InlinePanel("social_links", heading="Social media", label="Profile", max_num=8),
        FieldPanel("copyright"),
        FieldPanel("copyright_translations"),
    ]

    class Meta:
        verbose_name = "footer"

    @property
    def local_copyright(self):
        return in_language(self.copyright, self.copyright_translations)


class SocialLink(Orderable):
    NETWORKS = [
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("x", "X (Twitter)"),
        ("bluesky", "Bluesky"),
        ("linkedin", "LinkedIn"),
        ("youtube", "YouTube"),
    ]
    setting = ParentalKey(FooterSettings, on_delete=models.CASCADE, related_name="social_links")
    network = models.CharField(max_length=20, choices=NETWORKS)
    url = models.URLField("URL")

    panels = [FieldRowPanel([FieldPanel("network"), FieldPanel("url")])]
