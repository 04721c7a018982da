"""Email alerts in the admin: a report of how many readers follow what (for anyone who
works on pages, with no address in sight), and the page where an administrator answers
a reader's request to see or erase their data.

The address travels in POST bodies only, never in a URL: it stays out of server logs
and browser history."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permissions import policy_registry

from . import data_requests
from .summary import FilterNames, count_alerts, describe_view, language_name

REPORT_URL_NAME = "publications_email_alerts"
DATA_URL_NAME = "publications_email_alert_data"
EXPORT_URL_NAME = "publications_email_alert_data_export"
DELETE_URL_NAME = "publications_email_alert_data_delete"


class PageWithBreadcrumbs(WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class EmailAlertReportView(PermissionCheckedMixin, PageWithBreadcrumbs, TemplateView):
    page_title = "Email alerts"
    header_icon = "mail"
    template_name = "publications/alerts/admin/report.html"
    any_permission_required = ["add", "change", "publish"]

    @cached_property
    def permission_policy(self):
        # Anyone who works on pages may see what readers follow: counts, never addresses.
        return policy_registry.get_by_type(Page)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts=count_alerts(),
            can_answer_data_requests=data_requests.can_answer(self.request.user),
            **kwargs,
        )


class AddressForm(forms.Form):
    email = forms.EmailField(label="Email address")


class DataRequestMixin:
    """Administrators only, with the address from a posted form."""

    def dispatch(self, request, *args, **kwargs):
        if not data_requests.can_answer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def form(self):
        return AddressForm(self.request.POST or None)

    def back_to_the_data_page(self):
        messages.error(self.request, "Enter a valid email address.")
        return redirect(DATA_URL_NAME)


class AlertDataView(DataRequestMixin, PageWithBreadcrumbs, TemplateView):
    """Look up an address's alerts, with the way to export or delete them."""

    page_title = "Email alert data"
    page_subtitle = "An address's alerts, to export or delete"
    header_icon = "mail"
    template_name = "publications/alerts/admin/data.html"

    def post(self, request):
        return self.get(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
        if self.form.is_valid():
            names = FilterNames()
            alerts = data_requests.alerts_listing(self.form.cleaned_data["email"])
            context["alerts"] = [
                {
                    "alert": alert,
                    "view": describe_view(alert.query, names),
                    "language": language_name(alert.language),
                }
                for alert in alerts
            ]
        return context


class AlertDataExportView(DataRequestMixin, View):
    """Download, as JSON, everything stored for the address."""

    def post(self, request):
        if not self.form.is_valid():
            return self.back_to_the_data_page()
        data = data_requests.export(self.form.cleaned_data["email"], request)
        first = data_requests.alerts_of(self.form.cleaned_data["email"]).order_by("pk").first()
        if first is not None:
            data_requests.log_request(first, data_requests.EXPORT_ACTION, len(data["alerts"]))
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="email-alert-data.json"'
        add_never_cache_headers(response)
        return response


class AlertDataDeleteView(DataRequestMixin, PageWithBreadcrumbs, TemplateView):
    """Ask for confirmation, then delete the address's alerts and what was sent to them."""

    page_title = "Delete email alerts"
    header_icon = "bin"
    template_name = "publications/alerts/admin/confirm_delete.html"
    http_method_names = ["post"]

    def post(self, request):
        if not self.form.is_valid():
            return self.back_to_the_data_page()
        alerts = data_requests.alerts_of(self.form.cleaned_data["email"])
        if "confirm" not in request.POST:
            return self.render_to_response(
                self.get_context_data(form=self.form, count=alerts.count())
            )
        with transaction.atomic():
            first = alerts.order_by("pk").first()
            _total, deleted = alerts.delete()
            count = deleted.get("publications.Alert", 0)
            if first is not None:
                # Logged against the alert just deleted: the entry keeps its id and title.
                data_requests.log_request(first, data_requests.DELETE_ACTION, count)
        sent = deleted.get("publications.AlertDelivery", 0)
        messages.success(
            request,
            f"Deleted {count} email alert{'' if count == 1 else 's'} "
            f"and {sent} record{'' if sent == 1 else 's'} of items sent.",
        )
        return redirect(DATA_URL_NAME)
