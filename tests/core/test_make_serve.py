"""`make serve`: the site as it will run, gunicorn with the production settings, on this machine."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def served(tmp_path):
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "REDIS_", "DJANGO_", "PYTEST_", "SECRET_KEY"))
    }
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        GUNICORN_WORKERS="2",
    )
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        ["make", "--no-print-directory", "serve", "HOST=127.0.0.1", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                if _get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "make serve did not come up"
            time.sleep(0.5)
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        log.close()


def test_make_serve_runs_the_demo_under_gunicorn_with_the_production_settings(served):
    status, headers, body = _get(f"{served}/de/")
    assert status == 200
    assert b"Koordinierungsstelle f\xc3\xbcr Integration" in body
    assert "Set-Cookie" not in headers
    # The production settings: security headers (HSTS only over HTTPS) and a request id.
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Request-ID"]
    # Static files come from WhiteNoise under hashed, immutable names.
    css = next(
        line.split('href="')[1].split('"')[0]
        for line in body.decode().splitlines()
        if 'rel="stylesheet"' in line and "site." in line
    )
    status, headers, _body = _get(f"{served}{css}")
    assert status == 200 and "immutable" in headers["Cache-Control"]
    # DEBUG is off: an unknown address gets the site's own 404 page.
    status, _headers, body = _get(f"{served}/de/gibt-es-nicht/")
    assert status == 404 and b"Seite nicht gefunden" in body
