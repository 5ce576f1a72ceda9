"""A mail relay that is down costs the applicant and the office nothing but a short delay.

Before, each notice was sent while the request waited and a refusing relay raised: the
submission was saved, its reference given, and the applicant saw a server error; the office's
status change was saved and the editor saw one too, and no mail was ever retried.
"""

import datetime
import smtplib
import socket
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend as MemoryBackend
from django.core.management import call_command
from django.db.models import F
from django.test import Client

from applications import mail as application_mail
from applications.models import OutgoingMail, StatusChange
from tests.core.test_attention import panel

from .factories import VALID, change_in_admin, start_draft, submitted

pytestmark = pytest.mark.django_db

LIST = "/admin/applications/application/"


@pytest.fixture
def relay_down(settings):
    """The production backend pointed at a port where nothing listens: connection refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 2
    return settings


@pytest.fixture
def relay_silent(settings):
    """A relay that takes the connection and never answers (the kernel accepts for it)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = listener.getsockname()[1]
        settings.EMAIL_TIMEOUT = 1
        yield listener


def connections_made(listener):
    listener.setblocking(False)
    count = 0
    while True:
        try:
            connection, _address = listener.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


def relay_back(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def run_queue(**kwargs):
    """The scheduled command, minutes later: the mails are no longer their request's."""
    OutgoingMail.objects.filter(sent_at=None).update(
        created_at=F("created_at") - datetime.timedelta(minutes=10)
    )
    call_command("send_queued_mail", **kwargs)


class RefusingBackend(MemoryBackend):
    """A relay that refuses one domain's addresses and accepts the rest."""

    def send_messages(self, messages):
        for message in messages:
            if any(address.endswith("@refused.example") for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"no such user")})
        return super().send_messages(messages)


@pytest.fixture
def office(editor):
    editor.user_permissions.add(Permission.objects.get(codename="view_applications"))
    office = Client()
    office.force_login(editor)
    return office


def test_a_relay_that_is_down_does_not_stop_the_submission(client, town, relay_down):
    relay_down.APPLICATION_MAIL_PAUSE_SECONDS = 0  # each request tries the relay
    token, application = submitted(client, town)
    assert application.status == "received" and application.reference.startswith("MP-")
    mails = list(application.mails.order_by("pk"))
    assert [m.kind for m in mails] == ["received", "office"]
    assert [m.sent_at for m in mails] == [None, None]
    # Tried once; the office's copy waits without a second wait on the same relay.
    assert [m.attempts for m in mails] == [1, 0]
    assert mails[0].last_error == "ConnectionRefusedError"
    assert application.status_changes.get().applicant_notified is False
    page = client.get(f"/de/mikroprojekte/antrag/{token}/gesendet/").content.decode()
    assert application.reference in page
    assert "Ihre Bestätigung per E-Mail kommt, sobald er wieder geht" in page
    assert "Wir haben Ihnen eine Bestätigung per E-Mail geschickt." not in page

    relay_back(relay_down)
    out = StringIO()
    run_queue(stdout=out)
    assert out.getvalue().strip() == "2 E-Mails versandt, 0 warten noch."
    assert [m.to for m in mail.outbox] == [["amal@example.org"], ["mikroprojekte-kfi@lk-l.de"]]
    assert application.reference in mail.outbox[0].subject
    assert mail.outbox[1].attachments[0][0] == f"{application.reference}.pdf"
    assert mail.outbox[1].attachments[0][1].startswith(b"%PDF")
    page = client.get(f"/de/mikroprojekte/antrag/{token}/gesendet/").content.decode()
    assert "Wir haben Ihnen eine Bestätigung per E-Mail geschickt." in page
    received = application.status_changes.get(new_status="received")
    assert received.applicant_notified is True
    run_queue(stdout=StringIO())
    assert len(mail.outbox) == 2


def test_after_a_failure_requests_leave_their_mail_to_the_queue(client, town, relay_down):
    # Filling in the applicant's page tried to mail the link and failed; from then on the
    # requests do not wait for the relay again: the submission's mails are queued untried.
    _token, first = submitted(client, town)
    assert [m.attempts for m in first.mails.order_by("pk")] == [0, 0]
    assert first.link_mailed_to == ""
    # The pause is over: the next link mail tries the relay, fails and pauses it again.
    cache.clear()
    _token, second = submitted(client, town)
    assert [m.attempts for m in second.mails.order_by("pk")] == [0, 0]
    assert OutgoingMail.objects.filter(attempts=0).count() == 4
    out = StringIO()
    with pytest.raises(SystemExit) as exit_code:
        run_queue(stdout=out)
    # The command is not held back by the pause, and says the relay still refuses.
    assert exit_code.value.code == 1
    assert out.getvalue().strip() == "0 E-Mails versandt, 4 warten noch."


