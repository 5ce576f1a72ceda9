"""Health check, security headers, robots, favicon, error pages and production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.test import RequestFactory, override_settings
from django.utils import translation

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_healthz_answers_200_when_the_database_is_reachable(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable(client, db, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", broken)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_public_pages_send_security_headers(client, demo_content):
    response = client.get("/de/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_anonymous_pages_set_no_cookie(client, demo_content):
    for path in (
        "/",
        "/de/",
        "/ar/koordinierungsstelle/",
        "/en/impressum/",
        "/robots.txt",
        "/sitemap.xml",
        "/healthz",
        "/de/gibt-es-nicht/",
    ):
        response = client.get(path)
        assert not response.cookies, path


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("img/favicon.svg")


@override_settings(DEBUG=False)
def test_500_page_renders_without_the_database(client, monkeypatch):
    """The error view itself must not query: the database may be what failed."""
    from django.db.backends.base.base import BaseDatabaseWrapper

    from core import views

    def refuse(*args, **kwargs):
        raise AssertionError("the 500 page touched the database")

    request = RequestFactory().get("/ar/")
    with monkeypatch.context() as patch, translation.override("ar"):
        patch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
        response = views.server_error(request)
    assert response.status_code == 500
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl" data-script="Arab">' in content
    assert "<h1>" in content


def test_no_pending_migrations(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _run_manage(args, env_extra):
    # The browser tests allow sync database calls next to Playwright's loop; a real run must not.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _run_manage(
        ["check"],
        {
            "DJANGO_SETTINGS_MODULE": "integration_site.settings.prod",
            "SECRET_KEY": "",
            "ALLOWED_HOSTS": "example.org",
        },
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = _run_manage(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {
            "DJANGO_SETTINGS_MODULE": "integration_site.settings.prod",
            "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-0123456789",
            "ALLOWED_HOSTS": "integration.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_static_files_are_hashed_and_compressed(tmp_path):
    result = _run_manage(
        ["collectstatic", "--noinput", "-v0"],
        {
            "DJANGO_SETTINGS_MODULE": "integration_site.settings.prod",
            "SECRET_KEY": "collectstatic-only-" + "k" * 40,
            "ALLOWED_HOSTS": "localhost",
            "STATIC_ROOT": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    css = sorted(p.name for p in (tmp_path / "css").iterdir() if p.name.startswith("site."))
    hashed = [n for n in css if n.endswith(".css") and n.count(".") == 2]
    assert hashed, css
    assert f"{hashed[0]}.gz" in css
    assert f"{hashed[0]}.br" in css


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set")
def test_redis_cache_from_the_environment_works():
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    from integration_site.settings import base

    assert base.CACHES["default"]["BACKEND"] == "core.cache.SharedRedisCache"
    with override_settings(CACHES=base.CACHES):
        cache = caches.create_connection("default")
        assert isinstance(cache, RedisCache)
        cache.set("kfi-test-key", "wert", 5)
        assert cache.get("kfi-test-key") == "wert"
        # One client per pool, whatever the number of operations.
        client = cache._cache
        assert client.get_client(write=True) is client.get_client(write=True)
        cache.delete("kfi-test-key")


@pytest.mark.parametrize(
    ("handler", "status", "heading"),
    [
        ("handler400", 400, "Die Anfrage ist fehlerhaft"),
        ("handler403", 403, "Kein Zugriff"),
        ("handler404", 404, "Seite nicht gefunden"),
    ],
)
def test_error_pages_are_styled_and_keep_the_site_navigation(db, handler, status, heading):
    from integration_site import urls

    request = RequestFactory().get("/de/irgendwo/")
    with translation.override("de"):
        response = getattr(urls, handler)(request, exception=Exception())
    content = response.content.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in content
    assert 'class="main-nav"' in content
    assert "/static/css/site.css" in content


def test_error_pages_are_translated(db):
    from integration_site import urls

    request = RequestFactory().get("/uk/irgendwo/")
    with translation.override("uk"):
        content = urls.handler404(request, exception=Exception()).content.decode()
    assert '<html lang="uk" dir="ltr" data-script="Cyrl">' in content
    assert "Seite nicht gefunden" not in content


@override_settings(DEBUG=False)
def test_forged_host_header_gets_the_styled_400_page(client, db):
    """The error page builds its hreflang links without the Host header it is refusing."""
    response = client.get("/de/", headers={"host": "evil.example"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "<h1>Die Anfrage ist fehlerhaft</h1>" in content
    assert "evil.example" not in content


@pytest.mark.parametrize("path", ["/healthz", "/robots.txt"])
def test_monitors_and_crawlers_may_ask_with_head(client, db, path):
    assert client.head(path).status_code == 200


def test_security_txt_names_a_contact_and_expires_within_a_year(client, db, settings):
    import datetime

    settings.SECURITY_CONTACT = "mailto:sicherheit@example.org"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:sicherheit@example.org"
    assert fields["Preferred-Languages"] == "de, en"
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    expires = datetime.datetime.fromisoformat(fields["Expires"])
    now = datetime.datetime.now(datetime.UTC)
    # RFC 9116 recommends less than a year ahead; a stale file would be ignored.
    assert now + datetime.timedelta(days=300) < expires <= now + datetime.timedelta(days=366)


def test_security_txt_falls_back_to_the_offices_mailbox():
    from integration_site.settings import base

    assert base.SECURITY_CONTACT == "mailto:integrationshilfe@lk-l.de"


def test_error_reports_hide_passwords_in_cache_and_database_addresses(settings):
    from django.views.debug import get_default_exception_reporter_filter

    settings.REDIS_URL = "redis://:redis-secret@cache.internal:6379/0"
    settings.DATABASE_URL = "postgres://kfi:db-secret@db.internal:5432/kfi"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://user:other-secret@cache.internal:6379/1",
        }
    }
    settings.SENTRY_DSN = "https://public:dsn-secret@sentry.example.org/1"
    safe = get_default_exception_reporter_filter().get_safe_settings()
    shown = repr(safe)
    for secret in ("redis-secret", "db-secret", "other-secret", "dsn-secret"):
        assert secret not in shown
    # What helps finding the fault stays: the host of an address with its password removed.
    assert "cache.internal:6379/1" in safe["CACHES"]["default"]["LOCATION"]


@override_settings(DEBUG=False)
def test_the_error_mail_does_not_show_the_redis_password(db, settings, monkeypatch):
    from django.core import mail
    from django.test import Client

    from core import errormail
    from core import views as core_views

    settings.ADMINS = [("Webmaster", "webmaster@example.org")]
    settings.REDIS_URL = "redis://:redis-secret@cache.internal:6379/0"

    def broken(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(core_views, "reverse", broken)
    assert Client(raise_request_exception=False).get("/robots.txt").status_code == 500
    assert errormail.wait_until_sent(timeout=5)
    [message] = mail.outbox
    html = message.alternatives[0][0] if message.alternatives else ""
    assert "kaputt" in message.body
    assert "REDIS_URL = " in message.body
    assert "redis-secret" not in message.body + html
