from django.apps import AppConfig


class IlrcSiteConfig(AppConfig):
    name = "ilrc_site"
    verbose_name = "Site"

    def ready(self):
        from base import cache, page_cache

        from . import frontend_cache, signals

        # Every page's header and footer, and site search's promoted results.
        cache.watch(
            "ilrc_site.NavigationSettings",
            "ilrc_site.NavigationLink",
            "ilrc_site.FooterSettings",
            "ilrc_site.SocialLink",
            "wagtailsearchpromotions.SearchPromotion",
        )
        # Site search's words and page, and the sitemap's pages.
        page_cache.understands("q", "page", "p")
        frontend_cache.connect_signals()
        signals.connect()
