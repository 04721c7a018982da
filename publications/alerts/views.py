"""Signing up for alerts on a view of the library, confirming, managing and unsubscribing.

Every page here is one reader's own: `never_cache`, kept by no cache (base.page_cache
skips /alerts/ in every language) and indexed by no search engine. Every answer to a
sign-up is the same page, so that nobody learns whether an address is subscribed. The
links in emails work without signing in: their tokens are the proof (links.py).
"""

import logging
import smtplib
from functools import wraps

from django.core import signing
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from base.i18n import current_language
from publications.filters import LibraryFilterForm
from publications.models import Alert
from publications.models.library import filter_form_choices

from . import library_view
from .confirmation import recently_sent, send_confirmation
from .forms import AlertSignupForm, RemoveAlertForm
from .limits import seconds_to_wait
from .links import CONFIRM_MAX_AGE, confirmation_of, email_of, manage_url, unsubscribe_url

logger = logging.getLogger(__name__)

# The library's own parameters, kept as the visitor's link gave them (the sign-up form's
# own fields have other names).
FILTER_NAMES = tuple(LibraryFilterForm.base_fields)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def new_alert(request):
    data = request.POST if request.method == "POST" else request.GET
    types, topics = filter_form_choices(request)
    filter_form, query = library_view.canonical_query(data, types, topics)
    library = library_view.library_page()
    context = {
        "library": library,
        "filter_form": filter_form,
        # The filters exactly as given, for the form's hidden fields.
        "filter_params": [
            (name, value)
            for name, values in data.lists()
            if name in FILTER_NAMES
            for value in values
        ],
    }
    if query is None:
        return render(request, "publications/alerts/new.html", context, status=400)

    description = describe(filter_form.filters(), library)
    context.update(description=description, view_url=view_url(library, query))
    form = AlertSignupForm(data if request.method == "POST" else None)
    context["form"] = form
    if request.method != "POST":
        return render(request, "publications/alerts/new.html", context)
    if not form.is_valid():
        return render(request, "publications/alerts/new.html", context, status=400)
    if form.is_robot:
        return check_your_email(request)

    email = form.cleaned_data["email"]
    wait = seconds_to_wait(request, email)
    if wait:
        return too_many_sign_ups(request, wait)
    frequency = form.cleaned_data["frequency"]
    alert, created = Alert.objects.get_or_create(
        email=email, query=query, language=current_language(), defaults={"frequency": frequency}
    )
    if not created and alert.confirmed_at is None and alert.frequency != frequency:
        alert.frequency = frequency
        alert.save(update_fields=["frequency"])
    if not recently_sent(alert):
        try:
            # A confirmed alert's frequency changes only once its reader confirms.
            send_confirmation(alert, description, frequency)
        except (smtplib.SMTPException, OSError):
            logger.exception("The confirmation email of alert %s was not sent", alert.pk)
            return notice(
                request,
                gettext("We could not send the email"),
                [gettext("Sending email failed just now. Please try again in a few minutes.")],
                status=503,
            )
    return check_your_email(request)


def describe(filters, library):
    return library_view.describe(filters, library.title if library else gettext("Resources"))


def view_url(library, query):
    return library_view.view_url(library, query) if library else ""


def check_your_email(request):
    return render(
        request, "publications/alerts/check_your_email.html", {"days": CONFIRM_MAX_AGE.days}
    )


def too_many_sign_ups(request, wait):
    minutes = max(1, round(wait / 60))
    response = notice(
        request,
        gettext("Too many sign-ups"),
        [
            ngettext(
                "There have been too many sign-ups for email alerts from here or for this "
                "address. Please try again in %(minutes)d minute.",
                "There have been too many sign-ups for email alerts from here or for this "
                "address. Please try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes}
        ],
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


@never_cache
@require_http_methods(["GET", "HEAD"])
def confirm(request, token):
    try:
        pk, frequency = confirmation_of(token)
        alert = Alert.objects.get(pk=pk)
    except signing.SignatureExpired:
        return link_expired(request)
    except (signing.BadSignature, ValueError, TypeError, Alert.DoesNotExist):
        return link_not_valid(request)
    if alert.confirmed_at is None:
        # Only what is published from now on is new to the alert.
        alert.confirmed_at = alert.last_sent_at = timezone.now()
    if frequency in Alert.Frequency.values:
        alert.frequency = frequency
    alert.save(update_fields=["confirmed_at", "last_sent_at", "frequency"])
    return render(
        request,
        "publications/alerts/confirmed.html",
        {
            "alert": alert,
            "view": describe_alert(request, alert),
            "manage_url": manage_url(alert.email, alert.language),
        },
    )


def by_address(view):
    """Call `view(request, email)` with the address that the link's token names; a
    forged or expired token gets its 400 page instead."""

    @wraps(view)
    def read_token(request, token):
        try:
            email = email_of(token)
        except signing.SignatureExpired:
            return link_expired(request)
        except signing.BadSignature:
            return link_not_valid(request)
        return view(request, email)

    return read_token


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@by_address
def manage(request, email):
    removed = None
    if request.method == "POST":
        # An alert removed already (a second click) is simply no longer listed.
        form = RemoveAlertForm(request.POST, email=email)
        if form.is_valid():
            removed = form.cleaned_data["alert"]
            removed.delete()
    alerts = Alert.objects.filter(email=email).order_by("created_at")
    return render(
        request,
        "publications/alerts/manage.html",
        {
            "email": email,
            "alerts": [{"alert": a, **describe_alert(request, a)} for a in alerts],
            "removed": removed and describe_alert(request, removed),
            "unsubscribe_url": unsubscribe_url(email, current_language()),
        },
    )


# Mail clients unsubscribe with a POST of `List-Unsubscribe=One-Click` and no cookie
# (RFC 8058): the signed address in the link is the proof, not a CSRF token.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@by_address
def unsubscribe(request, email):
    if request.method != "POST":
        return render(request, "publications/alerts/unsubscribe.html", {"email": email})
    # The address goes with every alert, and their deliveries (a cascade).
    Alert.objects.filter(email=email).delete()
    return render(request, "publications/alerts/unsubscribed.html", {"email": email})


def describe_alert(request, alert):
    """An alert's view in its own language: {"description", "url", "language"}."""
    with translation.override(alert.language):
        types, topics = filter_form_choices(request)
        filters = library_view.filters_of(alert.query, types, topics)
        library = library_view.library_page()
        return {
            "description": describe(filters, library) if filters else alert.query,
            "url": view_url(library, alert.query),
            "language": alert.language,
        }


def link_not_valid(request):
    return notice(
        request,
        gettext("This link is not valid"),
        [
            gettext(
                "The link may have been cut short or changed. Copy the whole link from the "
                "email, or sign up again from the resource library."
            )
        ],
        status=400,
    )


def link_expired(request):
    return notice(
        request,
        gettext("This link has expired"),
        [
            gettext(
                "Links in our emails work for a limited time. Sign up again from the "
                "resource library and we will send you a new link."
            )
        ],
        status=400,
    )


def notice(request, heading, paragraphs, status):
    """A short page in words, with a link to the library."""
    return render(
        request,
        "publications/alerts/notice.html",
        {"heading": heading, "paragraphs": paragraphs, "library": library_view.library_page()},
        status=status,
    )
