from django.apps import AppConfig


class BaseConfig(AppConfig):
    name = "base"
    verbose_name = "Shared parts"

    def ready(self):
        from . import cache

        cache.watch_pages()
        # What pages of every app show besides pages themselves. Renditions count:
        # a page kept whole names its images' renditions, and a new one must reach it.
        cache.watch(
            "base.SiteImage",
            "base.SiteRendition",
            "wagtaildocs.Document",
            "wagtailcore.Site",
            "wagtailcore.PageViewRestriction",
            "wagtailcore.CollectionViewRestriction",
            "wagtailredirects.Redirect",
        )
