"""The local policy-language resource: examples of policy text that localities can adopt."""

from collections import Counter

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.blocks import BodyBlock
from base.page_cache import cache_under_query

from .dated import DatedPage, dated_page_tabs

# The slugs are the `area` filter in URLs: changing one breaks links to it.
POLICY_AREAS = [
    ("detainers", _("Limits on ICE detainers")),
    ("jail-access", _("ICE access to jails")),
    ("data-sharing", _("Data sharing")),
    ("prosecution", _("Prosecution practices")),
    ("public-defense", _("Public defense")),
    ("funding", _("Funding")),
]


class PolicyAreaFilter(forms.Form):
    """The `area` query parameter: one of POLICY_AREAS, or none for every example."""

    area = forms.ChoiceField(
        choices=POLICY_AREAS,
        required=False,
        error_messages={
            "invalid_choice": _(
                "There is no policy area “%(value)s”. Choose one of the areas below."
            )
        },
    )


class PolicyResourcePage(DatedPage):
    """Examples of effective policy language, filterable by policy area, ready to copy."""

    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="Shown above the examples: how to use them, and what to check before adopting.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("examples", heading="Policy language examples", label="Example"),
    ]
    metadata_panels = DatedPage.metadata_panels
    edit_handler = dated_page_tabs(content_panels, metadata_panels)

    search_fields = DatedPage.search_fields + [
        index.SearchField("body"),
        index.RelatedFields(
            "examples", [index.SearchField("jurisdiction"), index.SearchField("text")]
        ),
    ]

    parent_page_types = ["ilrc_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("policy language resource")

    def listings(self, request):
        # Read through the page's cluster, so that previews show unsaved examples too.
        return {"all_examples": list(self.examples.select_related("source_document"))}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        area_filter = PolicyAreaFilter(request.GET)
        area = area_filter.cleaned_data["area"] if area_filter.is_valid() else ""
        examples = context["all_examples"]
        counts = Counter(example.area for example in examples)
        context.update(
            area_filter=area_filter,
            area=area,
            area_label=dict(POLICY_AREAS).get(area, ""),
            areas=[(slug, label, counts[slug]) for slug, label in POLICY_AREAS if counts[slug]],
            example_count=len(examples),
            examples=[example for example in examples if not area or example.area == area],
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["area_filter"].errors:
            response.status_code = 400
        area = response.context_data["area"]
        return cache_under_query(response, [("area", area)] if area else [])


class PolicyExample(Orderable):
    """One piece of adopted policy language, with where, when and from what it comes."""

    page = ParentalKey(PolicyResourcePage, on_delete=models.CASCADE, related_name="examples")
    area = models.CharField("policy area", max_length=30, choices=POLICY_AREAS)
    jurisdiction = models.CharField(
        max_length=150, help_text="The city, county or state, e.g. 'Santa Clara County, CA'."
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="The year the policy was adopted.",
    )
    text = RichTextField(
        "model language",
        features=["bold", "italic", "ol", "ul"],
        help_text="The language itself, as adopted or adapted for reuse. Shown as a quotation.",
    )
    source_title = models.CharField(
        max_length=255, help_text="What the source is, e.g. 'Board Policy 3.54'."
    )
    source_url = models.URLField("source link", blank=True)
    source_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Used instead of the link when chosen.",
    )

    panels = [
        FieldRowPanel([FieldPanel("area"), FieldPanel("jurisdiction"), FieldPanel("year")]),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("source_title"), FieldPanel("source_url"), FieldPanel("source_document")],
            heading="Source",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "policy language example"

    def __str__(self):
        return f"{self.jurisdiction} ({self.year})"

    def clean(self):
        super().clean()
        if not self.source_url and not self.source_document_id:
            raise ValidationError({"source_url": "Give a link to the source or choose a document."})

    @property
    def source_href(self):
        return self.source_document.url if self.source_document_id else self.source_url
