"""A database that hangs, is locked or is stopped holds no worker: 503 within seconds, then back."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection, connections
from django.db.backends.utils import CursorWrapper
from django.test import Client

from pages.models import Page
from tests.pages.factories import PageFactory

PROJECT_ROOT = Path(__file__).resolve().parents[2]
on_postgresql = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (DATABASE_URL)",
)


def _database_options(**environ):
    """The OPTIONS the settings build for the default database from this environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    env.update(environ, DJANGO_SETTINGS_MODULE="integration_site.settings.dev")
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgresql_gets_connect_and_statement_timeouts_from_the_environment():
    options = _database_options(
        DATABASE_URL="postgres://kfi@127.0.0.1:5432/kfi",
        DATABASE_CONNECT_TIMEOUT="2",
        DATABASE_STATEMENT_TIMEOUT="7",
    )
    assert options["connect_timeout"] == 2
    assert "-c statement_timeout=7000" in options["options"]


def test_postgresql_has_timeouts_by_default():
    options = _database_options(DATABASE_URL="postgres://kfi@127.0.0.1:5432/kfi")
    assert options["connect_timeout"] > 0
    assert "-c statement_timeout=" in options["options"]
    assert "statement_timeout=0" not in options["options"]


def test_sqlite_waits_for_a_lock_no_longer_than_the_statement_timeout(tmp_path):
    options = _database_options(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", DATABASE_STATEMENT_TIMEOUT="4"
    )
    assert options["timeout"] == 4


@pytest.fixture
def frozen_database(db, monkeypatch):
    """Queries wait, as on a database process that was stopped, until `thaw()` is called."""
    thawed = threading.Event()
    execute = CursorWrapper.execute

    def hang(self, *args, **kwargs):
        thawed.wait(timeout=30)
        return execute(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", hang)
        yield thawed.set
        thawed.set()


def test_healthz_answers_503_within_2_seconds_while_the_database_hangs_and_recovers(
    client, frozen_database
):
    started = time.monotonic()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert time.monotonic() - started < 2
    # A second monitor request while the first check still waits does not start another one.
    started = time.monotonic()
    assert client.get("/healthz").status_code == 503
    assert time.monotonic() - started < 2
    frozen_database()
    assert client.get("/healthz").status_code == 200


class BlackHole:
    """A server that accepts TCP connections and never answers: a frozen database host."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.held.append(self.server.accept()[0])
            except OSError:
                return

    def close(self):
        self.server.close()
        for conn in self.held:
            conn.close()


@on_postgresql
def test_healthz_answers_503_within_2_seconds_when_the_database_host_never_answers(
    client, db, monkeypatch
):
    hole = BlackHole()
    database = connections.settings["default"]
    try:
        with monkeypatch.context() as patch:
            patch.setitem(database, "HOST", "127.0.0.1")
            patch.setitem(database, "PORT", hole.port)
            started = time.monotonic()
            response = client.get("/healthz")
            assert response.status_code == 503
            assert time.monotonic() - started < 2
        # The check that still waits gives up after connect_timeout; then the site is back.
        deadline = time.monotonic() + 10
        while client.get("/healthz").status_code != 200:
            assert time.monotonic() < deadline, "healthz did not recover"
            time.sleep(0.2)
    finally:
        hole.close()


@on_postgresql
def test_a_locked_table_gives_the_503_page_within_the_statement_timeout(db, settings):
    import psycopg

    # Nothing is written first: the test's own transaction would hold a lock on the table.
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    locker = psycopg.connect(**params, autocommit=False)
    try:
        table = connection.ops.quote_name(Page._meta.db_table)
        locker.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        response = Client(raise_request_exception=False).get("/de/datenschutz/")
        elapsed = time.monotonic() - started
    finally:
        locker.rollback()
        locker.close()
    assert response.status_code == 503
    assert "Die Website ist vorübergehend nicht erreichbar" in response.content.decode()
    assert response["Retry-After"]
    assert elapsed < settings.DATABASE_STATEMENT_TIMEOUT + 2


def test_a_stopped_database_gives_the_503_page_and_the_next_request_after_it_works(db, monkeypatch):
    PageFactory(key=Page.Key.PRIVACY, title_de="Datenschutz", body_de="<p>Text</p>")
    client = Client(raise_request_exception=False)

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", refuse)
        response = client.get("/en/datenschutz/")
        assert response.status_code == 503
        assert "The website is temporarily unavailable" in response.content.decode()
        assert client.get("/healthz").status_code == 503
    assert client.get("/en/datenschutz/").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_a_query_that_never_returns_ends_at_the_client_deadline_with_the_503_page(
    db, settings, monkeypatch
):
    """A frozen server: nothing comes back on an open connection, and no server timeout fires."""
    PageFactory(key=Page.Key.PRIVACY, title_de="Datenschutz", body_de="<p>Text</p>")
    settings.DATABASE_CLIENT_DEADLINE = 1
    client = Client(raise_request_exception=False)
    real = CursorWrapper._execute

    def hang(self, *args, **kwargs):
        time.sleep(30)  # the database never answers
        return real(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "_execute", hang)
        patch.setattr(connection, "close", lambda: None)  # the test's transaction stays open
        started = time.monotonic()
        response = client.get("/de/datenschutz/")
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert "Die Website ist vorübergehend nicht erreichbar" in response.content.decode()
    assert elapsed < 2
    # The worker goes on: the next request is answered as usual.
    assert client.get("/de/datenschutz/").status_code == 200


@on_postgresql
def test_the_client_deadline_closes_the_connection_and_the_next_query_reconnects(db):
    from core.db_deadline import DatabaseDeadlineExceeded, _with_deadline, allow_connecting

    other = connections.create_connection("default")
    deadline = _with_deadline(1)
    try:
        with other.execute_wrapper(deadline):
            started = time.monotonic()
            with pytest.raises(DatabaseDeadlineExceeded), other.cursor() as cursor:
                cursor.execute("SELECT pg_sleep(4)")
            assert time.monotonic() - started < 1.8
            assert other.connection is None
            # The rest of the request does not wait for the server again.
            started = time.monotonic()
            with pytest.raises(DatabaseDeadlineExceeded), other.cursor() as cursor:
                cursor.execute("SELECT 1")
            assert time.monotonic() - started < 0.5
        allow_connecting(other)
        with other.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
        assert deadline not in other.execute_wrappers
    finally:
        other.close()


def test_a_connection_opened_during_a_request_keeps_watching_writes_for_the_page_cache(
    db, monkeypatch
):
    from core.pagecache import _watch, watch_writes

    PageFactory(key=Page.Key.PRIVACY, title_de="Datenschutz", body_de="<p>Text</p>")
    connection.execute_wrappers.remove(_watch)  # as if the connection were not open yet
    real = CursorWrapper.execute

    def connecting(self, *args, **kwargs):
        watch_writes(self.db)  # what `connection_created` does when a request connects
        return real(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", connecting)
        assert Client().get("/de/datenschutz/").status_code == 200
    assert connection.execute_wrappers == [_watch]
