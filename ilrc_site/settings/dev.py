"""Local development: debug on, a secret key kept in the ignored data folder."""

import os
import secrets

from .base import *  # noqa: F403
from .base import DATA_DIR, env_list


def _dev_secret_key():
    # A key per checkout, kept across restarts so sessions survive the autoreloader.
    path = DATA_DIR / "dev-secret-key"
    if not path.exists():
        DATA_DIR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or _dev_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Plain storage: no collectstatic needed to run the site.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# One process serves everything: its local memory is a cache shared by all it serves.
CONTENT_CACHE = True
# Edits show at once while developing.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 0))
