"""The contacts' part of „Was ansteht“ (see core.attention)."""

from django.utils.translation import gettext as _

from core.attention import TOWNS, Item, Section, admin_url, content_sections, may_change

from .models import Municipality, Person
from .selectors import municipalities_without_responsible_person


def attention(request):
    sections = content_sections(request, Person)
    if may_change(request.user, Person):
        # The town's page lists its responsible people; without that right, the people list.
        town_page = may_change(request.user, Municipality)
        sections.append(
            Section(
                TOWNS,
                _("Orte ohne Ansprechperson"),
                [
                    Item(
                        town.name,
                        url=admin_url(town) if town_page else admin_url(Person, "changelist"),
                    )
                    for town in municipalities_without_responsible_person()
                ],
                intro=_(
                    "Für diese Städte und Gemeinden nennt die Website niemanden, "
                    "der sichtbar und veröffentlicht ist."
                ),
            )
        )
    return sections
