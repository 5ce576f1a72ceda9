"""A request with more query parameters than the site takes gets the site's own 400 page."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TOO_MANY = "&".join(f"a{number}=1" for number in range(1001))


def test_1001_query_parameters_get_the_localized_400_page_with_our_headers(client, db):
    response = client.get(f"/en/dokumente/?{TOO_MANY}")
    assert response.status_code == 400
    content = response.content.decode()
    assert '<html lang="en"' in content
    assert "<h1>Die Anfrage ist fehlerhaft</h1>" not in content
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    """The site under gunicorn with gunicorn.conf.py and the production settings."""
    port = _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="integration_site.settings.prod",
        SECRET_KEY="gunicorn-test-only-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        GUNICORN_WORKERS="1",
        GUNICORN_BIND=f"127.0.0.1:{port}",
    )
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=PROJECT_ROOT,
            env=env,
            check=True,
            timeout=120,
        )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "integration_site.wsgi"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, "gunicorn did not start"
                assert time.monotonic() < deadline, "gunicorn did not answer within 30 s"
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_1001_query_parameters_through_gunicorn_get_our_400_page_not_gunicorns(gunicorn):
    connection = http.client.HTTPConnection("127.0.0.1", gunicorn, timeout=20)
    connection.request("GET", f"/de/dokumente/?{TOO_MANY}", headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    assert response.status == 400
    assert "<h1>Die Anfrage ist fehlerhaft</h1>" in body
    assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy")
    assert response.getheader("X-Request-ID")
