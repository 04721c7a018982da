"""HTTP as API clients expect it, for every answer under /api/, kept by the page cache or
not: a per-client rate limit, and validators from the content generation.

- Rate limit: at most settings.API_RATE_LIMIT requests per client (base.clients) in
  each window of settings.API_RATE_LIMIT_SECONDS, counted in the shared cache (Redis in
  production) with an atomic increment, so that the limit holds across every app server.
  Past it: 429 with `Retry-After`, the seconds left in the window. The counters are not
  content, so they are not named by base.cache.cache_name: a change to content must not
  reset them. With the shared cache out of reach, nobody is limited.
- Validators: `ETag` is the content generation, which every change to what the API shows
  moves on (base/cache.py), and `Last-Modified` is when it last moved. A request whose
  `If-None-Match` (or `If-Modified-Since`) still matches gets a 304 with no body.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext

from base.cache import generation_and_change_time, one_generation
from base.clients import client_ip

from .views import requested_language

API_PATH_PREFIX = "/api/"


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PATH_PREFIX):
            return self.get_response(request)
        wait = seconds_to_wait(request)
        if wait:
            return too_many_requests(wait)
        # The same generation for the validators and for the answer the page cache keeps.
        current, changed_at = generation_and_change_time()
        with one_generation(current):
            response = self.get_response(request)
            # Answers and messages alike are in the language asked for.
            response["Content-Language"] = requested_language(request)
            if response.status_code != 200 or current is None:
                return response
            etag = quote_etag(str(current))
            response["ETag"] = etag
            response["Last-Modified"] = http_date(changed_at)
            return get_conditional_response(
                request, etag=etag, last_modified=changed_at, response=response
            )


def seconds_to_wait(request):
    """0 while the client is within the limit, else the seconds until its window ends."""
    window = settings.API_RATE_LIMIT_SECONDS
    now = time.time()
    started = int(now // window) * window
    key = f"api-requests:{client_ip(request) or 'unknown'}:{started}"
    # One round trip for all but a window's first request.
    try:
        count = cache.incr(key)
    except ValueError:  # the window's first request, or its counter was evicted
        try:
            count = 1 if cache.add(key, 1, timeout=window + 1) else cache.incr(key)
        except ValueError:
            return 0
    if count is None or count <= settings.API_RATE_LIMIT:
        return 0
    return max(1, math.ceil(started + window - now))


def too_many_requests(wait):
    response = JsonResponse(
        {
            "detail": gettext(
                "Too many requests: at most %(limit)d every %(seconds)d seconds. "
                "Try again in %(wait)d seconds."
            )
            % {
                "limit": settings.API_RATE_LIMIT,
                "seconds": settings.API_RATE_LIMIT_SECONDS,
                "wait": wait,
            }
        },
        status=429,
    )
    response["Retry-After"] = str(wait)
    patch_cache_control(response, no_store=True)
    return response
