"""Tests: SQLite unless DATABASE_URL says otherwise; fast and self-contained."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-used-anywhere-else"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads made by tests (demo images, PDFs) go to the system's temporary folder.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "ilrc-test-media"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the apps and static/ folder: no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# One process; each test starts with an empty cache (tests/conftest.py).
CONTENT_CACHE = True
# Tests change the database freely (and roll it back without signals): the page cache
# is switched on only by the tests that are about it.
PAGE_CACHE_SECONDS = 0
# No CDN, whatever the environment says: the tests about purging bring their own.
WAGTAILFRONTENDCACHE = {}
# The test client's login() signs in without a request, which django-axes refuses;
# the sign-in protection tests switch it back on.
AXES_ENABLED = False
