"""Who is asking: the client address that sign-in lockouts and the API's rate limit count."""

from django.conf import settings


def client_ip(request):
    """The visitor's address: the one our own proxies saw, else the connection's.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so the entry TRUSTED_PROXY_COUNT places from the end is the
    visitor's; anything before it came from the visitor and could be forged.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
        if len(addresses) >= count:
            return addresses[-count]
    return request.META.get("REMOTE_ADDR")