def test_a_status_change_is_saved_and_its_notice_kept_while_the_relay_is_down(
    client, town, office, relay_down
):
    relay_back(relay_down)
    _token, application = submitted(client, town)
    relay_down.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    response = change_in_admin(
        office, application, new_status="pre_check", status_message="Wir melden uns.", follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "ließ sich noch nicht versenden; sie wird automatisch erneut versucht" in page
    assert "wurde per E-Mail benachrichtigt" not in page
    page = office.get(f"{LIST}{application.pk}/change/").content.decode()
    application.refresh_from_db()
    assert application.status == "pre_check"
    change = StatusChange.objects.get(application=application, new_status="pre_check")
    assert change.applicant_notified is False
    assert "wartet auf den nächsten Versuch (Versuche: 1, zuletzt: ConnectionRefusedError)" in page
    waiting = panel(office)[0]["application-mail"]
    assert [line[0] for line in waiting] == [
        f"{application.reference}: Statusmitteilung an Antragstellende"
    ]

    relay_back(relay_down)
    cache.clear()  # the pause is over
    run_queue(stdout=StringIO())
    change.refresh_from_db()
    assert change.applicant_notified is True
    assert "Wir melden uns." in mail.outbox[-1].body
    assert "application-mail" not in panel(office)[0]
    page = office.get(f"{LIST}{application.pk}/change/").content.decode()
    assert "versandt am" in page


def test_a_refused_address_does_not_hold_back_the_others(client, town, settings):
    _token, refused = submitted(
        client, town, overrides={"antragstellende": {"email": "amal@refused.example"}}
    )
    _token, fine = submitted(client, town)
    mail.outbox.clear()
    OutgoingMail.objects.update(sent_at=None, attempts=0)
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with pytest.raises(SystemExit):
        run_queue(stdout=StringIO())
    receipt = refused.mails.get(kind="received")
    assert receipt.sent_at is None
    assert receipt.last_error == "SMTPRecipientsRefused"
    # The office's copy of the same application and the other applicant's mails went out.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amal@example.org",
        "mikroprojekte-kfi@lk-l.de",
        "mikroprojekte-kfi@lk-l.de",
    ]
    assert not fine.mails.filter(sent_at=None).exists()


def test_after_ten_failures_a_mail_is_left_to_the_office(client, town, office, relay_down):
    _token, application = submitted(client, town)
    application.mails.update(attempts=OutgoingMail.MAX_ATTEMPTS)
    relay_back(relay_down)
    out = StringIO()
    run_queue(stdout=out)
    assert out.getvalue().strip() == "0 E-Mails versandt, 0 warten noch."
    assert mail.outbox == []
    page = office.get(f"{LIST}{application.pk}/change/").content.decode()
    assert "nicht zugestellt, wird nicht mehr versucht (Versuche: 10" in page
    # Still listed for the office, which now writes to the applicant itself.
    assert len(panel(office)[0]["application-mail"]) == 2


def test_the_secret_link_is_mailed_when_the_relay_takes_it_and_the_page_says_which(
    client, town, relay_down
):
    token, tasks = start_draft(client)
    applicant = VALID["antragstellende"]
    response = client.post(f"/de/mikroprojekte/antrag/{token}/antragstellende/", applicant)
    assert response.status_code == 302
    page = client.get(tasks).content.decode()
    assert "Den Link konnten wir Ihnen gerade nicht per E-Mail schicken." in page
    assert "Den Link haben wir Ihnen auch per E-Mail geschickt." not in page
    assert token in page  # shown, so it can be saved

    relay_back(relay_down)
    cache.clear()  # the pause is over
    client.post(f"/de/mikroprojekte/antrag/{token}/antragstellende/", applicant)
    assert [m.to for m in mail.outbox] == [["amal@example.org"]]
    assert token in mail.outbox[0].body
    page = client.get(tasks).content.decode()
    assert "Den Link haben wir Ihnen auch per E-Mail geschickt." in page
    # Saved again with the same address: no second mail.
    client.post(f"/de/mikroprojekte/antrag/{token}/antragstellende/", applicant)
    assert len(mail.outbox) == 1
    # The secret link is never stored, not even in the queue.
    assert not OutgoingMail.objects.exists()


def test_a_title_with_a_line_break_still_gives_a_one_line_subject(client, town):
    _token, application = submitted(
        client,
        town,
        overrides={"projekt": {"title": "Sprachcafé\r\nBcc: viele@example.org"}},
    )
    office_mail = application.mails.get(kind="office")
    assert office_mail.sent_at is not None
    assert "\n" not in mail.outbox[-1].subject and "\r" not in mail.outbox[-1].subject


def test_a_silent_relay_holds_one_request_and_no_other(client, town, relay_silent):
    # The applicant's page waited for the relay once (EMAIL_TIMEOUT) to mail the link; from
    # then on every request went on without it: the other pages and the submission.
    token, application = submitted(client, town)
    assert connections_made(relay_silent) == 1
    assert application.link_mailed_to == ""
    assert [m.attempts for m in application.mails.all()] == [0, 0]
    page = client.get(f"/de/mikroprojekte/antrag/{token}/gesendet/").content.decode()
    assert application.reference in page
    # The scheduled command tries again: one connection, and it stops at the first failure.
    with pytest.raises(SystemExit):
        run_queue(stdout=StringIO())
    assert connections_made(relay_silent) == 1
    # smtplib reports the timeout as a lost connection.
    assert [m.last_error for m in application.mails.all()] == ["SMTPServerDisconnected", ""]


def test_the_queue_leaves_a_mail_its_request_may_still_be_sending(client, town, relay_down):
    _token, application = submitted(client, town)
    relay_back(relay_down)
    out = StringIO()
    call_command("send_queued_mail", stdout=out)
    # Written a moment ago: the request that wrote it may be waiting for the relay right now.
    assert out.getvalue().strip() == "0 E-Mails versandt, 0 warten noch."
    assert mail.outbox == []
    run_queue(stdout=StringIO())
    assert len(mail.outbox) == 2
    assert not application.mails.filter(sent_at=None).exists()


def test_only_one_run_of_the_queue_sends_at_a_time(client, town, relay_down):
    submitted(client, town)
    relay_back(relay_down)
    cache.add(application_mail.RUN_KEY, 1)  # another run is sending
    out = StringIO()
    run_queue(stdout=out)
    assert out.getvalue().strip() == "Ein anderer Lauf sendet gerade; dieser sendet nichts."
    assert mail.outbox == []
    cache.delete(application_mail.RUN_KEY)
    run_queue(stdout=StringIO())
    assert len(mail.outbox) == 2
    # A finished run frees the queue for the next.
    assert cache.get(application_mail.RUN_KEY) is None
