"""The programme's part of „Was ansteht“ (see core.attention): deadline, status, drafts."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.attention import PROGRAMME, Item, Moment, Section, admin_url, content_sections, may_change

from .models import FundingProgramme
from .selectors import programme_deadline


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
        items = [
            item
            for programme in FundingProgramme.objects.all()
            for item in _programme_items(programme, at=at)
        ]
        sections.append(Section(PROGRAMME, _("Förderprogramm"), items, informational=True))
    return sections
