from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Publication library"

    def ready(self):
        from base import cache, page_cache

        from . import tasks

        # A publication's PDF is made in the background when it is published.
        tasks.connect_signals()

        # Every listing, card and filter shows the types and topics.
        cache.watch("publications.ResourceType", "publications.Topic")
        # The library's filters (and its feed's), and the policy language's area.
        page_cache.understands("q", "type", "topic", "date_from", "date_to", "sort", "page")
        page_cache.understands("area")
        # The API's language (publications/api/).
        page_cache.understands("lang")
