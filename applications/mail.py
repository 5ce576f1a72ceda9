"""E-mails about an application: to the applicant in their language, to the office in German."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import pdf


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def resume_url(request, token, language):
    with translation.override(language):
        return _absolute(request, reverse("applications:tasks", args=[token]))


def send_resume_link(*, application, token, request):
    """The secret link to the draft, so the applicant can continue on another day."""
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
    EmailMessage(subject, body, to=[application.email]).send()


def send_submission_mails(*, application, request):
    from .services import office_email

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
        EmailMessage(subject, body, to=[application.email]).send()
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
        message = EmailMessage(
            subject,
            body,
            to=[office_email(application.programme)],
            reply_to=[application.email] if application.email else None,
        )
        message.attach(
            f"{application.reference}.pdf", pdf.application_pdf(application), "application/pdf"
        )
    message.send()


def send_status_notice(*, change, request):
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
    EmailMessage(subject, body, to=[application.email]).send()
