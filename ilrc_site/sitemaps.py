"""The sitemap: an index at /sitemap.xml, listing sections of at most 5,000 addresses each.

A sitemap may list 50,000 addresses, and Django's sitemap view serves one page of them:
without the index, a library past that size would go partly unlisted. Smaller sections
also keep each response small (about 140 bytes an address) and quick to render.
"""

from functools import reduce
from operator import or_

from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from base.page_cache import cache_under_query
from base.routing import translation_paths


class PagesSitemap(Sitemap):
    """Every live, public page of the request's site (or of `site`) in every language, as
    Wagtail lists them, each with its translations (base.pages.SitePage.get_sitemap_urls).
    """

    limit = 5000

    def __init__(self, request=None, site=None):
        super().__init__(request)
        self.site = site

    def get_wagtail_site(self):
        return self.site or super().get_wagtail_site()

    def items(self):
        # The site's home page in each language, and every page below each.
        homes = Page.objects.filter(
            translation_key=self.get_wagtail_site().root_page.translation_key
        )
        below = reduce(
            or_, (Q(path__startswith=path) for path in homes.values_list("path", flat=True))
        )
        pages = Page.objects.filter(below).live().public().order_by("path").defer_streamfields()
        if self.request is not None:  # the addresses of each page's translations
            pages = pages.annotate(**translation_paths(self.request))
        return pages.specific()

    def get_latest_lastmod(self):
        # For the index. Django's own builds every page to compare their dates (seconds
        # of CPU at 10,000 pages); the database finds the latest of Wagtail's lastmod.
        latest = Coalesce("last_published_at", "latest_revision_created_at")
        return self.items().order_by().aggregate(latest=Max(latest))["latest"]


SITEMAPS = {"pages": PagesSitemap}


def sitemap_section(request, section):
    """One page (`?p=N`) of a section, kept by the page cache under its page number."""
    response = sitemap(request, sitemaps=SITEMAPS, section=section)
    number = request.GET.get("p", "1")
    return cache_under_query(response, [("p", number)] if number != "1" else [])


def sitemap_urls(site):
    """The index of `site`'s sitemap and every page of each of its sections."""
    urls = [site.root_url + reverse("sitemap")]
    for section, sitemap_class in SITEMAPS.items():
        url = site.root_url + reverse("sitemap_section", kwargs={"section": section})
        pages = sitemap_class(site=site).paginator.num_pages
        urls += [url, *(f"{url}?p={number}" for number in range(2, pages + 1))]
    return urls
