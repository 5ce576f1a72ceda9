"""E-mails about an application: to the applicant in their language, to the office in German.

The notices that report a change (received, new application, status) are written as
`OutgoingMail` rows together with the change, then handed to the relay. A relay that is down
or slow therefore costs the reader nothing but a short wait: the change is saved, the page
answers, and `manage.py send_queued_mail` sends what is left. After a failure, requests stop
trying the relay for `APPLICATION_MAIL_PAUSE_SECONDS`, so only one reader waits for it.

The secret link to a draft is the exception: it is never stored (only its hash is), so its
mail is sent at once or not at all, and the page says which.
"""

import contextlib
import datetime
import logging
import smtplib

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import pdf
from .models import OutgoingMail, StatusChange

logger = logging.getLogger(__name__)
PAUSE_KEY = "applications:mail:relay-failed"
# One run of the queue at a time; a run that dies frees the queue after this long.
RUN_KEY = "applications:mail:queue-run"
RUN_SECONDS = 15 * 60


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def resume_url(request, token, language):
    with translation.override(language):
        return _absolute(request, reverse("applications:tasks", args=[token]))


# Handing mail to the relay --------------------------------------------------------------


def relay_paused():
    """True for a while after the relay failed: requests then leave mail to the queue."""
    try:
        return bool(cache.get(PAUSE_KEY))
    except Exception:  # noqa: BLE001 - without the cache, try the relay
        return False


def _pause_relay():
    try:
        cache.set(PAUSE_KEY, 1, settings.APPLICATION_MAIL_PAUSE_SECONDS)
    except Exception:  # noqa: BLE001 - without the cache every request tries once
        logger.warning("Pause des Mailversands nicht gespeichert: Cache nicht erreichbar")


def _one_line(subject):
    """A subject fit for a mail header: a title with a line break must not stop the mail."""
    return " ".join(subject.split())[:300]


def _describe(error):
    """The failure for the admin, without the message text (it may quote addresses)."""
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{type(error).__name__} {error.smtp_code}"
    return type(error).__name__


def _send(message):
    """Hand one message to the relay; the error if it was refused, else None."""
    try:
        message.send()
    except (OSError, smtplib.SMTPException) as error:  # refused, timed out, unreachable
        return error
    return None


def deliver(mails):
    """Send the given queued mails, oldest first; the number sent.

    A mail the relay refuses for its address is marked and the next one tried; when the relay
    itself fails (down, slow, refusing the sender) the rest wait for the next run.
    """
    sent = 0
    for mail in mails:
        if mail.sent_at is not None:
            continue
        message = EmailMessage(
            mail.subject,
            mail.body,
            to=[mail.to],
            reply_to=[mail.reply_to] if mail.reply_to else None,
        )
        if mail.attach_pdf:
            message.attach(
                f"{mail.application.reference}.pdf",
                pdf.application_pdf(mail.application),
                "application/pdf",
            )
        error = _send(message)
        mail.attempts += 1
        if error is None:
            mail.sent_at = timezone.now()
            mail.last_error = ""
            mail.save(update_fields=["sent_at", "attempts", "last_error"])
            if mail.status_change_id:
                StatusChange.objects.filter(pk=mail.status_change_id).update(
                    applicant_notified=True
                )
            sent += 1
            continue
        mail.last_error = _describe(error)[:300]
        mail.save(update_fields=["attempts", "last_error"])
        logger.warning(
            "E-Mail %s zum Antrag %s nicht versandt (%s)",
            mail.pk,
            mail.application.reference,
            mail.last_error,
        )
        if not isinstance(error, smtplib.SMTPRecipientsRefused):
            _pause_relay()
            break
    return sent


def deliver_now(mails):
    """Within a request: send unless the relay failed a moment ago (then the queue does)."""
    if relay_paused():
        return 0
    return deliver(mails)


