"""RSS 2.0 feeds: the site's Latest Items, and any filtered view of the library.

An item shows a dated page's title, link, date, type (as category) and summary, read
from the DatedPage row with its type joined in (page bodies, in each kind's own table,
are never read), and kept until content changes: a feed is its items' keys, and only
the items not kept yet are fetched.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone

from .content_cache import remember_each, site_key
from .queries import items_by_key, latest_items

FEED_LENGTH = 30


class DatedItemsFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed generator writes the XML in some 800 small pieces, and a WSGI server
        # sends each piece it is given with a system call of its own: joined, the
        # feed leaves in one.
        response.content = response.content
        return response

    def get_object(self, request, *args, **kwargs):
        # One Feed instance serves every request, so the request (which item links
        # need, to know their site) travels as the feed's object, not on `self`.
        return request

    def items(self, request):
        keys = self.get_items(request).values_list("pk", flat=True)[:FEED_LENGTH]

        name = f"feed-item:{site_key(request)}"
        return remember_each(name, keys, items_by_key, lambda page: describe(page, request))

    def get_items(self, request):
        """The items' queryset, newest first."""
        raise NotImplementedError

    def item_title(self, item):
        return item["title"]

    def item_description(self, item):
        return item["summary"]

    def item_link(self, item):
        return item["link"]

    def item_pubdate(self, item):
        return datetime.datetime.combine(
            item["date"], datetime.time(), tzinfo=timezone.get_current_timezone()
        )

    def item_categories(self, item):
        return [item["type"]]


class LatestItemsFeed(DatedItemsFeed):
    """Every kind of dated item, newest first: /feeds/latest/."""

    title = f"Latest items | {settings.WAGTAIL_SITE_NAME}"
    link = "/"
    description = (
        "New toolkits, explainers, practice advisories, public comments and stories "
        f"from the {settings.WAGTAIL_SITE_NAME}."
    )

    def get_items(self, request):
        return latest_items()


class LibraryFeed(DatedItemsFeed):
    """One filtered view of the library, newest first: /resources/feed/?<filters>.

    Made for one request, by the library page, with that request's listing.
    """

    def __init__(self, listing, *, title, description):
        super().__init__()
        self.listing = listing
        self.feed_title = title
        self.feed_description = description

    def get_items(self, request):
        return self.listing.filtered().order_by("-date", "-pk")

    def title(self):
        return self.feed_title

    def description(self):
        return self.feed_description

    def link(self):
        return self.listing.link(keep_sort=False)

    def feed_url(self):
        return self.listing.feed_link()


def describe(page, request):
    """What a feed shows of a dated page (with its type)."""
    return {
        "title": page.title,
        "link": page.get_url(request),
        "date": page.date,
        "type": page.resource_type.name,
        "summary": page.summary,
    }
