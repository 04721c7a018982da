"""Settings shared by every environment.

Everything that differs between deployments is read from the environment here
or in the environment's own module (dev, production, test).
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Ignored by git: the default SQLite database and local media live here.
DATA_DIR = BASE_DIR / "data"


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "ilrc_site",
    "programs",
    "publications",
    "base",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    # The translation editor (segment by segment, with what is out of date); its
    # locales app replaces Wagtail's own.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # The public API (publications/api/): its documentation page's templates and scripts.
    "ninja",
    "corsheaders",
    # The queue of background tasks, in the database, and its worker (manage.py db_worker).
    "django_tasks_db",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: it answers the API's CORS preflight requests, and heads every API answer.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The header middleware sit outside the page cache, so that cached pages get
    # them on every response too.
    "ilrc_site.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The language comes from the address (/es/...), before the page cache names a page.
    "base.i18n.LanguageFromPathMiddleware",
    # The API's rate limit and validators, for answers kept by the page cache too.
    "publications.api.http.ApiMiddleware",
    "base.page_cache.PageCacheMiddleware",
    "base.routing.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: it answers for failed sign-ins that the authentication backend reports.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ilrc_site.urls"
WSGI_APPLICATION = "ilrc_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, or a SQLite file so the site runs with nothing else installed.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USING_POSTGRES:
    # An unreachable database fails a request within seconds (and the visitor sees
    # the 503 page) instead of holding a web process until the proxy gives up.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    )
    # Wagtail's database search backend uses PostgreSQL full-text search when
    # django.contrib.postgres is installed.
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Cache: Redis when REDIS_URL is set (shared by every web process), else local memory.
# If Redis goes away the site keeps serving from the database: cache calls then miss
# quickly instead of failing the request.
def redis_cache(url):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks (django-tasks). Wagtail's own (its reference index, purges) stay on
# "default" and run at once, as they always have. Work that takes seconds, such as
# making a publication's PDF, goes to "background": a queue in the database, run by
# `manage.py db_worker --backend background --queue-name "*"` (docker-compose's `worker`).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["pdfs", "alerts"]},
}
# A failed PDF is tried again after each of these delays (seconds), then given up.
PDF_RETRY_DELAYS = [60, 600, 3600]

# Pages, and the parts of pages worth keeping, are kept only in a cache that every
# process serving or changing content shares (base/cache.py): in local memory, the
# worker or scheduler that publishes could not clear the other workers' copies.
CONTENT_CACHE = bool(REDIS_URL)
# How many entries named after what visitors chose (search words, filter combinations)
# each site and language may add to the cache between two content changes; past it,
# such pages are served without being kept, so that nobody can fill the cache.
CONTENT_CACHE_VISITOR_ENTRIES = int(os.environ.get("CONTENT_CACHE_VISITOR_ENTRIES", 2000))

# Anonymous visitors' pages are cached whole and cleared when content changes (see
# base/page_cache.py); 0 turns the cache off. Browsers and a CDN may keep a copy
# for the shorter times below.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 24 * 60 * 60 if CONTENT_CACHE else 0))
PAGE_CACHE_CDN_SECONDS = int(os.environ.get("PAGE_CACHE_CDN_SECONDS", 300))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", 60))

# A CDN or caching proxy in front of the site is purged of the pages a change shows
# on (ilrc_site/frontend_cache.py): a proxy that accepts HTTP PURGE requests (Varnish,
# nginx), or Cloudflare. Nothing is purged when neither is configured.
WAGTAILFRONTENDCACHE = {}
# Purge exactly the addresses given (ilrc_site/frontend_cache.py purges each language's
# own): by default Wagtail repeats every address under each language's prefix, which
# names pages that do not exist here, since a translation has its own slugs.
WAGTAILFRONTENDCACHE_LANGUAGES = []
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    if not os.environ.get("CLOUDFLARE_ZONEID"):
        raise ImproperlyConfigured("CLOUDFLARE_BEARER_TOKEN is set but CLOUDFLARE_ZONEID is not.")
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }

# Only staff have accounts: long passwords, not like their name, not common, not numbers.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in: django-axes counts failed attempts and locks out guessing. Its backend
# comes first so that it sees every attempt before Django checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords from one address, or for one account, lock that address or
# account out for 15 minutes (`manage.py axes_reset` lifts every lock at once).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_CLIENT_IP_CALLABLE = "base.clients.client_ip"
# How many proxies of our own stand in front of the web processes and append the
# address they saw to X-Forwarded-For; 0 trusts the connection's address alone.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# The public API (/api/v1/, docs/api.md): read by anyone, from any origin, without
# cookies. Browsers may ask again with If-None-Match and read the validators and
# Retry-After. Each client may make API_RATE_LIMIT requests per API_RATE_LIMIT_SECONDS.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
API_RATE_LIMIT_SECONDS = int(os.environ.get("API_RATE_LIMIT_SECONDS", "60"))

# Signing up for email alerts (publications/alerts/): at most this many sign-ups per
# address, and per client, in each window of ALERT_SIGNUP_LIMIT_SECONDS.
ALERT_SIGNUP_LIMIT_PER_ADDRESS = int(os.environ.get("ALERT_SIGNUP_LIMIT_PER_ADDRESS", "5"))
ALERT_SIGNUP_LIMIT_PER_CLIENT = int(os.environ.get("ALERT_SIGNUP_LIMIT_PER_CLIENT", "20"))
ALERT_SIGNUP_LIMIT_SECONDS = int(os.environ.get("ALERT_SIGNUP_LIMIT_SECONDS", "3600"))

# A staff session lasts a working day at most, and ends with the browser unless
# "remember me" was ticked at sign-in (Wagtail's login form).
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The admin reads the CSRF token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Languages: English at /, each other language under its own prefix (/es/), with its
# own page tree (Wagtail's internationalisation), translated in the admin with
# wagtail-localize, and the interface's strings in locale/<code>/LC_MESSAGES. A new
# language is one more entry here, its catalogue and its translated pages.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft for everyone: published with its source, it would
# put the source's English text live under /es/ before anyone translated it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language writes them in full (ilrc_site/formats).
FORMAT_MODULE_PATH = ["ilrc_site.formats"]
# Where the site's readers are: Open Graph names a locale with a region (es_US).
OG_LOCALE_REGION = "US"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def s3_media_storage():
    """Media (images, renditions, documents, PDFs) in an S3-compatible bucket that every
    app server and the worker share (base/storage.py says what the public may read).
    Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's
    role. Returns the storage and the address its public files are read from."""
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "")
    region = os.environ.get("AWS_S3_REGION_NAME", "")
    # Where browsers read renditions: a CDN's host, else the bucket's own address.
    domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
    protocol = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
    if not domain and endpoint:
        parts = urlsplit(endpoint)
        domain, protocol = f"{parts.netloc}/{bucket}", f"{parts.scheme}:"
    elif not domain:
        domain = f"{bucket}.s3.{region}.amazonaws.com" if region else f"{bucket}.s3.amazonaws.com"
    storage = {
        "BACKEND": "base.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint or None,
            "region_name": region or None,
            "custom_domain": domain,
            "url_protocol": protocol,
            # Public files have plain addresses; private ones are only read by the site.
            "querystring_auth": False,
            # Wagtail names files itself and expects a taken name to be made unique.
            "file_overwrite": False,
        },
    }
    return storage, f"{protocol}//{domain}/"


MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE == "s3":
    STORAGES["default"], MEDIA_URL = s3_media_storage()
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured(f"MEDIA_STORAGE is {MEDIA_STORAGE!r}: use filesystem or s3.")

# Complex page forms in the Wagtail editor can exceed Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Immigrant Legal Resource Center"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "base.SiteImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# PostgreSQL's text search configuration (its stemming and stop words) for each language
# of LANGUAGES; psql's `\dF` lists those a server has.
SEARCH_LANGUAGE_CONFIGS = {"en": "english", "es": "spanish"}
if USING_POSTGRES:
    WAGTAILSEARCH_BACKENDS["default"] = {
        # Wagtail's PostgreSQL backend, ranking results over the search index (see the module).
        "BACKEND": "publications.search_backend",
        # English stemming ("explainers" finds "explainer") whatever the server's default
        # text search configuration: documents, images, snippets.
        "SEARCH_CONFIG": "english",
        # Pages: each indexed, and searched, in its language's configuration ("asilos"
        # finds "asilo" in Spanish); a language missing from SEARCH_LANGUAGE_CONFIGS is
        # searched word for word ("simple"), never as English. Run `manage.py
        # update_index` after changing either.
        "LANGUAGE_CONFIGS": {
            code: SEARCH_LANGUAGE_CONFIGS.get(code, "simple") for code, _name in LANGUAGES
        },
    }
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Editors' avatars are not fetched from a third party (which would learn who edits).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Uploads. Documents: what a legal library publishes, checked by extension and by
# content (publications/uploads.py), served through Django so that view
# restrictions apply, with Wagtail's `default-src 'none'` policy and nosniff; only
# PDFs open in the browser, everything else downloads.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "publications.uploads.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# Images: bitmap formats only (no SVG, which can carry script), 20 MB, and at most
# 50 megapixels, so that a small file cannot expand into gigabytes in memory.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000

# Security headers on every response (ilrc_site/security.py gives the admin its own
# Content-Security-Policy). Public pages run no inline script or style: only the
# site's own files, and video players from the embed providers editors use. Images
# and media come from the site, or from the media storage's own address if
# MEDIA_URL names one (S3-compatible storage).
_media = urlsplit(MEDIA_URL)
MEDIA_ORIGINS = [f"{_media.scheme}://{_media.netloc}"] if _media.netloc else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", *MEDIA_ORIGINS],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing may frame the site; the admin's preview panel, which frames pages from the
# admin itself, is allowed by the admin's own frame-ancestors (browsers follow
# frame-ancestors over X-Frame-Options when a response has both).
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
