from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.documents import urls as wagtaildocs_urls

from publications.api.views import api, api_not_found

from .availability import healthz
from .feeds import LatestItemsFeed
from .media import media_urls
from .robots import robots_txt
from .sitemaps import SITEMAPS, sitemap_section
from .views import search

# Pages that fail because the database is away answer 503, other failures 500.
handler500 = "ilrc_site.availability.server_error"
# Every missing address shares one rendered 404 page.
handler404 = "base.views.page_not_found"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The library's public API (docs/api.md); any other address under /api/ is its 404.
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
]

urlpatterns += media_urls()

# What visitors read, in each language: English at /, Spanish under /es/ (base/i18n.py).
# Wagtail's page serving comes last: it matches every remaining path.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("feeds/latest/", LatestItemsFeed(), name="latest_items_feed"),
    path("alerts/", include("publications.alerts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
