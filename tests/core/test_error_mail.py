"""Error mail cannot take the site down: forged hosts are not mailed, floods are capped, and a
mail relay that never answers holds no request."""

import logging
import socket
import threading
import time

import pytest
from django.core import mail
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from core import errormail

ADMINS = [("Webmaster", "webmaster@example.org")]


@pytest.fixture
def mailing_admins(settings):
    settings.ADMINS = ADMINS
    settings.DEBUG = False
    yield settings
    # Nothing queued in this test may reach the next one's outbox.
    assert errormail.wait_until_sent(timeout=10)


@pytest.fixture
def stopped_database(db, monkeypatch):
    """Call it and every query fails as it does when PostgreSQL is stopped, until the test ends."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:

        def stop():
            patch.setattr(CursorWrapper, "execute", refuse)
            patch.setattr(CursorWrapper, "executemany", refuse)

        yield stop


def _records_of(logger_name):
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    return records, lambda: logger.removeHandler(handler)


def test_forged_host_requests_are_logged_and_not_mailed(client, db, mailing_admins):
    records, detach = _records_of("django.security.DisallowedHost")
    errors, detach_root = _records_of("")
    try:
        for number in range(87):
            response = client.get("/de/", headers={"host": f"evil{number}.example"})
            assert response.status_code == 400
    finally:
        detach()
        detach_root()
    assert errormail.wait_until_sent(timeout=5)
    assert mail.outbox == []
    assert len(records) == 87
    # Nothing else complains about them (the page cache used to log each as its own error).
    assert not [r.getMessage() for r in errors if r.levelno >= logging.ERROR]
    assert "evil86.example" in records[-1].getMessage()


def test_a_stopped_database_mails_once_however_many_requests_fail(
    db, mailing_admins, stopped_database
):
    client = Client(raise_request_exception=False)
    paths = ["/de/", "/en/", "/de/ansprechpersonen/", "/de/dokumente/", "/ar/"] * 14
    stopped_database()
    statuses = {client.get(path).status_code for path in paths}
    assert statuses == {503}
    assert errormail.wait_until_sent(timeout=5)
    assert len(mail.outbox) == 1
    assert "OperationalError" in mail.outbox[0].body


def test_a_flood_of_different_errors_is_capped_per_minute(db, mailing_admins, stopped_database):
    # Each failure counts as new (no repeat window): only the cap per minute holds the flood.
    mailing_admins.ERROR_MAIL_REPEAT_SECONDS = 0
    mailing_admins.ERROR_MAIL_PER_MINUTE = 3
    client = Client(raise_request_exception=False)
    stopped_database()
    for _request in range(40):
        assert client.get("/de/").status_code == 503
    assert errormail.wait_until_sent(timeout=5)
    # Three in this minute, at most three more if the minute turned during the test.
    assert 3 <= len(mail.outbox) <= 6


class SilentMailRelay:
    """Accepts TCP connections and never says a word, like a hung mail relay."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _address = self.server.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self):
        self.server.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def silent_relay(mailing_admins):
    relay = SilentMailRelay()
    mailing_admins.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    mailing_admins.EMAIL_HOST = "127.0.0.1"
    mailing_admins.EMAIL_PORT = relay.port
    mailing_admins.EMAIL_TIMEOUT = 1
    yield relay
    assert errormail.wait_until_sent(timeout=10)
    relay.close()


def test_a_mail_relay_that_never_answers_holds_no_request(db, silent_relay, stopped_database):
    client = Client(raise_request_exception=False)
    stopped_database()
    durations = []
    for path in ("/de/", "/en/", "/de/dokumente/", "/uk/", "/ar/"):
        started = time.monotonic()
        response = client.get(path)
        durations.append(time.monotonic() - started)
        assert response.status_code == 503
    assert max(durations) < 1, durations
    # The report did go out to the relay, in the background, and was given up after the timeout.
    deadline = time.monotonic() + 5
    while not silent_relay.accepted and time.monotonic() < deadline:
        time.sleep(0.05)
    assert silent_relay.accepted
