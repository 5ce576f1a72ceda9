"""The optional second factor: editors who set up a TOTP app need its code to reach the admin."""

import io
import re

from axes.models import AccessAttempt
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "pw-for-tests-only"


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def log_in(client, username, code=""):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": PASSWORD, "otp_token": code, "next": "/admin/"},
    )


def reaches_admin(client):
    return client.get("/admin/").status_code == 200


def test_an_editor_with_a_device_needs_the_code(client, editor):
    TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    response = log_in(client, editor.username)
    assert response.status_code == 200
    assert "Bitte geben Sie den aktuellen sechsstelligen Code" in response.content.decode()
    assert not reaches_admin(client)


def test_a_wrong_code_does_not_log_in_and_counts_as_a_failure(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = log_in(client, editor.username, wrong)
    assert response.status_code == 200
    assert not reaches_admin(client)
    assert AccessAttempt.objects.get(username=editor.username).failures_since_start == 1


def test_the_right_code_logs_in(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    response = log_in(client, editor.username, current_code(device))
    assert response.status_code == 302
    assert reaches_admin(client)


def test_a_session_without_the_code_does_not_reach_the_admin(client, editor):
    # As with a session from before the device was set up, or a stolen cookie.
    TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editors_without_a_device_log_in_with_their_password(client, editor):
    assert log_in(client, editor.username).status_code == 302
    assert reaches_admin(client)


def test_an_editor_sets_up_the_app_on_a_german_page(editor_client, editor):
    page = editor_client.get("/admin/zwei-faktor/")
    content = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Zwei-Faktor-Anmeldung</h1>" in content
    # The QR code is drawn on the page; nothing is loaded from elsewhere.
    assert "<svg" in content and "otpauth://totp/KfI%20Redaktion" in content
    key = re.search(r'<code id="second-factor-key">([A-Z2-7 ]+)</code>', content).group(1)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert key.replace(" ", "") in device.config_url
    # A reload shows the same key.
    assert key in editor_client.get("/admin/zwei-faktor/").content.decode()

    response = editor_client.post("/admin/zwei-faktor/", {"code": "000000"}, follow=True)
    assert "Der Code ist falsch oder abgelaufen" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    # django-otp slows down repeated wrong codes; the editor waits, as a person would.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)

    response = editor_client.post(
        "/admin/zwei-faktor/", {"code": current_code(device)}, follow=True
    )
    assert "Die Zwei-Faktor-Anmeldung ist eingerichtet" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    # The session that proved the code stays in the admin.
    assert reaches_admin(editor_client)


def test_the_command_removes_a_lost_device(client, editor):
    TOTPDevice.objects.create(user=editor, name="App", confirmed=True)
    call_command("remove_second_factor", editor.username, stdout=io.StringIO())
    assert log_in(client, editor.username).status_code == 302
