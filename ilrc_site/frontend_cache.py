"""Purging a CDN in front of the site when content changes, through Wagtail's frontend cache.

The page cache (base/page_cache.py) starts afresh on every change. A CDN cannot be told
that through Wagtail's purge backends, so each change (base.cache.content_changed, sent
for every change that moves the content generation on) purges the addresses it can
show on:

- a page published, unpublished, moved or deleted: its own addresses (and, after a
  move, its former ones), and a dated item's address in the API; a change that shows
  on the page alone (a publication's PDF, once made) purges those and nothing else;
- with every change: every live page that is not a dated item (the home page and
  its Latest Items, the library and its feed, programs, topic pages, standard
  pages; a page's ancestors are always among them), the Latest Items feed, the
  sitemap (its index and each page of its sections, one per 5,000 pages) and the
  API's unfiltered listings (publications/api/). They are a few dozen however large
  the library grows.

Each language's pages are purged apart: a published, unpublished, moved or deleted page
purges the shared addresses of its own language only, since the other languages'
listings never show it; its translations' own pages are purged too, because they link
to it (`hreflang`, the language switcher, "Also available in"). Any other change
(a type's name, a navigation link) purges the shared addresses of every language.

Everything else (an item's own page showing a renamed type or a new navigation link,
filtered library views, feeds and search results, whose query strings cannot be
listed) is kept by the CDN for PAGE_CACHE_CDN_SECONDS at most.

Nothing is purged, and nothing is looked up, when no CDN is configured
(WAGTAILFRONTENDCACHE, set from the environment in settings/base.py). The app
wagtail.contrib.frontend_cache is not installed: its own signal handlers would purge
published pages a second time.
"""

import threading

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.models import Page, Site

from base.cache import content_changed
from base.i18n import language_codes
from publications.api.views import item_path, purged_paths
from publications.models import DatedPage

from .sitemaps import sitemap_urls


class _PendingPurge(threading.local):
    """What this thread's change needs purged once it is committed."""

    def __init__(self):
        self.changed = False
        self.urls = set()
        self.languages = set()


_pending = _PendingPurge()


def page_urls(page):
    """The page's addresses (Wagtail's PurgeBatch asks the page for its cached paths),
    and a dated item's in the API."""
    batch = PurgeBatch()
    batch.add_page(page)
    if issubclass(page.specific_class or type(page), DatedPage):
        site = page.get_site()
        if site is not None:
            batch.add_urls([site.root_url + item_path(page)])
    return batch.urls


def translations_urls(page):
    """The addresses of the page's live translations, which link to it."""
    translations = page.get_translations().live().specific(defer=True)
    return set().union(*(page_urls(translation) for translation in translations))


def shared_urls(languages):
    """The addresses every change in `languages` may show on: see the module's docstring."""
    batch = PurgeBatch()
    pages = Page.objects.live().not_type(DatedPage).filter(locale__language_code__in=languages)
    batch.add_pages(pages.specific(defer=True))
    for site in Site.objects.select_related("root_page"):
        for language in languages:
            with translation.override(language):
                batch.add_urls([site.root_url + reverse("latest_items_feed")])
        batch.add_urls(sitemap_urls(site))
        batch.add_urls([site.root_url + path for path in purged_paths(languages)])
    return batch.urls


def _content_changed(pages, own_pages_only=False, **kwargs):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    _pending.changed = True
    for page in pages:
        _pending.urls.update(page_urls(page))
        if own_pages_only:
            continue
        _pending.urls.update(translations_urls(page))
        _pending.languages.add(page.locale.language_code)
    if not pages:  # a change to what every language's pages show
        _pending.languages.update(language_codes())
    # Purged before the change is committed, the CDN could fetch the old page again.
    # (A change rolled back leaves its addresses to be purged with the next one.)
    transaction.on_commit(_purge_pending)


def _purge_pending():
    # One change saves several rows (a page and its revision, a setting and its
    # links), each with its own signal: the first callback purges for all of them.
    if not _pending.changed:
        return
    shared = shared_urls(sorted(_pending.languages)) if _pending.languages else set()
    urls = _pending.urls | shared
    _pending.changed, _pending.urls, _pending.languages = False, set(), set()
    purge_urls_from_cache(sorted(urls))


def connect_signals():
    content_changed.connect(_content_changed, dispatch_uid="cdn-purge")
