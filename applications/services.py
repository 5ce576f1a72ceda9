"""Writes that span the application and its neighbours: submit, workflow, clean-up."""

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from reversion.models import Revision, Version

from core import history
from microprojects.models import FundedProject

from . import mail
from .models import Application, ReferenceCounter, StatusChange


class TransitionError(Exception):
    """A status the application cannot move to from where it is."""


def application_submit(*, application, language, request):
    """Give the draft its reference number, mark it received and send both e-mails."""
    now = timezone.now()
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if not locked.is_draft:
            return locked
        application.reference = ReferenceCounter.next_reference(timezone.localdate(now).year)
        application.status = Application.Status.RECEIVED
        application.submitted_at = now
        application.language = language
        application.save()
        received = StatusChange.objects.create(
            application=application,
            old_status=Application.Status.DRAFT,
            new_status=Application.Status.RECEIVED,
            changed_at=now,
        )
        # Written with the change: a relay that is down delays the mails, it loses none.
        mails = mail.queue_submission_mails(change=received, request=request)
    mail.deliver_now(mails)
    return application


def application_change_status(*, application, status, user, note="", message="", request=None):
    """Move the application on in the office's process and tell the applicant."""
    if status not in application.next_statuses():
        raise TransitionError(status)
    old = application.status
    now = timezone.now()
    with transaction.atomic(), history.revision(note or message, user=user):
        application.status = status
        if status in Application.FINAL:
            application.closed_at = now
        application.save()
        change = StatusChange.objects.create(
            application=application,
            old_status=old,
            new_status=status,
            note=note,
            message=message,
            changed_by=user,
            changed_at=now,
        )
        notice = (
            mail.queue_status_notice(change=change, request=request) if application.email else None
        )
    if notice is not None:
        mail.deliver_now([notice])
        change.applicant_notified = notice.sent_at is not None
    return change


def application_to_funded_project(*, application):
    """A published entry in the funded-projects list from an approved application."""
    municipality = application.municipality
    year = (application.starts_on or timezone.localdate()).year
    category = (
        FundedProject.Category.LANGUAGE_COURSE
        if application.is_language_course
        else FundedProject.Category.OTHER
    )
    return FundedProject.objects.create(
        year=year,
        title_de=application.title,
        organisation=application.applicant_organisation or application.applicant_name,
        municipality=municipality,
        category=category,
        amount=max(application.requested_amount, 0),
        # Editors write the public summary; the application's description stays internal.
        is_published=False,
    )


def _delete_with_history(applications):
    count = 0
    for application in applications:
        for attachment in application.attachments.all():
            attachment.file.delete(save=False)
        # The stored states, the revisions' comments and the admin's log hold the same personal
        # data as the rows themselves (names, the team's notes).
        revisions = Version.objects.get_for_object(application).values_list("revision", flat=True)
        Revision.objects.filter(pk__in=list(revisions)).delete()
        for line in application.cost_lines.all():
            Version.objects.get_for_object(line).delete()
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id=str(application.pk),
        ).delete()
        application.delete()
        count += 1
    return count


def drafts_delete_expired(*, now=None):
    return _delete_with_history(Application.objects.expired_drafts(now=now))


def applications_delete_past_retention(*, now=None):
    return _delete_with_history(Application.objects.past_retention(now=now))


def office_email(programme):
    return settings.APPLICATION_OFFICE_EMAIL or programme.submission_email
