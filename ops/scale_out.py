#!/usr/bin/env python3
"""Proof, on this machine, that the site scales out as docker-compose.prod.yml runs it.

Starts, on 127.0.0.1 and each on a free port:
- moto's S3 server (moto[server]) as the media bucket, prepared as production's is;
- a Redis of its own, the cache every process shares;
- a new database on the machine's PostgreSQL (127.0.0.1:5432), with the demo content;
- two app servers, A and B, each gunicorn with production settings;
- the task worker (publications' PDFs);
- Debian's Varnish in front, with ops/varnish/site.vcl and health-checked backends.

Then shows, and prints the figures for:
1. a change published through A's admin appears on the next request through Varnish
   and through B, and how many addresses one change purges;
2. the worker's PDF of that change, stored in the bucket, private there, served by B;
3. an image uploaded through A's admin is served from S3 in B's pages, and each of
   its renditions exists once, in the database and in the bucket;
4. under load through Varnish, A is killed and restarted: no request fails;
5. pages per second through Varnish (cached) against one app server rendering.

Traffic stays on loopback and every phase is bounded. Everything it starts is stopped,
and the database dropped, at the end, also on failure or Ctrl-C. Needs root (Varnish),
wrk, redis-server, varnish and the project's virtualenv (make install):

    .venv/bin/python ops/scale_out.py [--report FILE]

Exits 0 when every check passes.
"""

