"""Purging a CDN in front of the site when content changes, through Wagtail's frontend cache.

The page cache (page_cache.py) starts afresh on every change. A CDN cannot be told
that through Wagtail's purge backends, so each change purges the addresses it can
show on:

- a page published, unpublished, moved or deleted: its own addresses (and, after a
  move, its former ones);
- with every change: every live page that is not a dated item (the home page and
  its Latest Items, the library and its feed, programs, topic pages, standard
  pages; a page's ancestors are always among them), the Latest Items feed and the
  sitemap (its index and each page of its sections, one per 5,000 pages). They are a
  few dozen however large the library grows.

Everything else (an item's own page showing a renamed type or a new navigation link,
filtered library views, feeds and search results, whose query strings cannot be
listed) is kept by the CDN for PAGE_CACHE_CDN_SECONDS at most.

Nothing is purged, and nothing is looked up, when no CDN is configured
(WAGTAILFRONTENDCACHE, set from the environment in settings/base.py). The app
wagtail.contrib.frontend_cache is not installed: its own signal handlers would purge
published pages a second time.
"""

import threading
from copy import copy

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from publications.models import DatedPage

from .page_cache import INVALIDATING_MODELS
from .sitemaps import sitemap_urls


class _PendingPurge(threading.local):
    """What this thread's change needs purged once it is committed."""

    def __init__(self):
        self.changed = False
        self.urls = set()


_pending = _PendingPurge()


def page_urls(page):
    """The page's addresses (Wagtail's PurgeBatch asks the page for its cached paths)."""
    batch = PurgeBatch()
    batch.add_page(page)
    return batch.urls


def shared_urls():
    """The addresses every change may show on: see the module's docstring."""
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().not_type(DatedPage).specific(defer=True))
    for site in Site.objects.select_related("root_page"):
        batch.add_urls([site.root_url + reverse("latest_items_feed"), *sitemap_urls(site)])
    return batch.urls


def _changed(urls=()):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    _pending.changed = True
    _pending.urls.update(urls)
    # Purged before the change is committed, the CDN could fetch the old page again.
    # (A change rolled back leaves its addresses to be purged with the next one.)
    transaction.on_commit(_purge_pending)


def _purge_pending():
    # One change saves several rows (a page and its revision, a setting and its
    # links), each with its own signal: the first callback purges for all of them.
    if not _pending.changed:
        return
    urls = _pending.urls | shared_urls()
    _pending.changed, _pending.urls = False, set()
    purge_urls_from_cache(sorted(urls))


def _page_published_or_unpublished(instance, **kwargs):
    _changed(page_urls(instance))


def _page_moved(instance, url_path_before, **kwargs):
    before = copy(instance)
    before.url_path = url_path_before
    _changed(page_urls(before) | page_urls(instance))


def _deleted(instance, **kwargs):
    if isinstance(instance, Page):
        _changed(page_urls(instance))


def _content_changed(**kwargs):
    _changed()


def connect_signals():
    """Purge on the same changes that clear the page cache (page_cache.connect_signals)."""
    for signal in (page_published, page_unpublished):
        signal.connect(_page_published_or_unpublished, dispatch_uid=f"cdn-{signal!r}")
    post_page_move.connect(_page_moved, dispatch_uid="cdn-page-moved")
    post_delete.connect(_deleted, dispatch_uid="cdn-page-deleted")
    for label in INVALIDATING_MODELS:
        post_save.connect(_content_changed, sender=label, dispatch_uid=f"cdn-save-{label}")
        post_delete.connect(_content_changed, sender=label, dispatch_uid=f"cdn-delete-{label}")
