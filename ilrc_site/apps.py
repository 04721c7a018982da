from django.apps import AppConfig


class IlrcSiteConfig(AppConfig):
    name = "ilrc_site"
    verbose_name = "Site"

    def ready(self):
        from . import signals

        signals.connect()
