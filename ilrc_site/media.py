"""Serving uploaded images from the site's own media folder.

A deployment with media on a CDN or S3-compatible storage (MEDIA_URL a full address)
never reaches this. One that keeps media on a shared volume, as docker-compose.yml
does, serves image files here: renditions are written once and then only read, so a
CDN or the browser may keep them for a day. Documents are not served here: they go
through Wagtail's document view, which applies view restrictions.
"""

from django.conf import settings
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views.static import serve


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


def media_urls():
    if not settings.MEDIA_URL.startswith("/"):
        return []
    prefix = settings.MEDIA_URL.strip("/")
    return [re_path(rf"^{prefix}/(?P<path>(?:images|original_images)/.+)$", serve_media)]
