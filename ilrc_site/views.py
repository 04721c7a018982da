"""Site-wide search at /search/: every live, public page of the site, promoted results first."""

from urllib.parse import quote

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from publications.content_cache import public, remember, remember_each, site_key
from publications.forms import SearchForm
from publications.listing import PAGE_SIZE, pagination, query_string

TEMPLATE = "ilrc_site/search.html"


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, {"form": form}, status=400)
    q = form.cleaned_data["q"]
    context = {"form": form, "q": q}
    if not form.words:
        return TemplateResponse(request, TEMPLATE, context)

    pages = site_pages(request)
    promotions = list(promoted(q, pages))
    results = (
        # Promoted pages come first, on the first page, and not again among the results.
        pages.exclude(pk__in=[p.page_id for p in promotions if p.page_id])
        # Keys: each result's description is kept until content changes (described()).
        .values_list("pk", flat=True)
        .search(form.words, operator="and")
    )
    paginator = Paginator(results, PAGE_SIZE)
    # The number of matches, counted once per content generation: every page of results
    # of the same words shares it.
    words = quote(form.words)
    paginator.count = remember(f"search-count:{site_key(request)}:{words}", results.count)
    try:
        page = paginator.page(form.cleaned_data["page"] or 1)
    except EmptyPage:
        raise Http404("There is no such page of results.") from None
    context.update(
        results=page,
        total=page.paginator.count + len(promotions),
        promotions=[describe_promotion(p, request) for p in promotions] if page.number == 1 else [],
        items=described(list(page), request),
        pagination=pagination(page, lambda number: search_url(q, number)),
    )
    return TemplateResponse(request, TEMPLATE, context)


def search_url(q, page):
    return query_string([("q", q), ("page", page)] if page > 1 else [("q", q)])


def site_pages(request):
    """The live, public pages of the request's site, of every kind."""
    site = Site.find_for_request(request)
    pages = public(Page.objects.live())
    if site is None:
        return pages.none()
    return pages.descendant_of(site.root_page, inclusive=True)


def promoted(q, pages):
    """Editors' promoted results for exactly these words (Search promotions in the admin)."""
    return (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(q))
        .filter(Q(page__isnull=True) | Q(page__in=pages))
        .select_related("page")
        .order_by("sort_order")
    )


def described(keys, request):
    """The descriptions of the pages of `keys`, in order, each made once per content
    generation: only the pages whose description is not kept yet are fetched."""

    def fetch(missing):
        # One query per kind of page, not per result; bodies are not needed.
        pages = Page.objects.filter(pk__in=missing).specific().defer_streamfields()
        return {page.pk: page for page in pages}

    return remember_each(
        f"search-result:{site_key(request)}", keys, fetch, lambda page: describe(page, request)
    )


def describe(page, request):
    """A result as the template shows it: kind of page, title, link and a summary."""
    summary = page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")
    return {
        "kind": capfirst(page._meta.verbose_name),
        "title": page.title,
        "url": page.get_url(request),
        "summary": summary,
    }


def describe_promotion(promotion, request):
    if promotion.page is None:
        return {
            "kind": "Recommended link",
            "title": promotion.external_link_text or promotion.external_link_url,
            "url": promotion.external_link_url,
            "summary": promotion.description,
        }
    page = promotion.page
    return {
        "kind": capfirst(page.specific_class._meta.verbose_name),
        "title": page.title,
        "url": page.get_url(request),
        "summary": promotion.description or page.search_description,
    }
