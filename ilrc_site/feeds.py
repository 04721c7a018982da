"""The site's Latest Items feed at /feeds/latest/: every kind of dated item, newest first."""

from django.conf import settings
from django.utils.translation import gettext
from wagtail.models import Site

from base.i18n import current_language, home_url
from publications.feeds import DatedItemsFeed
from publications.models import DatedPage


class LatestItemsFeed(DatedItemsFeed):
    # In the request's language: /es/feeds/latest/ is the Spanish site's feed.
    def link(self, request):
        return home_url(current_language())

    def title(self, request):
        return gettext("Latest items | %(site_name)s") % {"site_name": settings.WAGTAIL_SITE_NAME}

    def description(self, request):
        return gettext(
            "New toolkits, explainers, practice advisories, public comments and stories "
            "from the %(site_name)s."
        ) % {"site_name": settings.WAGTAIL_SITE_NAME}

    def get_items(self, request):
        site = Site.find_for_request(request)
        items = DatedPage.objects.live_public(request)
        return items.descendant_of(site.root_page) if site else items.none()
