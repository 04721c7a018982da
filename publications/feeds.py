"""RSS 2.0 feeds: the site's Latest Items, and any filtered view of the library.

Items are DatedPage rows with their type joined in: title, link, date, type as
category and summary. Page bodies live in each kind's own table and are never read.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone

from .queries import latest_items

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
        items = list(self.get_items(request))
        for item in items:
            item.feed_link = item.get_url(request)
        return items

    def get_items(self, request):
        raise NotImplementedError

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return datetime.datetime.combine(
            item.date, datetime.time(), tzinfo=timezone.get_current_timezone()
        )

    def item_categories(self, item):
        return [item.resource_type.name]


class LatestItemsFeed(DatedItemsFeed):
    """Every kind of dated item, newest first: /feeds/latest/."""

    title = f"Latest items | {settings.WAGTAIL_SITE_NAME}"
    link = "/"
    description = (
        "New toolkits, explainers, practice advisories, public comments and stories "
        f"from the {settings.WAGTAIL_SITE_NAME}."
    )

    def get_items(self, request):
        return latest_items(FEED_LENGTH)


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
        return self.listing.filtered().order_by("-date", "-pk")[:FEED_LENGTH]

    def title(self):
        return self.feed_title

    def description(self):
        return self.feed_description

    def link(self):
        return self.listing.link(keep_sort=False)

    def feed_url(self):
        return self.listing.feed_link()