import argparse
import http.client
import http.cookiejar
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from load_and_faults import log, program, run, wait_for

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
BUCKET = "ilrc-media"
ADMIN = ("scale-admin", secrets.token_urlsafe(16))
CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
# wrk's requests, and its figures on one line at the end.
WRK_SCRIPT = """
local paths = {%(paths)s}
math.randomseed(os.time())
request = function()
  local path = paths[math.random(#paths)]
  if path:sub(-1) == "=" then path = path .. math.random(1000000000) end
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  io.write(string.format(
    'WRK_RESULT {"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, '
    .. '"write": %%d, "status": %%d, "timeout": %%d, "p50_ms": %%.2f, "p99_ms": %%.2f}\\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Stack:
    """Every process of the proof, and how to stop them."""

    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="ilrc-scale-"))
        # Varnish's compiler and workers run as their own user: they read the VCL here.
        self.workdir.chmod(0o755)
        self.ports = {name: free_port() for name in ("a", "b", "varnish", "s3", "redis")}
        self.database = f"ilrc_scale_{secrets.token_hex(4)}"
        self.processes = {}
        self.database_created = False
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="ilrc_site.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS=f"{HOST},localhost",
            SECURE_SSL_REDIRECT="false",
            SECURE_COOKIES="false",
            TRUSTED_PROXY_COUNT="1",
            DATABASE_URL=f"postgres://postgres@{HOST}:5432/{self.database}",
            DATABASE_CONN_MAX_AGE="60",
            REDIS_URL=f"redis://{HOST}:{self.ports['redis']}/0",
            FRONTEND_CACHE_PURGE_URL=f"http://{HOST}:{self.ports['varnish']}",
            MEDIA_STORAGE="s3",
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=f"http://{HOST}:{self.ports['s3']}",
            AWS_S3_REGION_NAME="us-east-1",
            AWS_ACCESS_KEY_ID="scale-out",
            AWS_SECRET_ACCESS_KEY="scale-out",  # noqa: S106 (moto's, on loopback)
            STATIC_ROOT=str(self.workdir / "static"),
            WAGTAILADMIN_BASE_URL=f"http://{HOST}:{self.ports['varnish']}",
            DJANGO_SUPERUSER_PASSWORD=ADMIN[1],
            LOG_LEVEL="ERROR",
        )

    def url(self, where, path):
        return f"http://{HOST}:{self.ports[where]}{path}"

    def spawn(self, name, command, **kwargs):
        log_file = open(self.workdir / f"{name}.log", "w")  # noqa: SIM115
        self.processes[name] = subprocess.Popen(  # noqa: S603
            command,
            cwd=ROOT,
            env=self.env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )
        return self.processes[name]

    def kill(self, name, sig=signal.SIGTERM):
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)

    def psql(self, sql, check=True):
        """One statement in the machine's PostgreSQL, as its superuser."""
        command = ["psql", "-h", HOST, "-U", "postgres", "-d", "postgres", "-qc", sql]
        if check:
            return run(command)
        return subprocess.run([program("psql"), *command[1:]], capture_output=True, check=False)  # noqa: S603

    def manage(self, *args):
        return run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=self.env).stdout

    def shell(self, code):
        """Runs Python in the site's Django (as an editor's script would); its last
        printed line, read as JSON."""
        output = self.manage("shell", "-v", "0", "-c", code)
        return json.loads(output.strip().splitlines()[-1])

    # Start and stop
    def start(self):
        log(f"moto S3 on :{self.ports['s3']}, Redis on :{self.ports['redis']}")
        self.spawn("s3", [str(BIN / "moto_server"), "-H", HOST, "-p", str(self.ports["s3"])])
        self.spawn(
            "redis",
            [
                program("redis-server"),
                "--bind",
                HOST,
                "--port",
                str(self.ports["redis"]),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
        )
        wait_for(lambda: port_open(self.ports["s3"]), 20, "moto S3")
        wait_for(lambda: port_open(self.ports["redis"]), 10, "Redis")

        log(f"database {self.database}: migrate, media bucket, demo content, static files")
        self.psql(f"CREATE DATABASE {self.database}")
        self.database_created = True
        self.manage("migrate", "--noinput")
        self.manage("prepare_media_bucket")
        self.manage("load_demo_content")
        self.manage("collectstatic", "--noinput")
        self.manage(
            "createsuperuser", "--noinput", "--username", ADMIN[0], "--email", "scale@example.org"
        )
        # The site's address is Varnish's: what visitors ask for, and what is purged.
        # Saved (not updated), so that Wagtail forgets the site's former address.
        self.shell(
            "from wagtail.models import Site; site = Site.objects.get(is_default_site=True);"
            f"site.hostname = '{HOST}'; site.port = {self.ports['varnish']}; site.save(); print(1)"
        )

        # The demo's publications were published as it loaded: their PDFs are made now,
        # so that what the worker does later is only what the checks cause.
        log("the worker makes the demo publications' PDFs")
        self.manage("db_worker", "--batch", "--backend", "background", "--queue-name", "*")

        for name in ("a", "b"):
            self.start_app(name)
        self.spawn(
            "worker",
            [
                str(BIN / "python"),
                "manage.py",
                "db_worker",
                "--backend",
                "background",
                "--queue-name",
                "*",
            ],
        )
        self.start_varnish()

    def start_app(self, name):
        log(f"app server {name.upper()}: gunicorn, 2 workers, on :{self.ports[name]}")
        self.spawn(
            name,
            [
                str(BIN / "gunicorn"),
                "ilrc_site.wsgi:application",
                "--bind",
                f"{HOST}:{self.ports[name]}",
                "--workers",
                "2",
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
            ],
        )
        wait_for(lambda: http_get(self.url(name, "/healthz"))[0] == 200, 30, f"app server {name}")

    def start_varnish(self):
        log(f"Varnish on :{self.ports['varnish']}, backends A and B")
        vcl = self.workdir / "vcl"
        vcl.mkdir(mode=0o755)
        shutil.copy(ROOT / "ops" / "varnish" / "site.vcl", vcl / "site.vcl")
        (vcl / "backends.vcl").write_text(backends_vcl(self.ports["a"], self.ports["b"]))
        for path in vcl.iterdir():
            path.chmod(0o644)
        self.spawn(
            "varnish",
            [
                program("varnishd"),
                "-F",
                "-n",
                str(self.workdir / "varnish"),
                "-a",
                f"{HOST}:{self.ports['varnish']}",
                "-f",
                str(vcl / "site.vcl"),
                "-p",
                f"vcl_path={vcl}",
                "-s",
                "malloc,128m",
            ],
        )
        wait_for(lambda: self.backends() == {"a": "healthy", "b": "healthy"}, 30, "Varnish")

    def stop(self):
        for name in ("varnish", "a", "b", "worker", "redis", "s3"):
            self.kill(name)
        if self.database_created:
            self.psql(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)", check=False)
        shutil.rmtree(self.workdir, ignore_errors=True)

    # Varnish's own figures
    def varnish(self, program_name, *args):
        return run([program_name, "-n", str(self.workdir / "varnish"), *args]).stdout

    def counter(self, name):
        line = self.varnish("varnishstat", "-1", "-f", name).split()
        return int(line[1]) if line else 0

    def backend_requests(self):
        return {name: self.counter(f"VBE.*.app_{name}.req") for name in ("a", "b")}

    def backends(self):
        """{"a": "healthy"|"sick", ...} as Varnish's health checks see them."""
        states = {}
        for line in self.varnish("varnishadm", "backend.list").splitlines()[1:]:
            fields = line.split()
            match = re.search(r"app_([ab])$", fields[0]) if fields else None
            if match:
                states[match[1]] = "healthy" if "healthy" in line else "sick"
        return states


def backends_vcl(port_a, port_b):
    """backends.vcl for the two app servers on loopback; checked once a second."""
    return f"""probe healthz {{
    .request = "GET /healthz HTTP/1.1" "Host: {HOST}" "Connection: close";
    .interval = 1s;
    .timeout = 1s;
    .window = 5;
    .threshold = 3;
}}

backend app_a {{ .host = "{HOST}"; .port = "{port_a}"; .probe = healthz; }}
backend app_b {{ .host = "{HOST}"; .port = "{port_b}"; .probe = healthz; }}

sub vcl_init {{
    new app = directors.round_robin();
    app.add_backend(app_a);
    app.add_backend(app_b);
}}

acl purgers {{
    "{HOST}";
}}
"""


def port_open(port):
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def http_get(url, headers=None):
    """(status, headers, body) of one anonymous GET."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310  # nosec B310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Editor:
    """A signed-in member of staff, using one app server's admin."""

    def __init__(self, stack, where):
        self.base = stack.url(where, "")
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )
        token = self.csrf("/admin/login/")
        status = self.post(
            "/admin/login/", {"username": ADMIN[0], "password": ADMIN[1], "next": "/admin/"}, token
        )[0]
        assert status == 302, f"sign-in answered {status}"

    def get(self, path):
        try:
            with self.opener.open(self.base + path, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def csrf(self, path):
        status, body = self.get(path)
        assert status == 200, f"{path} answered {status}"
        return CSRF_FIELD.search(body)[1].decode()

    def post(self, path, fields, token, files=None):
        boundary = uuid.uuid4().hex
        body = io.BytesIO()
        for name, value in {**fields, "csrfmiddlewaretoken": token}.items():
            body.write(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, (filename, data, content_type) in (files or {}).items():
            body.write(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            )
            body.write(data + b"\r\n")
        body.write(f"--{boundary}--\r\n".encode())
        request = urllib.request.Request(  # noqa: S310 (loopback)
            self.base + path,
            data=body.getvalue(),
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": self.base + path,
            },
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def publish(self, page_id):
        """Publishes the page's latest draft, with the admin's bulk action."""
        path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
        status = self.post(path, {}, self.csrf(path))[0]
        assert status == 302, f"publishing answered {status}"

    @property
    def session_cookie(self):
        return next(f"sessionid={c.value}" for c in self.cookies if c.name == "sessionid")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check(condition, message, failures):
    log(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


def show_change(stack, failures):
    """1 and 2: a change published through A, seen through Varnish and B; its PDF."""
    page = stack.shell(
        "import json; from publications.models import PublicationPage;"
        "p = PublicationPage.objects.live().filter(locale__language_code='en')"
        ".exclude(body=[]).order_by('path').first();"
        "print(json.dumps({'id': p.pk, 'path': p.url, 'title': p.title}))"
    )
    via_varnish = stack.url("varnish", page["path"])
    for path in ("/", "/resources/", page["path"]):
        http_get(stack.url("varnish", path))
    status, headers, body = http_get(via_varnish)
    check(
        headers.get("X-Cache") == "HIT", "the page is kept by Varnish before the change", failures
    )
    http_get(stack.url("b", page["path"]))

    new_title = f"{page['title']} (updated {secrets.token_hex(3)})"
    stack.shell(
        "from publications.models import PublicationPage;"
        f"p = PublicationPage.objects.get(pk={page['id']}); p.title = {new_title!r};"
        "p.save_revision(); print(1)"
    )
    purges_before = stack.counter("MAIN.n_purges")
    objects_before = stack.counter("MAIN.n_obj_purged")
    editor = Editor(stack, "a")
    # The worker waits, so that the publish's own purges are counted apart from those
    # sent when its PDF is ready.
    os.killpg(stack.processes["worker"].pid, signal.SIGSTOP)
    started = time.monotonic()
    editor.publish(page["id"])
    publish_seconds = time.monotonic() - started
    purges = stack.counter("MAIN.n_purges") - purges_before
    objects_purged = stack.counter("MAIN.n_obj_purged") - objects_before
    os.killpg(stack.processes["worker"].pid, signal.SIGCONT)

    status, headers, body = http_get(via_varnish)
    check(
        status == 200 and new_title.encode() in body,
        f"through Varnish, the next request shows the change (X-Cache: {headers.get('X-Cache')})",
        failures,
    )
    status, _, body = http_get(stack.url("b", page["path"]))
    check(status == 200 and new_title.encode() in body, "through B, the same", failures)
    check(
        purges > 0,
        f"one change sent {purges} purges; {objects_purged} kept pages were forgotten",
        failures,
    )

    # The worker makes the new revision's PDF and stores it in the bucket.
    pdf_path = page["path"] + "pdf/"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and http_get(stack.url("b", pdf_path))[0] != 200:
        time.sleep(1)
    status, headers, body = http_get(stack.url("b", pdf_path))
    check(
        status == 200 and body.startswith(b"%PDF"),
        "the worker's PDF of the change is served by B",
        failures,
    )
    pdf_name = stack.shell(
        "import json; from publications.models import PublicationPdf;"
        f"print(json.dumps(PublicationPdf.objects.get(page_id={page['id']}).file.name))"
    )
    direct = http_get(stack.url("s3", f"/{BUCKET}/{pdf_name}"))[0]
    check(direct == 403, f"the PDF is private in the bucket (anonymous GET: {direct})", failures)
    pdf_purges = stack.counter("MAIN.n_purges") - purges_before - purges
    log(f"      the PDF made: {pdf_purges} more purges (its page's own addresses)")
    return {
        "page": page["path"],
        "purges_per_change": purges,
        "purges_when_its_pdf_is_ready": pdf_purges,
        "kept_pages_purged": objects_purged,
        "publish_request_seconds": round(publish_seconds, 2),
    }, editor


def show_image(stack, editor, failures):
    """3: an image uploaded through A, served from S3 in B's pages, made once."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1000), (30, 90, 120)).save(buffer, "JPEG", quality=85)
    title = f"Scale-out check {secrets.token_hex(3)}"
    upload_form = "/admin/images/add/"
    collection = stack.shell(
        "from wagtail.models import Collection; print(Collection.get_first_root_node().pk)"
    )
    status, _ = editor.post(
        upload_form,
        {"title": title, "description": "A workshop on asylum law", "collection": collection},
        editor.csrf(upload_form),
        files={"file": ("workshop.jpg", buffer.getvalue(), "image/jpeg")},
    )
    check(status == 302, f"the image is uploaded through A's admin ({status})", failures)

    target = stack.shell(
        "import json; from base.models import SiteImage;"
        "from publications.models import PublicationPage, PublicationIndexPage;"
        f"image = SiteImage.objects.get(title={title!r});"
        "p = PublicationPage.objects.live().filter(locale__language_code='en')"
        ".order_by('-first_published_at').first();"
        "p.listing_image = image; p.save_revision();"
        "library = PublicationIndexPage.objects.filter(locale__language_code='en').first();"
        "print(json.dumps({'image': image.pk, 'page': p.pk, 'path': p.url,"
        " 'library': library.url, 'original': image.file.name}))"
    )
    editor.publish(target["page"])

    media_url = stack.env["AWS_S3_ENDPOINT_URL"] + f"/{BUCKET}/images/"
    stem = Path(target["original"]).stem
    served = []
    for path in (target["path"], target["library"]):
        body = http_get(stack.url("b", path))[2].decode()
        served += re.findall(re.escape(media_url) + re.escape(stem) + r"[^\"' ,]+", body)
    fetched = [http_get(url) for url in sorted(set(served))]
    check(
        bool(fetched)
        and all(s == 200 and h["Content-Type"].startswith("image/") for s, h, _ in fetched),
        f"B's pages show the image from S3: {len(set(served))} rendition(s), each answering 200",
        failures,
    )
    original = http_get(stack.url("s3", f"/{BUCKET}/{target['original']}"))[0]
    check(original == 403, f"the original is private in the bucket ({original})", failures)

    # A renders the same pages for a signed-in editor (no cache): it finds B's renditions.
    for path in (target["path"], target["library"]):
        http_get(stack.url("a", path), headers={"Cookie": editor.session_cookie})
    renditions = stack.shell(
        "import json; from base.models import SiteImage;"
        f"print(json.dumps(list(SiteImage.objects.get(pk={target['image']})"
        ".renditions.values_list('filter_spec', 'file'))))"
    )
    keys = stack.shell(
        "import json; from django.core.files.storage import default_storage as s;"
        "print(json.dumps(sorted(s.listdir('images')[1])))"
    )
    ours = sorted(key for key in keys if key.startswith(stem))
    specs = [spec for spec, _ in renditions]
    check(
        len(specs) == len(set(specs)) and ours == sorted(Path(f).name for _, f in renditions),
        f"each rendition exists once: {len(specs)} in the database, {len(ours)} in the bucket",
        failures,
    )
    return {"renditions": len(specs), "rendition_files_in_bucket": len(ours)}


def wrk(url, seconds, connections, paths, headers=None):
    """wrk's figures for `seconds` of GETs of `paths` (at random) from `url`. A path
    ending in "=" gets a new random number each time: Varnish has never seen it."""
    script = Path(tempfile.mkdtemp()) / "paths.lua"
    script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
    ]
    for header in headers or []:
        command += ["-H", header]
    output = run(command, timeout=seconds + 60).stdout
    shutil.rmtree(script.parent)
    line = next(line for line in output.splitlines() if line.startswith("WRK_RESULT "))
    figures = json.loads(line.removeprefix("WRK_RESULT "))
    figures["requests_per_second"] = round(figures["requests"] / (figures.pop("duration_us") / 1e6))
    figures["errors"] = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return figures


def show_failover(stack, paths, failures, seconds):
    """4: A is killed and restarted under load through Varnish; no request fails."""
    # Half the requests need an app server: an address Varnish has not seen (the app
    # servers' page cache answers most of them).
    fresh = [f"{path}{'&' if '?' in path else '?'}v=" for path in paths]
    traffic = paths + fresh
    before = stack.backend_requests()
    result = {}
    load = threading.Thread(
        target=lambda: result.update(wrk(stack.url("varnish", "/"), seconds, 4, traffic))
    )
    load.start()
    time.sleep(seconds * 0.25)
    check(
        stack.backends() == {"a": "healthy", "b": "healthy"},
        "under load, A and B are healthy",
        failures,
    )
    log("killing app server A (SIGKILL, every process)")
    stack.kill("a", signal.SIGKILL)
    killed = time.monotonic()
    sick_after = None
    while time.monotonic() - killed < 10:
        if stack.backends().get("a") == "sick":
            sick_after = time.monotonic() - killed
            break
        time.sleep(0.2)
    time.sleep(max(0.0, seconds * 0.25 - (time.monotonic() - killed)))
    stack.start_app("a")
    restarted = time.monotonic()
    healthy_after = None
    while time.monotonic() - restarted < 15:
        if stack.backends().get("a") == "healthy":
            healthy_after = time.monotonic() - restarted
            break
        time.sleep(0.2)
    load.join()
    after = stack.backend_requests()
    served = {name: after[name] - before[name] for name in ("a", "b")}
    check(
        result["errors"] == 0,
        f"{result['requests']} requests through Varnish while A was killed and restarted: "
        f"{result['errors']} failed",
        failures,
    )
    check(
        sick_after is not None,
        f"Varnish marked A sick {sick_after and round(sick_after, 1)} s after",
        failures,
    )
    check(
        healthy_after is not None,
        f"and healthy {healthy_after and round(healthy_after, 1)} s after its restart",
        failures,
    )
    return {
        "requests": result["requests"],
        "errors": result["errors"],
        "p50_ms": result["p50_ms"],
        "p99_ms": result["p99_ms"],
        "backend_requests": served,
        "a_sick_after_seconds": sick_after and round(sick_after, 1),
        "a_healthy_after_restart_seconds": healthy_after and round(healthy_after, 1),
    }


def show_throughput(stack, path, failures, seconds):
    """5: one page, from Varnish's cache, from A's page cache, and rendered by A."""
    http_get(stack.url("varnish", path))
    cached = wrk(stack.url("varnish", "/"), seconds, 16, [path])
    app_cache = wrk(stack.url("a", "/"), seconds, 16, [path])
    # A session cookie (unknown) keeps the page cache out: A renders every request.
    rendered = wrk(stack.url("a", "/"), seconds, 16, [path], headers=["Cookie: sessionid=none"])
    for name, figures in (
        ("Varnish", cached),
        ("A, page cache", app_cache),
        ("A, rendering", rendered),
    ):
        check(
            figures["errors"] == 0,
            f"{name}: {figures['requests_per_second']} pages/s, "
            f"p50 {figures['p50_ms']} ms, {figures['errors']} errors",
            failures,
        )
    return {
        "page": path,
        "varnish_cached_per_second": cached["requests_per_second"],
        "app_server_page_cache_per_second": app_cache["requests_per_second"],
        "app_server_rendering_per_second": rendered["requests_per_second"],
        "varnish_over_rendering": round(
            cached["requests_per_second"] / rendered["requests_per_second"], 1
        ),
    }


def main(args):
    for name in ("wrk", "varnishd", "varnishadm", "varnishstat", "redis-server", "psql"):
        program(name)
    stack = Stack()
    failures, report = [], {}
    # Ctrl-C and kill end the run the same way: through the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    try:
        stack.start()
        report["change"], editor = show_change(stack, failures)
        report["image"] = show_image(stack, editor, failures)
        paths = ["/", "/resources/", report["change"]["page"], "/resources/?type=faqs-explainers"]
        report["failover"] = show_failover(stack, paths, failures, args.seconds)
        report["throughput"] = show_throughput(stack, report["change"]["page"], failures, 10)
    finally:
        log("stopping everything")
        stack.stop()
    report["failures"] = failures
    print(json.dumps(report, indent=2))
    if args.report:
        Path(args.report).write_text(json.dumps(report, indent=2) + "\n")
    return 1 if failures else 0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=24, help="length of the failover load")
    parser.add_argument("--report", help="also write the figures to this JSON file")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main(parse_args()))
