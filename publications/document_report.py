"""Documents to check: the uploads not yet marked accessible, or marked not accessible
(base.documents), each with the number of publications that offer it as a download."""

import django_filters
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.utils import set_query_params
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from base.documents import NOT_CHECKED, DocumentAccessibility, accessibility_label

from .models import PublicationDownload

NOT_ACCESSIBLE = DocumentAccessibility.Status.NOT_ACCESSIBLE
STATUS_CONDITIONS = {
    "not_checked": Q(accessibility__isnull=True),
    NOT_ACCESSIBLE: Q(accessibility__status=NOT_ACCESSIBLE),
}


def publication_count():
    """How many publications offer the document as a download (translations count)."""
    counts = (
        PublicationDownload.objects.filter(document=OuterRef("pk"))
        .order_by()
        .values("document")
        .annotate(count=Count("page", distinct=True))
        .values("count")
    )
    return Coalesce(Subquery(counts), 0)


class DocumentsToCheckFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Accessibility",
        choices=[("not_checked", NOT_CHECKED), (NOT_ACCESSIBLE, "Not accessible")],
        empty_label="Either",
        method="filter_status",
    )

    class Meta:
        model = get_document_model()
        fields = ["status"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(STATUS_CONDITIONS[value]) if value in STATUS_CONDITIONS else queryset


class DocumentsToCheckReportView(ReportView):
    page_title = "Documents to check"
    page_subtitle = "Not yet checked for accessibility, or not accessible"
    header_icon = "doc-full"
    index_url_name = "publications_documents_to_check"
    index_results_url_name = "publications_documents_to_check_results"
    filterset_class = DocumentsToCheckFilterSet
    any_permission_required = ["change"]
    default_ordering = "-created_at"

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(get_document_model())

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label="Title", sort_key="title", get_url=self.edit_url),
            Column("accessibility", label="Accessibility", accessor=accessibility_label),
            Column("file_type", label="File type", accessor=lambda d: d.file_extension.upper()),
            DateColumn("created_at", label="Uploaded", sort_key="created_at"),
            Column(
                "publication_count",
                label="Publications offering it",
                sort_key="publication_count",
            ),
        ]

    def edit_url(self, document):
        # Back to this report, as filtered, once the document is marked (filtering
        # fetches the results view: the way back is the report's own address).
        query = self.request.GET.urlencode()
        back = f"{self.index_url}?{query}" if query else self.index_url
        return set_query_params(reverse("wagtaildocs:edit", args=[document.pk]), {"next": back})

    def get_base_queryset(self):
        # The documents this user may edit (by collection), as Wagtail's own listing.
        documents = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return (
            documents.filter(STATUS_CONDITIONS["not_checked"] | STATUS_CONDITIONS[NOT_ACCESSIBLE])
            .select_related("accessibility")
            .annotate(publication_count=publication_count())
        )

    def order_queryset(self, queryset):
        # A stable order across pages of the report: ties fall back to the document id.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "pk")
