"""The content generation, and the one rule that names everything kept in the shared cache.

The content generation is a counter in the shared cache (Redis in production). Every
change that public pages show moves it on: publishing, unpublishing, moving or deleting
a page, and saving or deleting any model an app has `watch`ed in its AppConfig.ready()
(types, topics, images, documents, view restrictions, navigation...). Whatever is
kept under the current generation is therefore never stale, and nothing has to be
found and deleted when content changes: the next request simply names a new entry.

Every entry is named by `cache_name`: the generation, the site, the language, whether
the request is a preview, then what is kept. Two things use it: the whole-page cache
(base/page_cache.py) and `kept`/`kept_each`, for the few costly parts of a page whose
measured saving pays for keeping them (bench/README.md lists each one and its figure).

What visitors choose (search words, filter combinations) could name entries without
end. Entries named after a visitor's choice are kept only within a budget per
generation (settings.CONTENT_CACHE_VISITOR_ENTRIES); past it, such work is done
afresh and not kept. And Redis runs with a `maxmemory` and an LRU policy
(docs/operations.md): every entry may be evicted, the generation included, and the
code stays correct when one is.
"""

import hashlib
import time
from contextlib import contextmanager
from contextvars import ContextVar
from copy import copy
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.utils import translation
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

# One generation for every site and language: a change anywhere starts everything afresh.
GENERATION_KEY = "content-generation"
# When the generation last moved on (seconds since the epoch): HTTP's Last-Modified.
CHANGED_AT_KEY = "content-changed-at"
# What is kept outlives no generation; the timeout only frees the memory of old ones.
KEPT_SECONDS = 24 * 60 * 60
# Longer names (a visitor's words, many filters) are kept under their hash: memcached
# refuses keys of more than 250 characters, and Django warns of them for every backend.
LONGEST_NAME = 200
# How many entries each process keeps its own copy of (see _ProcessCopies).
PROCESS_COPIES = 2000

# Sent once the generation has moved on, with `pages`: the pages published, unpublished,
# moved (as they were, then as they are) or deleted; empty for other changes. The CDN's
# purge listens (ilrc_site/frontend_cache.py).
content_changed = Signal()

# The generation a request read when it began (see PageCacheMiddleware).
_request_generation = ContextVar("content_generation", default=None)


def generation():
    """The current content generation; None while the shared cache is out of reach."""
    value = _request_generation.get()
    if value is None:
        value = cache.get(GENERATION_KEY)
    if value is None:
        # Started from the clock, not from 1: after the shared cache is emptied or the key
        # evicted, a generation that some process still keeps copies of never comes back.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


@contextmanager
def one_generation(current=None):
    """Read the generation once for everything a request keeps, not once for each
    (`current`: the generation, read already)."""
    token = _request_generation.set(current or generation())
    try:
        yield
    finally:
        _request_generation.reset(token)


def changed(pages=(), *, own_pages_only=False, **kwargs):
    """Move the content generation on: everything kept before is stale from now.
    `pages`: the pages changed, if the change is to pages; `own_pages_only`: what
    changed shows on those pages alone (a publication's new PDF), not in listings."""
    _request_generation.set(None)  # this request's own reads too
    _next_generation()
    # And again once the change is committed: until then other processes still read the
    # old content, and would keep it under the new generation.
    transaction.on_commit(_next_generation)
    content_changed.send(sender=None, pages=list(pages), own_pages_only=own_pages_only)


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted or never set
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    cache.set(CHANGED_AT_KEY, int(time.time()), timeout=None)


def generation_and_change_time():
    """The current generation, and when content last changed (seconds since the epoch,
    to the second), in one round trip to the shared cache: an answer's HTTP validators.
    Now for the time if the shared cache no longer knows it, which can only make a
    client fetch again; None for both while the shared cache is out of reach."""
    found = cache.get_many([GENERATION_KEY, CHANGED_AT_KEY])
    if CHANGED_AT_KEY not in found:
        cache.add(CHANGED_AT_KEY, int(time.time()), timeout=None)
        found[CHANGED_AT_KEY] = cache.get(CHANGED_AT_KEY)
    current = found.get(GENERATION_KEY) or generation()
    if current is None:
        return None, None
    return current, found[CHANGED_AT_KEY]


def cache_name(request, *parts):
    """The name of what is kept for `request`: the generation, the site (the host, each of
    which Wagtail maps to one site), the language, live or preview, then `parts`.
    None while the shared cache is out of reach: then nothing may be kept."""
    current = generation()
    if current is None:
        return None
    preview = "preview" if getattr(request, "is_preview", False) else "live"
    prefix = (
        f"content:{current}:{request.get_host().lower()}:{translation.get_language()}:{preview}:"
    )
    # Quoted: no part a caller passes (a path, a visitor's words) puts a space or a
    # control character in a name.
    rest = ":".join(quote(str(part), safe="/:=&,%+") for part in parts)
    if len(prefix) + len(rest) > LONGEST_NAME:
        rest = "sha256:" + hashlib.sha256(rest.encode()).hexdigest()
    return prefix + rest


