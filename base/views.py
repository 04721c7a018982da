"""The 404 page: one rendered body that every missing address shares.

Kept by address, each mistyped or invented path would be an entry of its own in the
cache; rendered afresh each time, a 404 would cost as much as a page. The body names no
address and shows no signed-in editor's tools, so it is the same for every missing page
of a site and language, and is kept once per content generation.
"""

from django.http import HttpResponseNotFound
from django.template.loader import render_to_string

from .cache import kept
from .page_cache import is_anonymous_read

TEMPLATE = "404.html"


def page_not_found(request, exception=None):
    def render():
        # No section of the navigation is current on a page that does not exist.
        return render_to_string(TEMPLATE, {"navigation_path": ""}, request=request)

    if is_anonymous_read(request):
        body = kept(request, ("not-found",), render)
    else:
        body = render()  # a signed-in editor's page shows their own tools
    return HttpResponseNotFound(body)
