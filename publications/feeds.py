"""RSS 2.0 feeds of dated items: any filtered view of the library (and, in ilrc_site, the
site's Latest Items).

An item shows a dated page's title, link, date, type (as category) and summary, read
from the DatedPage row with its type joined in: page bodies, in each kind's own table,
are never read. A feed is its items' keys, and each item as a feed shows it is kept
until content changes: only the items not kept yet are fetched.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone

from base.cache import kept_each

FEED_LENGTH = 30


class DatedItemsFeed(Feed):
    """A feed of the newest dated items of `get_items(request)`, a DatedPage queryset."""

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
        items = self.get_items(request)
        keys = items.newest().values_list("pk", flat=True)[:FEED_LENGTH]

        def fetch(missing):
            return items.model.objects.filter(pk__in=missing).for_listing().in_bulk()

        return kept_each(request, "feed-item", keys, fetch, lambda item: entry(item, request))

    def get_items(self, request):
        """The items' queryset."""
        raise NotImplementedError

    def item_title(self, item):
        return item["title"]

    def item_description(self, item):
        return item["listing_summary"]

    def item_link(self, item):
        return item["url"]

    def item_pubdate(self, item):
        return datetime.datetime.combine(
            item["date"], datetime.time(), tzinfo=timezone.get_current_timezone()
        )

    def item_categories(self, item):
        return [item["type"]]


class LibraryFeed(DatedItemsFeed):
    """One filtered view of the library: /resources/feed/?<filters>. Made for one request,
    by the library page, with that request's items."""

    def __init__(self, items, *, title, link, feed_url, description):
        super().__init__()
        self.library_items = items
        self.feed_title = title
        self.feed_link = link
        self.feed_self_url = feed_url
        self.feed_description = description

    def get_items(self, request):
        return self.library_items

    def title(self):
        return self.feed_title

    def link(self):
        return self.feed_link

    def feed_url(self):
        return self.feed_self_url

    def description(self):
        return self.feed_description


def entry(item, request):
    """What a feed shows of a dated item (with its type)."""
    return {
        **item.describe(request),
        "date": item.date,
        "type": item.resource_type.local_name,
        "listing_summary": item.summary,
    }
