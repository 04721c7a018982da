# Varnish in front of the site's app servers: caches what the site says may be
# cached (Cache-Control: s-maxage, settings PAGE_CACHE_CDN_SECONDS), and forgets a
# page when the site sends PURGE for it (ilrc_site/frontend_cache.py).
#
# The deployment's own part is backends.vcl, beside this file (found through
# varnishd's vcl_path): the app servers with their health checks, a director named
# `app` over them, and an ACL named `purgers` (who may PURGE: the app network only).
# docker-compose.prod.yml mounts backends.compose.vcl as backends.vcl; ops/scale_out.py
# writes one for 127.0.0.1.
vcl 4.1;

import directors;
import std;

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff: the admin, previews and signed-in pages (the userbar) are never shared.
    if (req.url ~ "^/admin(/|$)" || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Public pages are the same for everyone: a visitor's cookies (the CSRF token of a
    # form they saw, analytics) must not split the cache.
    unset req.http.Cookie;

    # While the app servers are up, an expired page is fetched again after 10 s at
    # most; if none is healthy, visitors get the last copy (beresp.grace below).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
}

sub vcl_backend_response {
    # The site says what may be kept; a response that says nothing is not kept.
    if (!beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 6h;
}

sub vcl_backend_error {
    # An app server went away mid-request (killed, restarting): ask another. Only
    # requests that change nothing are asked twice.
    if (bereq.retries < 3 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
