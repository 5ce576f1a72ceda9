"""The applications' part of „Was ansteht“ (see core.attention): what waits for the office."""

from django.utils.translation import gettext as _

from core.attention import Item, Moment, Section, admin_url

from .models import Application

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
    return [Section("applications", _("Anträge, die auf die Koordinierungsstelle warten"), items)]
