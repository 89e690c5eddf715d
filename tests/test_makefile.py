"""`make serve`: the site as production runs it, DEBUG=0 under gunicorn, static files collected first;
`make run`: which seed issues it publishes and which it leaves for the desk."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The suite already runs inside the venv: -o keeps make from reinstalling requirements.
MAKE = ["make", "--no-print-directory", "-o", ".venv/.requirements-installed"]


def _environment(tmp_path: Path, **env: str) -> dict[str, str]:
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    # A database of its own; plain HTTP, as a TLS-terminating proxy would leave it.
    environment.update(DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}", SECURE_SSL_REDIRECT="0", **env)
    return environment


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, deadline: float, server: subprocess.Popen) -> tuple[int, str]:
    while True:
        if server.poll() is not None:
            pytest.fail(f"make serve stopped: {server.stderr.read()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_serve_refuses_to_start_without_a_secret_key(tmp_path):
    result = subprocess.run([*MAKE, "serve"], cwd=ROOT, env=_environment(tmp_path), capture_output=True, text=True)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
    assert "gunicorn" not in result.stdout


def test_serve_collects_static_files_and_serves_pages_with_debug_off(tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [*MAKE, "serve", f"SERVE_BIND=127.0.0.1:{port}"],
        cwd=ROOT, env=_environment(tmp_path, SECRET_KEY="test-" + "k" * 50),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120  # migrate and collectstatic come first
        status, html = _get(f"http://127.0.0.1:{port}/", deadline, server)
        # Without the manifest every page was a 500 "Missing staticfiles manifest entry".
        assert status == 200, html[:500]
        stylesheet = re.search(r'href="(/static/public/site\.[0-9a-f]{12}\.css)"', html)
        assert stylesheet, "the stylesheet is linked under its hashed name, as DEBUG=0 does"
        assert _get(f"http://127.0.0.1:{port}{stylesheet[1]}", deadline, server)[0] == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()



def test_run_publishes_the_older_seed_issues_and_queues_the_newest_for_review(tmp_path):
    """`make run` leaves something in each room: stories on the site, imported pages on the desk."""
    result = subprocess.run([*MAKE, "-n", "run"], cwd=ROOT, env=_environment(tmp_path), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    issues = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*/[0-9]*") if p.is_dir())
    newest = max(Path(p).name for p in issues)
    queued = [p for p in issues if Path(p).name == newest]
    published = [p for p in issues if p not in queued]
    commands = re.findall(r"manage\.py import_seeds([^&;]*)", result.stdout)
    assert {tuple(c.split()) for c in commands} == {("--publish", *published), tuple(queued)}