def within_budget(request):
    """Whether one more entry named after a visitor's choice may be kept in this
    generation (settings.CONTENT_CACHE_VISITOR_ENTRIES for each site and language)."""
    name = cache_name(request, "visitor-entries")
    if name is None:
        return False
    cache.add(name, 0, timeout=KEPT_SECONDS)
    try:
        used = cache.incr(name)
    except ValueError:  # evicted since, or the cache is out of reach
        return False
    return used <= settings.CONTENT_CACHE_VISITOR_ENTRIES


class _ProcessCopies:
    """The entries this process has read or computed under the current generation.

    What is kept under a generation never changes, so a process may keep its own copy as
    long as the generation lasts: a page rendered again then reads only the generation
    from Redis, and unpickles nothing. The copies are shared by every request, which
    only read them.
    """

    def __init__(self):
        self.generation = None
        self.values = {}

    def of(self, generation):
        if generation != self.generation or len(self.values) >= PROCESS_COPIES:
            # A new dict rather than clear(): another thread may be reading the old one.
            self.values = {}
            self.generation = generation
        return self.values


_copies = _ProcessCopies()


def kept(request, parts, compute, *, chosen=False, shared_only=False):
    """`compute()`'s result, computed once per content generation under
    `cache_name(request, *parts)` (it must pickle, and not be None).

    `chosen`: the name carries what a visitor chose (words, filters), and is kept only
    within the budget (`within_budget`). `shared_only`: too large for each process to
    keep a copy of (`_ProcessCopies`). Computed every time without a cache that every
    process serving or changing content shares (settings.CONTENT_CACHE).
    """
    name = cache_name(request, *parts) if settings.CONTENT_CACHE else None
    if name is None:
        return compute()
    copies = {} if shared_only else _copies.of(generation())
    value = copies.get(name)
    if value is not None:
        return value
    value = cache.get(name)
    if value is None:
        value = compute()
        if chosen and not within_budget(request):
            return value
        cache.set(name, value, timeout=KEPT_SECONDS)
    copies[name] = value
    return value


def kept_each(request, kind, keys, fetch, make):
    """[make(object)] for each of `keys` in order, each kept per content generation under
    `cache_name(request, kind, key)`, in one round trip to the shared cache.

    `fetch(missing_keys)` returns {key: object} for the keys not kept yet (one query); a
    key it leaves out (a page unpublished since its key was read) is left out of the list.
    """
    keys = list(keys)
    names = {key: cache_name(request, kind, key) for key in keys} if settings.CONTENT_CACHE else {}
    if not names or None in names.values():
        objects = fetch(keys)
        return [make(objects[key]) for key in keys if key in objects]
    copies = _copies.of(generation())
    values = {key: copies[names[key]] for key in keys if names[key] in copies}
    unread = [key for key in keys if key not in values]
    if unread:
        found = cache.get_many([names[key] for key in unread])
        values.update((key, found[names[key]]) for key in unread if names[key] in found)
        missing = [key for key in unread if key not in values]
        if missing:
            objects = fetch(missing)
            made = {key: make(objects[key]) for key in missing if key in objects}
            cache.set_many({names[key]: value for key, value in made.items()}, KEPT_SECONDS)
            values.update(made)
        copies.update((names[key], values[key]) for key in unread if key in values)
    return [values[key] for key in keys if key in values]


def watch(*labels):
    """Move the generation on whenever a model of `labels` ("app.Model") is saved or
    deleted: each app names, in its AppConfig.ready(), the models its pages show."""
    for label in labels:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(_model_changed, sender=model, dispatch_uid=f"content-{signal!r}-{label}")


def _model_changed(sender, raw=False, **kwargs):
    if not raw:  # loading fixtures changes nothing that is being served
        changed()


def watch_pages():
    """Move the generation on when a page is published, unpublished, moved or deleted
    (saving a draft changes nothing that visitors see)."""
    page_published.connect(_page_changed, dispatch_uid="content-page-published")
    page_unpublished.connect(_page_changed, dispatch_uid="content-page-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="content-page-moved")
    post_delete.connect(_page_deleted, dispatch_uid="content-page-deleted")


def _page_changed(instance, **kwargs):
    changed([instance])


def _page_moved(instance, url_path_before, **kwargs):
    before = copy(instance)
    before.url_path = url_path_before
    changed([before, instance])


def _page_deleted(instance, **kwargs):
    if isinstance(instance, Page):
        changed([instance])
