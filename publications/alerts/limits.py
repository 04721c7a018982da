"""Rate limits on signing up: per address and per client (base.clients), in fixed windows
of settings.ALERT_SIGNUP_LIMIT_SECONDS, counted in the shared cache (Redis in
production) so that they hold across every app server.

As the API's limit (publications/api/http.py), the counters are not content and are
not named by base.cache.cache_name. They are named by a keyed hash of the address or
client, never the address itself: the cache keeps no one's address, even for an hour.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from base.clients import client_ip


def seconds_to_wait(request, email):
    """0 while this sign-up is within both limits (and counts it), else the seconds
    until the window ends."""
    window = settings.ALERT_SIGNUP_LIMIT_SECONDS
    now = time.time()
    started = int(now // window) * window
    over = [
        _count("client", client_ip(request) or "unknown", started, window)
        > settings.ALERT_SIGNUP_LIMIT_PER_CLIENT,
        _count("address", email, started, window) > settings.ALERT_SIGNUP_LIMIT_PER_ADDRESS,
    ]
    return max(1, math.ceil(started + window - now)) if any(over) else 0


def _count(kind, who, started, window):
    """This window's count for `who`, this sign-up included; 0 without the shared cache."""
    key = f"alert-signups:{kind}:{salted_hmac(kind, who).hexdigest()}:{started}"
    try:
        count = cache.incr(key)
    except ValueError:  # the window's first sign-up, or its counter was evicted
        try:
            count = 1 if cache.add(key, 1, timeout=window + 1) else cache.incr(key)
        except ValueError:
            count = None
    # None: Redis is away (its errors are ignored, settings.CACHES), and nobody is limited.
    return count or 0
