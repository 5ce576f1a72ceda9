"""The contacts' part of „Was ansteht“ (see core.attention)."""

from django.utils.translation import gettext as _

from core.attention import TOWNS, Item, Section, admin_url, content_sections, may_change

from .models import AlternativeName, Locality, Municipality, OtherAuthority, Person
from .selectors import municipalities_without_responsible_person

EXAMPLE_PLACES = "example_places"


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
    return sections + example_places_section(request)


def example_places_section(request):
    """Ortsteile, spellings and other authorities still marked as examples: three queries."""
    items = []
    if may_change(request.user, Municipality):
        towns = {}
        for model in (Locality, AlternativeName):
            for entry in model.objects.filter(is_example=True).select_related("municipality"):
                towns.setdefault(entry.municipality, []).append(entry.name)
        items += [
            Item(
                town.name,
                url=admin_url(town),
                kind=str(Municipality._meta.verbose_name),
                detail=", ".join(names),
                sort=(0, town.name),
            )
            for town, names in towns.items()
        ]
    if may_change(request.user, OtherAuthority):
        items += [
            Item(
                authority.name,
                url=admin_url(authority),
                kind=str(OtherAuthority._meta.verbose_name),
                sort=(1, authority.name),
            )
            for authority in OtherAuthority.objects.filter(is_example=True)
        ]
    return [
        Section(
            EXAMPLE_PLACES,
            _("Beispielangaben im Zuständigkeitsfinder"),
            items,
            intro=_(
                "Diese Ortsteile, Schreibweisen und anderen Behörden sind auf der Website als "
                "Beispiel gekennzeichnet. Prüfen Sie sie und schalten Sie „Beispiel, noch nicht "
                "bestätigt“ aus, sobald sie stimmen."
            ),
        )
    ]
