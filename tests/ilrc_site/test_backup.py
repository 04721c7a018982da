"""backup_site and restore_site, for real: pg_dump the test database and its media,
pg_restore them into a scratch database and folder, and compare what both serve."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.demo import load_demo

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh process against either copy: every live page, document and image
# rendition, with a digest of what each serves.
SNAPSHOT = """
import hashlib, json
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Page
from base.models import SiteRendition
client = Client()
result = {}
def fetch(urls):
    for url in sorted(urls):
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        result[url] = [response.status_code, hashlib.sha256(body).hexdigest()]
fetch(page.url for page in Page.objects.live().filter(depth__gt=1))
fetch(document.url for document in Document.objects.all())
# After the pages, which create any renditions they lack.
fetch(rendition.url for rendition in SiteRendition.objects.order_by("pk")[:10])
print(json.dumps(result))
"""


def run_against(database_url, media_root, *args, stdin=None):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        # Development settings serve media files, so that images can be compared too.
        DJANGO_SETTINGS_MODULE="ilrc_site.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        SECRET_KEY="backup-test",  # noqa: S106
        ALLOWED_HOSTS="testserver",
        PAGE_CACHE_SECONDS="0",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def snapshot(database_url, media_root):
    output = run_against(database_url, media_root, "shell", "-v", "0", "-c", SNAPSHOT)
    return json.loads(output.strip().splitlines()[-1])


def database_url(name):
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


def admin_connection():
    db = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        user=db["USER"],
        password=db.get("PASSWORD") or None,
        host=db["HOST"],
        port=db["PORT"] or 5432,
        autocommit=True,
    )


@pytest.fixture
def scratch_database():
    name = settings.DATABASES["default"]["NAME"] + "_restore"
    with admin_connection() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield name
    with admin_connection() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_serves_the_same_pages_documents_and_images(tmp_path, scratch_database):
    load_demo(with_translations=True)
    original_url = database_url(settings.DATABASES["default"]["NAME"])
    original = snapshot(original_url, settings.MEDIA_ROOT)
    assert len(original) > 20
    assert all(status == 200 for status, _ in original.values())

    backup = tmp_path / "backup"
    call_command("backup_site", str(backup), stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert (backup / "database.dump").stat().st_size > 10_000
    copy_url, copy_media = database_url(scratch_database), tmp_path / "media-copy"
    run_against(copy_url, copy_media, "restore_site", str(backup), stdin="yes\n")

    assert snapshot(copy_url, copy_media) == original


@pytest.mark.postgres
def test_a_backup_never_overwrites_an_earlier_one(tmp_path):
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup_site", str(tmp_path))


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore_site", str(tmp_path), "--noinput")
