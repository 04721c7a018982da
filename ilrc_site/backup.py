"""Backups of the whole site: the PostgreSQL database (pg_dump's custom format) and
the uploaded media (a gzipped tar), side by side in one folder.

Used by `manage.py backup_site` and `manage.py restore_site`. With media on S3
(MEDIA_STORAGE=s3) the media archive is left empty: the bucket is backed up by its own
versioning or replication (docs/operations.md), not copied through one server.
"""

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


def _postgres_environment():
    """libpq's environment for the default database, so no password is on a command line."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise CommandError("Backups are made of PostgreSQL databases only (set DATABASE_URL).")
    environment = dict(os.environ)
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _run(command, environment):
    program = shutil.which(command[0])
    if program is None:
        raise CommandError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)."
        )
    # A fixed program and arguments, no shell.
    result = subprocess.run(  # noqa: S603
        [program, *command[1:]], env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed:\n{result.stderr.strip()}")


def back_up(folder):
    """Writes the database and the media into `folder`, which must not exist yet."""
    folder = Path(folder)
    if folder.exists():
        raise CommandError(f"{folder} already exists; give a new folder for each backup.")
    environment = _postgres_environment()
    folder.mkdir(parents=True)
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(folder / DATABASE_FILE),
        ],
        environment,
    )
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
        if settings.MEDIA_STORAGE == "filesystem" and media_root.exists():
            for path in sorted(media_root.iterdir()):
                archive.add(path, arcname=path.name)
    return folder


def restore(folder):
    """Replaces the database's contents and adds the media from a backup folder."""
    folder = Path(folder)
    for name in (DATABASE_FILE, MEDIA_FILE):
        if not (folder / name).is_file():
            raise CommandError(f"{folder} is not a backup: {name} is missing.")
    environment = _postgres_environment()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            environment["PGDATABASE"],
            str(folder / DATABASE_FILE),
        ],
        environment,
    )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(media_root, filter="data")
