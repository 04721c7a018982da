"""The library's items as the API gives them: plain dicts, each built once per content
generation and language (base.cache.kept_each), as the library's cards are.

Building twenty items afresh costs four queries: the items with their type, locale and
translations (subqueries of the same query), their topics, and their downloads with
their documents. Kept, a page of results costs only the query that finds its keys.
"""

from collections import defaultdict

from django.db.models import prefetch_related_objects

from base.cache import kept_each
from base.i18n import language_codes
from base.privacy import public
from base.routing import translation_paths, url_of

from ..models import PublicationDownload
from ..templatetags.library_tags import topic_links


def with_translations(request, pages):
    """`pages` annotated, for each language, with the primary key and tree path of the
    page's live, public translation into it (the page's own included)."""
    return pages.annotate(**translation_paths(request), **translation_paths(request, "pk"))


def fetch(request, pages, keys):
    """{pk: DatedPage} for the live, public items among `keys` in `pages`, with what
    `describe` reads: four queries however many."""
    items = (
        with_translations(request, public(request, pages.live()).filter(pk__in=keys))
        .select_related("resource_type", "locale")
        .defer_streamfields()
        .in_bulk()
    )
    prefetch_related_objects(list(items.values()), topic_links())
    downloads = defaultdict(list)
    for download in (
        PublicationDownload.objects.filter(page__in=list(items))
        .select_related("document")
        .order_by("sort_order")
    ):
        downloads[download.page_id].append(download)
    for pk, item in items.items():
        item.api_downloads = downloads[pk]
    return items


def describe(request, item):
    """One item as the API's `Item` schema gives it."""
    return {
        "id": item.pk,
        "title": item.title,
        "url": url_of(request, item.url_path, full=True),
        "type": {"slug": item.resource_type.slug, "name": item.resource_type.local_name},
        "topics": [
            {"slug": link.tag.slug, "name": link.tag.local_name} for link in item.topic_links
        ],
        "date": item.date,
        "last_updated": item.last_published_at,
        "summary": item.summary,
        "language": item.locale.language_code,
        "translations": [
            {
                "language": code,
                "id": getattr(item, f"pk_{code}"),
                "url": url_of(request, getattr(item, f"url_path_{code}"), full=True),
            }
            for code in language_codes()
            if code != item.locale.language_code and getattr(item, f"pk_{code}")
        ],
        "downloads": [
            {
                "url": request.build_absolute_uri(download.document.url),
                "title": download.title,
                "language": download.language,
                "size": download.document.file_size,
                "content_type": download.document.content_type,
            }
            for download in item.api_downloads
        ],
    }


def described(request, pages, keys):
    """[describe(item)] for the live, public items of `pages` among `keys`, in order."""
    return kept_each(
        request,
        "api-item",
        keys,
        lambda missing: fetch(request, pages, missing),
        lambda item: describe(request, item),
    )
