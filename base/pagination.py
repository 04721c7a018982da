"""Pages of results, and the links between them, for every list of results on the site."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.translation import gettext

PAGE_SIZE = 20


def query_string(params):
    """(name, value) pairs as "?name=value&...", or "" for none."""
    return f"?{urlencode(params)}" if params else ""


def results_page(items, number, count=None):
    """Page `number` (1 when None) of `items`; Http404 past the last page. `count`: the
    number of items when known already, which saves the COUNT query."""
    paginator = Paginator(items, PAGE_SIZE)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(number or 1)
    except EmptyPage:
        raise Http404(gettext("There is no such page of results.")) from None


def page_links(page, url_for):
    """Links to the previous and next pages and the elided page range; `url_for(number)`."""
    paginator = page.paginator
    numbers = paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {
        "previous": url_for(page.number - 1) if page.has_previous() else None,
        "next": url_for(page.number + 1) if page.has_next() else None,
        "links": [
            {"ellipsis": True}
            if number == paginator.ELLIPSIS
            else {"number": number, "url": url_for(number), "current": number == page.number}
            for number in numbers
        ],
    }
