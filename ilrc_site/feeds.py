"""The site's Latest Items feed at /feeds/latest/: every kind of dated item, newest first."""

from django.conf import settings
from wagtail.models import Site

from publications.feeds import DatedItemsFeed
from publications.models import DatedPage


class LatestItemsFeed(DatedItemsFeed):
    title = f"Latest items | {settings.WAGTAIL_SITE_NAME}"
    link = "/"
    description = (
        "New toolkits, explainers, practice advisories, public comments and stories "
        f"from the {settings.WAGTAIL_SITE_NAME}."
    )

    def get_items(self, request):
        site = Site.find_for_request(request)
        items = DatedPage.objects.live_public(request)
        return items.descendant_of(site.root_page) if site else items.none()
