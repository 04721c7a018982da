"""The library in the admin: type and topic snippets, and a listing of publications."""

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PublicationPage, ResourceType, Topic


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
