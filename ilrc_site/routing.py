"""Finding the page a URL names in two queries, however deep it lies.

Wagtail's own routing walks down from the home page one level at a time, with two
queries a level (the child, then its specific type): seven queries for a story at
/programs/<program>/<story>/. Here one query finds the deepest page whose URL is a
prefix of the request's, and a second loads it as its specific type; that page then
routes whatever remains of the path itself (a library feed, or a 404).
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page

from publications.models import DatedPage


def route_below(home, request, path_components):
    prefixes = [
        (home.depth + n, home.url_path + "/".join(path_components[:n]) + "/")
        for n in range(1, len(path_components) + 1)
    ]
    # Slug and depth use indexes; the URL path then confirms the whole prefix.
    matches = Page.objects.filter(
        reduce(
            or_,
            (
                Q(depth=depth, slug=url_path.rsplit("/", 2)[1], url_path=url_path)
                for depth, url_path in prefixes
            ),
        )
    ).only("pk", "depth", "content_type")
    deepest = max(matches, key=lambda page: page.depth, default=None)
    if deepest is None:
        raise Http404
    model = deepest.specific_class
    pages = model.objects.all()
    if issubclass(model, DatedPage):
        pages = pages.select_related("resource_type")
    page = pages.get(pk=deepest.pk)
    return page.route(request, path_components[deepest.depth - home.depth :])
