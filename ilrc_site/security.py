"""What the site's security settings need beyond configuration: the admin's own
Content-Security-Policy."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PATH_PREFIX = "/admin/"

# Wagtail's admin templates carry inline scripts and event handlers, set styles
# inline on many elements, show uploaded images as data: and blob: URLs while
# editing, and preview pages in a frame of their own. Only signed-in staff reach
# these pages, and they still load nothing from other sites.
ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *settings.MEDIA_ORIGINS],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", "blob:", *settings.MEDIA_ORIGINS],
    "frame-src": ["'self'", *settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy for pages under /admin/.

    A page previewed in the admin is rendered through a stand-in request for the
    page's own path (Wagtail marks it `is_dummy`): it keeps the public policy, so
    that editors see what visitors will, except that the admin may frame it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PATH_PREFIX):
            return PolicyParts(ADMIN_POLICY, parts.update, parts.replace, parts.nonce)
        if getattr(request, "is_dummy", False):
            replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
            return PolicyParts(None, parts.update, replace, parts.nonce)
        return parts
