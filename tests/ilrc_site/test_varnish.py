"""The HTTP cache's configuration (ops/varnish/), as docker-compose.prod.yml mounts it,
compiled by Debian's Varnish: a VCL that does not compile would stop Varnish starting.
What it does with requests is shown by ops/scale_out.py."""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

VARNISH = Path(__file__).resolve().parents[2] / "ops" / "varnish"

pytestmark = pytest.mark.varnish


@pytest.fixture
def folder():
    # Varnish's compiler runs as its own user: it must be able to read the folder, which
    # pytest's own temporary folders do not allow.
    path = Path(tempfile.mkdtemp(prefix="ilrc-vcl-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path)


def compile_vcl(folder, backends):
    """varnishd's compiler on site.vcl with `backends` as its backends.vcl."""
    shutil.copy(VARNISH / "site.vcl", folder / "site.vcl")
    (folder / "backends.vcl").write_text(backends)
    for path in folder.iterdir():
        path.chmod(0o644)
    return subprocess.run(  # noqa: S603
        [
            shutil.which("varnishd"),
            "-C",
            "-n",
            str(folder / "work"),
            "-f",
            str(folder / "site.vcl"),
            "-p",
            f"vcl_path={folder}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_production_vcl_compiles(folder):
    # The app servers' names resolve only inside docker-compose's network.
    backends = re.sub(
        r'\.host = "web-\d"', '.host = "127.0.0.1"', (VARNISH / "backends.compose.vcl").read_text()
    )

    result = compile_vcl(folder, backends)

    assert result.returncode == 0, result.stderr
    # The C it compiles to (on stderr) holds the purgers' ACL, with both its addresses.
    assert "acl_n_purgers n 2" in result.stderr


def test_a_vcl_without_its_backends_does_not_compile(folder):
    result = compile_vcl(folder, "")

    assert result.returncode != 0
    assert "app" in result.stderr
