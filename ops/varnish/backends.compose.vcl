# docker-compose.prod.yml's app servers and network (mounted as backends.vcl).
# The site answers only for its own host names (ALLOWED_HOSTS): the check names one.
probe healthz {
    .request = "GET /healthz HTTP/1.1"
               "Host: localhost"
               "Connection: close";
    .interval = 2s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
}

backend web_1 { .host = "web-1"; .port = "8000"; .probe = healthz; }
backend web_2 { .host = "web-2"; .port = "8000"; .probe = healthz; }

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(web_1);
    app.add_backend(web_2);
}

# The app network (docker-compose.prod.yml's `app` network): the web servers and the
# worker, which purge when content changes.
acl purgers {
    "127.0.0.1";
    "172.30.0.0"/24;
}
