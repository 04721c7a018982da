"""Site-wide search at /search/: every live, public page of the site, promoted results first."""

from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from base.cache import kept, kept_each
from base.page_cache import cache_under_query
from base.pages import SitePageQuerySet
from base.pagination import page_links, query_string, results_page
from base.privacy import public
from publications.filters import SearchForm

TEMPLATE = "ilrc_site/search.html"


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, {"form": form}, status=400)
    q = form.cleaned_data["q"]
    context = {"form": form, "q": q}
    if not form.words:
        return cache_under_query(TemplateResponse(request, TEMPLATE, context), [])

    pages = site_pages(request)
    promotions = list(promoted(q, pages))
    results = (
        # Promoted pages come first, on the first page, and not again among the results.
        pages.exclude(pk__in=[p.page_id for p in promotions if p.page_id])
        # Keys: each result's description is kept until content changes (described()).
        .values_list("pk", flat=True)
        .search(form.words, operator="and")
    )
    # On PostgreSQL, every match's ranking kept (publications/search_backend.py).
    results.ranking_request = request
    # The number of matches, counted once per content generation: every page of results
    # of the same words shares it (a full-text count of every match, bench/README.md).
    count = kept(request, ("search-count", form.words), results.count, chosen=True)
    page = results_page(results, form.cleaned_data["page"], count=count)
    context.update(
        results=page,
        total=page.paginator.count + len(promotions),
        promotions=[describe_promotion(p, request) for p in promotions] if page.number == 1 else [],
        items=described(list(page), request),
        pagination=page_links(page, lambda number: search_url(q, number)),
    )
    params = [("q", q), ("page", page.number)] if page.number > 1 else [("q", q)]
    return cache_under_query(TemplateResponse(request, TEMPLATE, context), params)


def search_url(q, page):
    return query_string([("q", q), ("page", page)] if page > 1 else [("q", q)])


def site_pages(request):
    """The live, public pages of the request's site, of every kind."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    # Page's own manager has no `in_language()`: the site's page queryset, over every kind.
    pages = (
        SitePageQuerySet(Page).live().in_language().descendant_of(site.root_page, inclusive=True)
    )
    return public(request, pages)


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

    return kept_each(request, "search-result", keys, fetch, lambda page: page.describe(request))


def describe_promotion(promotion, request):
    if promotion.page is None:
        return {
            "kind": gettext("Recommended link"),
            "title": promotion.external_link_text or promotion.external_link_url,
            "url": promotion.external_link_url,
            "summary": promotion.description,
        }
    page = promotion.page
    return {
        "kind": str(capfirst(page.specific_class._meta.verbose_name)),
        "title": page.title,
        "url": page.get_url(request),
        "summary": promotion.description or page.search_description,
    }
