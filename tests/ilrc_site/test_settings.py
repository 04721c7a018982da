import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a production check.
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environ = {k: v for k, v in os.environ.items() if k not in unset}
    environ.update(env, DJANGO_SETTINGS_MODULE="ilrc_site.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="ilrc.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_passes_the_deploy_checklist():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3y-" + "x7Q!p2Lz" * 8,
        ALLOWED_HOSTS="ilrc.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_dev_admin_is_refused_outside_development():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_dev_admin")


@pytest.mark.parametrize(
    "redis_url, expected",
    [
        # Worker processes' local memories are not shared: one could never clear another's.
        ("", "CONTENT_CACHE=False PAGE_CACHE_SECONDS=0"),
        ("redis://127.0.0.1:6379/0", "CONTENT_CACHE=True PAGE_CACHE_SECONDS=86400"),
    ],
)
def test_production_caches_pages_only_in_a_shared_cache(redis_url, expected):
    show = (
        "from django.conf import settings as s; "
        "print(f'CONTENT_CACHE={s.CONTENT_CACHE} PAGE_CACHE_SECONDS={s.PAGE_CACHE_SECONDS}')"
    )
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        show,
        SECRET_KEY="k3y-" + "x7Q!p2Lz" * 8,
        ALLOWED_HOSTS="ilrc.example.org",
        REDIS_URL=redis_url,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
