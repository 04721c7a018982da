"""Content health: the admin report of publications that need an editor's attention."""

import django_filters
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.db.models.functions import Coalesce, Trim
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .models import PageTopic, PublicationDownload, PublicationPage, ResourceType

STALE_AFTER_YEARS = 3

# Each problem: the annotation that flags it, and how the report names it.
PROBLEMS = {
    "missing_summary": "No summary",
    "missing_topic": "No topic",
    "missing_download": "No download",
    "image_without_alt_text": "Listing image without alt text",
    "stale": f"Not updated for over {STALE_AFTER_YEARS} years",
}


def stale_before(today=None):
    """The date before which a publication counts as not updated for too long."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - STALE_AFTER_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - STALE_AFTER_YEARS, day=28)


def with_health(queryset, today=None):
    """Annotate each publication with one boolean per problem in PROBLEMS."""

    def flag(condition):
        return ExpressionWrapper(condition, output_field=BooleanField())

    return queryset.annotate(
        _summary_text=Trim("summary"),
        _alt_text=Trim("listing_image__description"),
        freshness=Coalesce("last_updated", "date"),
        missing_summary=flag(Q(_summary_text="")),
        missing_topic=~Exists(PageTopic.objects.filter(content_object=OuterRef("pk"))),
        missing_download=~Exists(PublicationDownload.objects.filter(page=OuterRef("pk"))),
        image_without_alt_text=flag(Q(listing_image__isnull=False, _alt_text="")),
        stale=flag(Q(freshness__lt=stale_before(today))),
    )


def any_problem():
    condition = Q()
    for name in PROBLEMS:
        condition |= Q(**{name: True})
    return condition


def problem_labels(page):
    return [label for name, label in PROBLEMS.items() if getattr(page, name)]


class ContentHealthFilterSet(WagtailFilterSet):
    resource_type = django_filters.ModelChoiceFilter(
        label="Type", queryset=ResourceType.objects.all(), empty_label="All types"
    )
    problem = django_filters.ChoiceFilter(
        label="Problem",
        choices=list(PROBLEMS.items()),
        empty_label="Any problem",
        method="filter_problem",
    )
    live = django_filters.BooleanFilter(label="Published")

    class Meta:
        model = PublicationPage
        fields = ["resource_type", "problem", "live"]

    def filter_problem(self, queryset, name, value):
        return queryset.filter(**{value: True}) if value in PROBLEMS else queryset


class ContentHealthReportView(ReportView):
    page_title = "Content health"
    header_icon = "warning"
    index_url_name = "publications_content_health"
    index_results_url_name = "publications_content_health_results"
    filterset_class = ContentHealthFilterSet
    any_permission_required = ["add", "change", "publish"]
    default_ordering = "freshness"
    export_filename = "content-health"
    columns = [
        TitleColumn("title", url_name="wagtailadmin_pages:edit", sort_key="title"),
        Column("resource_type", label="Type", sort_key="resource_type__name"),
        DateColumn("date", label="Publication date", sort_key="date"),
        DateColumn("freshness", label="Last updated", sort_key="freshness"),
        Column(
            "problems", label="Needs attention", accessor=lambda p: ", ".join(problem_labels(p))
        ),
        LiveStatusTagColumn(),
    ]
    list_export = [
        "title",
        "resource_type.name",
        "date",
        "freshness",
        "live",
        *PROBLEMS,
        "full_url",
    ]
    export_headings = {
        "title": "Title",
        "resource_type.name": "Type",
        "date": "Publication date",
        "freshness": "Last updated",
        "live": "Published",
        **PROBLEMS,
        "full_url": "URL",
    }

    @cached_property
    def permission_policy(self):
        # Anyone who works on pages may see what needs work.
        return policy_registry.get_by_type(Page)

    def get_base_queryset(self):
        return (
            with_health(PublicationPage.objects.all())
            .filter(any_problem())
            .select_related("resource_type")
            .defer_streamfields()
            # The status column without a query per row.
            .annotate_approved_schedule()
            .prefetch_workflow_states()
        )

    def order_queryset(self, queryset):
        # A stable order across pages of the report: ties fall back to the page id.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "pk")
