"""The admin dashboard's library panel: the newest publications, what awaits review, and
how many publications offer nothing but a file."""

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState
from wagtail.permissions import policy_registry

from .models import PublicationPage
from .reports import only_a_download

PANEL_LENGTH = 6


class LibraryPanel(Component):
    name = "library"
    template_name = "publications/admin/library_panel.html"
    order = 150  # above Wagtail's own panels: it is the library's front page

    def render_html(self, parent_context):
        user = parent_context["request"].user
        if not policy_registry.get_by_type(Page).user_has_any_permission(
            user, ["add", "change", "publish"]
        ):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {
            "request": parent_context["request"],
            "newest": newest_publications(),
            "awaiting_review": awaiting_review(),
            "awaiting_count": awaiting_review_states().count(),
            # A standing count, since a report only shows what someone goes looking for.
            "only_a_download_count": PublicationPage.objects.filter(only_a_download()).count(),
        }


def newest_publications(limit=PANEL_LENGTH):
    """The newest publications by publication date, drafts and scheduled ones included."""
    return list(
        PublicationPage.objects.select_related("resource_type")
        .defer_streamfields()
        .annotate_approved_schedule()
        .prefetch_workflow_states()
        .order_by("-date", "-pk")[:limit]
    )


def awaiting_review_states():
    return WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=ContentType.objects.get_for_model(Page),
    )


def awaiting_review(limit=PANEL_LENGTH):
    """Pages submitted for review, latest first, as (page, workflow state): two queries."""
    states = list(
        awaiting_review_states()
        .select_related("workflow", "current_task_state__task", "requested_by")
        .order_by("-current_task_state__started_at", "-pk")[:limit]
    )
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    return [(pages[int(s.object_id)], s) for s in states if int(s.object_id) in pages]
