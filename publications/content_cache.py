"""The content generation, and the small lookups nearly every page repeats, kept until it moves.

The content generation is a counter in the shared cache (Redis in production).
Every change that shows on public pages moves it on: publishing, unpublishing,
moving or deleting a page, editing a type, topic, image, document, view
restriction or the site's navigation (ilrc_site/page_cache.py connects the
signals). Whatever is stored under the current generation is therefore never
stale, whether a whole page or one of the lookups below: which pages are
restricted, the resource types and topics, the library's address. Each would
otherwise cost a query on every request.
"""

import hashlib
import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from wagtail.models import PageViewRestriction, Site

GENERATION_KEY = "page-cache:generation"
# Lookups outlive no generation; the timeout only frees the memory of old ones.
LOOKUP_SECONDS = 24 * 60 * 60
# How many lookups a process keeps of the current generation (see _process_copies).
PROCESS_COPIES = 2000


# The generation a request read when it began (see one_generation).
_request_generation = ContextVar("content_generation", default=None)


def generation():
    """The current content generation; None while the shared cache is out of reach."""
    value = _request_generation.get()
    if value is None:
        value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _fresh_generation():
    # The counter starts from the clock, not from 1: after the shared cache is emptied
    # (Redis restarted, say), a generation a process still keeps copies of never comes back.
    return time.time_ns()


@contextmanager
def one_generation():
    """Read the generation once for all the lookups of a request, not once for each."""
    token = _request_generation.set(generation())
    try:
        yield
    finally:
        _request_generation.reset(token)


def invalidate_all(**kwargs):
    """Move the content generation on: everything stored before is stale from now."""
    _request_generation.set(None)  # this request's own lookups too
    _next_generation()
    # And again once the change is committed: until then other processes still read
    # the old content, and would cache it under the new generation.
    transaction.on_commit(_next_generation)


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the counter was evicted or never set
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


class _ProcessCopies:
    """The lookups this process has read or computed under the current generation.

    What is stored under a generation never changes, so a process may keep its own
    copy for as long as the generation lasts: a request then reads nothing from the
    shared cache but the generation, and unpickles nothing. The copies are the same
    objects for every request, which only read them.
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


_process_copies = _ProcessCopies()


def _kept():
    """(prefix of the shared cache's keys, this process's copies) for the current
    generation; None without a shared cache, or while it is out of reach (then the
    generation cannot move on either, and nothing kept may be trusted)."""
    if not settings.CONTENT_CACHE:
        return None
    current = generation()
    if current is None:
        return None
    return f"content:{current}:", _process_copies.of(current)


# Longer keys, whose names carry a visitor's words or filters, are hashed: memcached
# refuses keys of more than 250 characters, and Django warns of them for every backend.
LONGEST_KEY = 200


def _shared_key(prefix, name):
    key = prefix + name
    if len(key) > LONGEST_KEY:
        key = prefix + "sha256:" + hashlib.sha256(name.encode()).hexdigest()
    return key


def site_key(request):
    """The request's site, as cache names of what differs between sites say it."""
    site = Site.find_for_request(request)
    return site.pk if site else 0


def remember(name, compute):
    """`compute()`'s result, computed once per content generation (it must pickle).

    Without a shared cache (settings.CONTENT_CACHE), computed every time.
    """
    kept = _kept()
    if kept is None:
        return compute()
    prefix, copies = kept
    value = copies.get(name)
    if value is None:
        value = copies[name] = _read_or_compute(_shared_key(prefix, name), compute)
    return value


def _read_or_compute(key, compute):
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=LOOKUP_SECONDS)
    return value


def remember_shared(name, compute):
    """`compute()`'s result kept per content generation in the shared cache only, for a
    value too large for every process to keep a copy of (a search's ranking of every
    match); None without a shared cache, for the caller to do without."""
    kept = _kept()
    if kept is None:
        return None
    return _read_or_compute(_shared_key(kept[0], name), compute)


def remember_live(request, name, compute):
    """`remember` for what a page shows of the live site; a preview, which shows unsaved
    changes, computes it afresh."""
    if getattr(request, "is_preview", False):
        return compute()
    return remember(name, compute)


def remember_many(names, compute_missing):
    """{name: value} for every one of `names`, as `remember` keeps them, in one round trip
    for those this process has no copy of.

    `compute_missing(missing_names)` returns {name: value} for the names not kept yet.
    """
    names = list(names)
    kept = _kept()
    if kept is None:
        return compute_missing(names)
    prefix, copies = kept
    values = {name: copies[name] for name in names if name in copies}
    unread = [name for name in names if name not in values]
    if unread:
        keys = {name: _shared_key(prefix, name) for name in unread}
        found = cache.get_many(keys.values())
        values.update((name, found[keys[name]]) for name in unread if keys[name] in found)
        missing = [name for name in unread if name not in values]
        if missing:
            computed = compute_missing(missing)
            cache.set_many(
                {keys[name]: value for name, value in computed.items()}, timeout=LOOKUP_SECONDS
            )
            values.update(computed)
        # A name left uncomputed (its item gone since its key was read) is not kept.
        copies.update((name, values[name]) for name in unread if name in values)
    return values


def remember_each(kind, keys, fetch, make):
    """[make(object)] for each of `keys` in order, each kept per content generation as
    f"{kind}:{key}", in one round trip: `fetch(missing_keys)` returns {key: object} for
    the keys not kept yet (one query); a key it leaves out (say, of a page unpublished
    since its key was read) is left out of the list."""
    names = {f"{kind}:{key}": key for key in keys}

    def compute(missing):
        objects = fetch([names[name] for name in missing])
        return {name: make(objects[names[name]]) for name in missing if names[name] in objects}

    found = remember_many(names, compute)
    return [found[name] for name in names if name in found]


def view_restrictions():
    """Every page view restriction, each with its page's tree path as `page_path`."""
    return remember(
        "view-restrictions",
        lambda: list(PageViewRestriction.objects.annotate(page_path=F("page__path"))),
    )


def public(pages):
    """`pages` without those that a view restriction covers (Wagtail's `.public()`,
    with the restricted paths from the cache instead of a query)."""
    paths = {restriction.page_path for restriction in view_restrictions()}
    if not paths:
        return pages
    return pages.exclude(reduce(or_, (Q(path__startswith=path) for path in paths)))


class CachedViewRestrictionsMixin:
    """For page models: an unrestricted page (nearly all) learns so without a query.

    Wagtail checks a page's view restrictions on every request with two queries (its
    ancestors, then their restrictions). A page under a restriction, or an alias,
    still gets Wagtail's own answer.
    """

    def get_view_restrictions(self):
        covered = any(self.path.startswith(r.page_path) for r in view_restrictions())
        if covered or self.alias_of_id:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
