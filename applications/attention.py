"""The applications' part of „Was ansteht“ (see core.attention): what waits for the office."""

from django.utils.translation import gettext as _

from core.attention import Item, Moment, Section, admin_url

from .models import Application, OutgoingMail

# Where the next step is the office's: a new application, a new proof of use.
WAITING = (Application.Status.RECEIVED, Application.Status.PROOF_RECEIVED)


def attention(request):
    if not request.user.has_perm("applications.view_applications"):
        return []
    waiting = Application.objects.filter(status__in=WAITING).order_by("submitted_at")[:50]
    items = [
        Item(
            f"{application.reference}: {application.title}",
            url=admin_url(application),
            note=application.get_status_display(),
            moment=Moment.of(application.submitted_at),
            sort=(application.submitted_at,),
        )
        for application in waiting
    ]
    unsent = (
        OutgoingMail.objects.filter(sent_at=None)
        .select_related("application")
        .order_by("created_at", "pk")[:50]
    )
    mails = [
        Item(
            f"{mail.application.reference}: {mail.get_kind_display()}",
            url=admin_url(mail.application),
            note=_("an %(to)s; Versuche: %(attempts)s")
            % {"to": mail.to, "attempts": mail.attempts},
            moment=Moment.of(mail.created_at),
            sort=(mail.created_at,),
        )
        for mail in unsent
    ]
    return [
        Section("applications", _("Anträge, die auf die Koordinierungsstelle warten"), items),
        Section(
            "application-mail",
            _("E-Mails zu Anträgen, die noch nicht versandt sind"),
            mails,
            intro=_(
                "Diese E-Mails hat der Mailserver noch nicht angenommen. Sie werden alle paar "
                "Minuten erneut versucht, nach %(max)s Fehlversuchen nicht mehr: Prüfen Sie "
                "dann die Adresse und benachrichtigen Sie die Person selbst."
            )
            % {"max": OutgoingMail.MAX_ATTEMPTS},
        ),
    ]
