"""Guessing admin passwords: locked out after a handful of failures, per account and per address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command

from accounts.addresses import client_address

PASSWORD = "pw-for-tests-only"


def log_in(client, username, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def logged_in(client):
    return client.get("/admin/").status_code == 200


def test_fifty_wrong_passwords_then_the_right_one_does_not_log_in(client, editor):
    statuses = [log_in(client, editor.username, f"guess-{n}").status_code for n in range(50)]
    # Four failures show the login form again; from the fifth on the account is locked.
    assert statuses[:4] == [200] * 4
    assert set(statuses[4:]) == {429}
    response = log_in(client, editor.username, PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)


def test_the_lockout_page_names_the_waiting_time_in_german(client, editor, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=20)
    for n in range(5):
        response = log_in(client, editor.username, f"guess-{n}")
    assert response.status_code == 429
    content = response.content.decode()
    assert "<h1>Anmeldung vorübergehend gesperrt</h1>" in content
    assert "Bitte warten Sie 20 Minuten und versuchen Sie es dann erneut." in content
    # Styled as the admin's login page.
    assert "admin/css/login.css" in content


def test_after_the_cool_off_the_right_password_logs_in(client, editor, settings):
    for n in range(5):
        log_in(client, editor.username, f"guess-{n}")
    assert log_in(client, editor.username, PASSWORD).status_code == 429
    # The time has passed: the failures are older than the cool-off.
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=0)
    response = log_in(client, editor.username, PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_the_reset_command_lifts_the_lockout(client, editor):
    for n in range(5):
        log_in(client, editor.username, f"guess-{n}")
    assert log_in(client, editor.username, PASSWORD).status_code == 429
    call_command("axes_reset_username", editor.username, verbosity=0)
    assert log_in(client, editor.username, PASSWORD).status_code == 302
    assert logged_in(client)


def test_one_address_guessing_many_accounts_is_locked_out(client, editor, django_user_model):
    for n in range(5):
        log_in(client, f"unknown-{n}", "guess", address="198.51.100.4")
    # The editor's right password from that address is refused; from another it works.
    assert log_in(client, editor.username, PASSWORD, address="198.51.100.4").status_code == 429
    assert log_in(client, editor.username, PASSWORD, address="198.51.100.5").status_code == 302


def test_a_locked_account_stays_locked_from_another_address(client, editor):
    for n in range(5):
        log_in(client, editor.username, f"guess-{n}", address=f"198.51.100.{n + 10}")
    assert log_in(client, editor.username, PASSWORD, address="198.51.100.99").status_code == 429


def test_failures_are_counted_per_client_behind_the_proxy(client, editor, settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1"]
    for n in range(5):
        client.post(
            "/admin/login/",
            {"username": f"unknown-{n}", "password": "guess"},
            REMOTE_ADDR="127.0.0.1",
            # A forged entry first; nginx appends the address it saw.
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.50",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.50"}
    # Another visitor behind the same proxy is not locked out.
    response = client.post(
        "/admin/login/",
        {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.51",
    )
    assert response.status_code == 302


def test_forwarded_addresses_from_untrusted_peers_are_ignored(rf, settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1"]
    request = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="10.1.2.3")
    assert client_address(request) == "203.0.113.9"


@pytest.mark.django_db
def test_administrators_see_failed_logins_in_german(client, editor, admin_client):
    for n in range(6):
        log_in(client, editor.username, f"guess-{n}")
    attempts = admin_client.get("/admin/axes/accessattempt/")
    content = attempts.content.decode()
    assert attempts.status_code == 200
    assert editor.username in content and "203.0.113.7" in content
    assert "gesperrt" in content
    failures = admin_client.get("/admin/axes/accessfailurelog/").content.decode()
    # Five failures before the lockout and one refused while locked out, each with its address.
    assert "6 Fehlgeschlagene Zugriffe" in failures
    assert editor.username in failures and "203.0.113.7" in failures
    index = admin_client.get("/admin/").content.decode()
    assert "Anmeldeschutz" in index
    for english in ("Axes", "Access attempts", "Access failures", "Access logs", "Locked Out"):
        assert english not in index + content + failures
    attempt = AccessAttempt.objects.get()
    change = admin_client.get(f"/admin/axes/accessattempt/{attempt.pk}/change/").content.decode()
    for english in ("Expiration", "Form Data", "Meta Data", "Attempt Remaining", "Not set"):
        assert english not in change


def test_editors_do_not_see_the_audit(editor_client):
    assert editor_client.get("/admin/axes/accessfailurelog/").status_code == 403
