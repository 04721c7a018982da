"""Django set up for the benchmarks that send requests in their own process.

Imported first by bench/explain.py:
test settings (DEBUG off, local-memory cache) on the DATABASE_URL given, with database
connections kept open between requests as a production server keeps them, and the
whole-page cache off so that every request renders its page.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.update(
    DJANGO_SETTINGS_MODULE="ilrc_site.settings.test",
    DATABASE_CONN_MAX_AGE="60",
    PAGE_CACHE_SECONDS="0",
)

import django  # noqa: E402

django.setup()
