from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save


def create_locales(using="default", **kwargs):
    """A Wagtail locale for every content language in settings: adding a language is a
    setting, not a migration."""
    from wagtail.models import Locale

    for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


class BaseConfig(AppConfig):
    name = "base"
    verbose_name = "Shared parts"

    def ready(self):
        from wagtail.models import Locale

        from . import cache, i18n

        post_migrate.connect(create_locales, sender=self, dispatch_uid="base-create-locales")
        for signal in (post_save, post_delete):
            signal.connect(i18n.forget_locales, sender=Locale, dispatch_uid=f"locales-{signal!r}")

        cache.watch_pages()
        # What pages of every app show besides pages themselves. Renditions count:
        # a page kept whole names its images' renditions, and a new one must reach it.
        cache.watch(
            "base.SiteImage",
            "base.SiteRendition",
            "wagtaildocs.Document",
            "base.DocumentAccessibility",
            "wagtailcore.Site",
            "wagtailcore.PageViewRestriction",
            "wagtailcore.CollectionViewRestriction",
            "wagtailredirects.Redirect",
            "wagtailcore.Locale",
        )
