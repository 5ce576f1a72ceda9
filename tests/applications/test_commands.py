"""Clean-up commands: expired drafts, and personal data after the retention period."""

import datetime
from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from reversion.models import Revision, Version

from applications.models import Application, OutgoingMail, months_before

from .factories import change_in_admin, pdf_upload, start_draft, submitted

pytestmark = pytest.mark.django_db


def test_expired_drafts_are_deleted_and_others_kept(client, town, settings):
    settings.APPLICATION_DRAFT_AGE = datetime.timedelta(days=30)
    old, _url = start_draft(client)
    fresh, _url = start_draft(client)
    client.post(f"/de/mikroprojekte/antrag/{old}/anlagen/", {"file": pdf_upload()})
    stored_file = Application.objects.by_token(old).attachments.get().file
    assert stored_file.storage.exists(stored_file.name)
    Application.objects.filter(pk=Application.objects.by_token(old).pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=31)
    )
    _token, sent = submitted(client, town)
    Application.objects.filter(pk=sent.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=99)
    )
    out = StringIO()
    call_command("delete_expired_drafts", stdout=out)
    assert "1 Entwürfe gelöscht" in out.getvalue()
    assert client.get(f"/de/mikroprojekte/antrag/{old}/").status_code == 404
    assert not stored_file.storage.exists(stored_file.name)
    assert client.get(f"/de/mikroprojekte/antrag/{fresh}/").status_code == 200
    assert Application.objects.filter(pk=sent.pk).exists()


def test_personal_data_goes_after_the_retention_period(client, editor, town, settings):
    settings.APPLICATION_RETENTION_MONTHS = 24
    _token, old = submitted(client, town)
    _token, recent = submitted(client, town)
    _token, running = submitted(client, town)
    # The office rejects the old one in the admin: history, log and note now name the applicant.
    editor.user_permissions.add(Permission.objects.get(codename="view_applications"))
    office = Client()
    office.force_login(editor)
    for status in ("pre_check", "rejected"):
        response = change_in_admin(
            office, old, new_status=status, status_note="Rückruf bei Amal Haddad"
        )
        assert response.status_code == 302
    assert Version.objects.get_for_object(old).exists()
    assert LogEntry.objects.filter(object_id=str(old.pk)).exists()
    # Receipt, the office's copy and two notices.
    assert OutgoingMail.objects.filter(application_id=old.pk).count() == 4
    now = timezone.now()
    Application.objects.filter(pk=old.pk).update(
        closed_at=months_before(now, 24) - datetime.timedelta(days=1)
    )
    Application.objects.filter(pk=recent.pk).update(
        status="rejected", closed_at=months_before(now, 24) + datetime.timedelta(days=1)
    )
    out = StringIO()
    call_command("delete_closed_applications", stdout=out)
    assert "1 Anträge gelöscht" in out.getvalue()
    assert not Application.objects.filter(pk=old.pk).exists()
    assert not Version.objects.filter(object_id=str(old.pk), content_type__model="application")
    assert not Revision.objects.filter(comment__contains="Amal Haddad").exists()
    assert not LogEntry.objects.filter(object_id=str(old.pk)).exists()
    # The mails kept about it (receipt, office copy, notices) name the applicant too.
    assert not OutgoingMail.objects.filter(application_id=old.pk).exists()
    assert Application.objects.filter(pk__in=[recent.pk, running.pk]).count() == 2


def test_months_before_keeps_the_day_or_takes_the_months_last():
    moment = datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 1).date() == datetime.date(2026, 2, 28)
    assert months_before(moment, 24).date() == datetime.date(2024, 3, 31)
