"""The library in the admin: type and topic snippets, a listing of publications, the
content and translation health reports, the documents to check for accessibility, the
email alerts' report and data requests, and the dashboard's library panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .alerts import data_requests
from .alerts.admin import (
    DATA_URL_NAME,
    DELETE_URL_NAME,
    EXPORT_URL_NAME,
    REPORT_URL_NAME,
    AlertDataDeleteView,
    AlertDataExportView,
    AlertDataView,
    EmailAlertReportView,
)
from .dashboard import LibraryPanel
from .document_report import DocumentsToCheckReportView
from .models import PublicationPage, ResourceType, Topic
from .reports import ContentHealthReportView, TranslationHealthReportView


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "folder-open-inverse"
    menu_label = "Resource types"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    # Drag to reorder: the order of the library's type filter.
    sort_order_field = "sort_order"


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


register_snippet(ResourceTypeViewSet)
register_snippet(TopicViewSet)


class PublicationListingViewSet(PageListingViewSet):
    model = PublicationPage
    icon = "doc-full"
    menu_label = "Publications"
    menu_order = 150
    add_to_admin_menu = True
    columns = [
        *PageListingViewSet.columns,
        Column("resource_type", label="Type", sort_key="resource_type__name"),
        DateColumn("date", label="Publication date", sort_key="date"),
    ]
    list_filter = ["resource_type", "date"]


@hooks.register("register_admin_viewset")
def register_publication_listing():
    return PublicationListingViewSet("publications")


class ContentHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_urls")
def register_content_health_urls():
    return [
        path(
            "reports/content-health/",
            ContentHealthReportView.as_view(),
            name="publications_content_health",
        ),
        path(
            "reports/content-health/results/",
            ContentHealthReportView.as_view(results_only=True),
            name="publications_content_health_results",
        ),
        path(
            "reports/translation-health/",
            TranslationHealthReportView.as_view(),
            name="publications_translation_health",
        ),
        path(
            "reports/translation-health/results/",
            TranslationHealthReportView.as_view(results_only=True),
            name="publications_translation_health_results",
        ),
        path(
            "reports/documents-to-check/",
            DocumentsToCheckReportView.as_view(),
            name="publications_documents_to_check",
        ),
        path(
            "reports/documents-to-check/results/",
            DocumentsToCheckReportView.as_view(results_only=True),
            name="publications_documents_to_check_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_content_health_menu_item():
    return ContentHealthMenuItem(
        "Content health",
        reverse("publications_content_health"),
        name="content-health",
        icon_name="warning",
        order=50,
    )


@hooks.register("register_reports_menu_item")
def register_translation_health_menu_item():
    return ContentHealthMenuItem(
        "Translation health",
        reverse("publications_translation_health"),
        name="translation-health",
        icon_name="globe",
        order=51,
    )


class DocumentsToCheckMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(get_document_model()).user_has_permission(
            request.user, "change"
        )


@hooks.register("register_reports_menu_item")
def register_documents_to_check_menu_item():
    return DocumentsToCheckMenuItem(
        "Documents to check",
        reverse("publications_documents_to_check"),
        name="documents-to-check",
        icon_name="doc-full",
        order=52,
    )


@hooks.register("register_admin_urls")
def register_email_alert_urls():
    return [
        path(
            "reports/email-alerts/",
            EmailAlertReportView.as_view(),
            name=REPORT_URL_NAME,
        ),
        path("email-alert-data/", AlertDataView.as_view(), name=DATA_URL_NAME),
        path(
            "email-alert-data/export/",
            AlertDataExportView.as_view(),
            name=EXPORT_URL_NAME,
        ),
        path(
            "email-alert-data/delete/",
            AlertDataDeleteView.as_view(),
            name=DELETE_URL_NAME,
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_email_alerts_menu_item():
    return ContentHealthMenuItem(
        "Email alerts",
        reverse(REPORT_URL_NAME),
        name="email-alerts",
        icon_name="mail",
        order=53,
    )


class AlertDataMenuItem(MenuItem):
    def is_shown(self, request):
        return data_requests.can_answer(request.user)


@hooks.register("register_reports_menu_item")
def register_alert_data_menu_item():
    return AlertDataMenuItem(
        "Email alert data",
        reverse(DATA_URL_NAME),
        name="email-alert-data",
        icon_name="mail",
        order=54,
    )


@hooks.register("register_log_actions")
def register_alert_data_log_actions(actions):
    data_requests.register_log_actions(actions)


@hooks.register("construct_homepage_panels")
def add_library_panel(request, panels):
    panels.append(LibraryPanel())
