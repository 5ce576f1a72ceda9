"""The programme's part of „Was ansteht“ (see core.attention): deadline, status, drafts."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.attention import PROGRAMME, Item, Moment, Section, admin_url, content_sections, may_change

from .models import FundingProgramme
from .selectors import programme_deadline

# Facts the office still has to confirm; readers see nothing of them until then.
UNCONFIRMED = "unconfirmed"


def _programme_items(programme, *, at):
    url = admin_url(programme)
    deadline = programme_deadline(programme, today=timezone.localdate(at))
    if deadline["date"]:
        days = deadline["days"]
        item = Item(
            str(programme),
            url=url,
            note=_("nächster Stichtag"),
            moment=Moment.of(deadline["date"]),
            detail=_("heute")
            if days == 0
            else ngettext("noch %(days)s Tag", "noch %(days)s Tage", days) % {"days": days},
        )
    elif programme.current_status == FundingProgramme.Status.CLOSED:
        item = Item(str(programme), url=url, note=_("beendet: keine Anträge möglich"))
    else:
        item = Item(str(programme), url=url, note=_("ausgesetzt: keine Anträge möglich"))
    items = [item]
    planned = programme.scheduled_status_from
    if programme.scheduled_status and planned and planned > at:
        items.append(
            Item(
                str(programme),
                url=url,
                note=_("geplanter Status „%(status)s“ ab")
                % {"status": FundingProgramme.Status(programme.scheduled_status).label},
                moment=Moment.of(planned),
            )
        )
    return items


def attention(request):
    at = timezone.now()
    sections = content_sections(request, FundingProgramme, at=at)
    if may_change(request.user, FundingProgramme):
        programmes = list(FundingProgramme.objects.all())
        items = [item for programme in programmes for item in _programme_items(programme, at=at)]
        unconfirmed = [
            Item(
                str(programme),
                url=admin_url(programme),
                note=_("Leser sehen dazu noch nichts"),
                detail=", ".join(str(label) for label in facts),
            )
            for programme in programmes
            if (facts := programme.unconfirmed_facts())
        ]
        sections.append(Section(PROGRAMME, _("Förderprogramm"), items, informational=True))
        sections.append(Section(UNCONFIRMED, _("Noch zu bestätigen"), unconfirmed))
    return sections
