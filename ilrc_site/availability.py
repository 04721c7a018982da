"""Telling load balancers and visitors that the database is away, quickly and plainly.

`/healthz` answers 200 while the database answers and 503 when it does not, for load
balancers. A page that cannot reach the database gets the 503 page ("back in a
moment") instead of the 500 page: the connect timeout in the database settings
makes that quick, and Django's connection health checks reconnect by themselves
once PostgreSQL is back.
"""

import sys

from django.db import Error as DatabaseError
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# Seconds after which a visitor (or a proxy) may try again.
RETRY_AFTER_SECONDS = 30


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain; charset=utf-8"
        )
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def _error_page(template_name, fallback):
    # The page links the stylesheet through the static files manifest; should that
    # fail too (a deployment without collectstatic), say the same in plain text.
    try:
        return loader.render_to_string(template_name), "text/html; charset=utf-8"
    except Exception:
        return fallback, "text/plain; charset=utf-8"


def server_error(request):
    """Django's 500 handler, which answers 503 when the database could not be reached.

    Called while the exception is being handled, so sys.exc_info() names it.
    """
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        content, content_type = _error_page(
            "503.html",
            gettext("The site is briefly unavailable. Please try again in a minute.") + "\n",
        )
        response = HttpResponse(content, content_type=content_type, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        content, content_type = _error_page(
            "500.html",
            gettext("Something went wrong on our side. Please try again in a few minutes.") + "\n",
        )
        response = HttpResponseServerError(content, content_type=content_type)
    response["Cache-Control"] = "no-store"
    return response
