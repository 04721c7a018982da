"""Which pages visitors may see in lists: Wagtail's `.public()`, with the restricted
sections read once per content generation.

Wagtail's `PageQuerySet.public()` reads every view restriction, with its page, each
time a list of pages is built: a query on every feed, search and listing, about 1.5 ms
of CPU at 10,000 publications on this project's 2-CPU machine (bench/README.md,
"restricted-sections"), for a list that changes only when a restriction does (which
moves the content generation on). The same exclusion is built here from the restricted
pages' tree paths, kept per generation: a page is left out when it is one of them or
lies below one, as Wagtail's `descendant_of(..., inclusive=True)` has it.
tests/base/test_privacy.py compares the result with Wagtail's own `.public()`.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .cache import kept


def restricted_sections(request):
    """The tree paths of the pages that a view restriction covers, with all below them."""
    return kept(
        request,
        ("restricted-sections",),
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def public(request, pages):
    """`pages` without those that a view restriction covers."""
    paths = restricted_sections(request)
    if not paths:
        return pages
    return pages.exclude(reduce(or_, (Q(path__startswith=path) for path in paths)))