def pending(*, now=None):
    """Queued mail that is still retried, oldest first.

    A mail younger than two relay timeouts may still be in the hands of the request that
    wrote it: it is left to that request, so that no applicant gets a notice twice.
    """
    now = now or timezone.now()
    settled = now - datetime.timedelta(seconds=2 * settings.EMAIL_TIMEOUT + 10)
    return (
        OutgoingMail.objects.filter(
            sent_at=None, attempts__lt=OutgoingMail.MAX_ATTEMPTS, created_at__lt=settled
        )
        .select_related("application")
        .order_by("created_at", "pk")
    )


@contextlib.contextmanager
def queue_run():
    """True inside if no other run of the queue is sending (a lock in the shared cache)."""
    try:
        mine = cache.add(RUN_KEY, 1, RUN_SECONDS)
    except Exception:  # noqa: BLE001 - without the cache, send; a duplicate beats a loss
        mine = True
    try:
        yield mine
    finally:
        if mine:
            with contextlib.suppress(Exception):
                cache.delete(RUN_KEY)


# The notices ------------------------------------------------------------------------------


def send_resume_link(*, application, token, request):
    """The secret link to the draft, so the applicant can continue on another day.

    True if the relay took it; the task list then says so.
    """
    if relay_paused():
        return False
    with translation.override(application.language):
        body = render_to_string(
            "applications/emails/resume_link.txt",
            {
                "application": application,
                "url": resume_url(request, token, application.language),
                "days": settings.APPLICATION_DRAFT_AGE.days,
            },
        )
        subject = _("Ihr Antrag auf ein Mikroprojekt: Link zum Weitermachen")
    error = _send(EmailMessage(subject, body, to=[application.email]))
    if error is None:
        return True
    logger.warning("Link zum Entwurf %s nicht versandt (%s)", application.pk, _describe(error))
    if not isinstance(error, smtplib.SMTPRecipientsRefused):
        _pause_relay()
    return False


def _to_applicant(change, kind, subject, body):
    return OutgoingMail(
        application=change.application,
        status_change=change,
        kind=kind,
        to=change.application.email,
        subject=_one_line(subject),
        body=body,
    )


def queue_submission_mails(*, change, request):
    """The receipt to the applicant and the new application to the office, queued."""
    from .services import office_email

    application = change.application
    mails = []
    programme_url = _absolute(request, reverse("microprojects:index"))
    if application.email:
        with translation.override(application.language):
            body = render_to_string(
                "applications/emails/received.txt",
                {"application": application, "programme_url": programme_url},
            )
            subject = _("Ihr Antrag %(reference)s ist eingegangen") % {
                "reference": application.reference
            }
        mails.append(_to_applicant(change, OutgoingMail.Kind.RECEIVED, subject, body))
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = _absolute(
            request, reverse("admin:applications_application_change", args=[application.pk])
        )
        body = render_to_string(
            "applications/emails/office.txt",
            {"application": application, "admin_url": admin_url},
        )
        subject = _("Neuer Antrag %(reference)s: %(title)s") % {
            "reference": application.reference,
            "title": application.title,
        }
    mails.append(
        OutgoingMail(
            application=application,
            kind=OutgoingMail.Kind.OFFICE,
            to=office_email(application.programme),
            reply_to=application.email,
            subject=_one_line(subject),
            body=body,
            attach_pdf=True,
        )
    )
    for mail in mails:
        mail.save()
    return mails


def queue_status_notice(*, change, request):
    """What changed and what the applicant does next, in the language they applied in."""
    application = change.application
    with translation.override(application.language):
        body = render_to_string(
            "applications/emails/status.txt",
            {
                "application": application,
                "change": change,
                "programme_url": _absolute(request, reverse("microprojects:index")) + "#steps",
                "office_email": application.programme.submission_email,
            },
        )
        subject = _("Ihr Antrag %(reference)s: %(status)s") % {
            "reference": application.reference,
            "status": change.get_new_status_display(),
        }
    notice = _to_applicant(change, OutgoingMail.Kind.STATUS, subject, body)
    notice.save()
    return notice
