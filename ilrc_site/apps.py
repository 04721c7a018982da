from django.apps import AppConfig


class IlrcSiteConfig(AppConfig):
    name = "ilrc_site"
    verbose_name = "Site"

    def ready(self):
        from . import frontend_cache, page_cache, signals

        page_cache.connect_signals()
        frontend_cache.connect_signals()
        signals.connect()
