"""The pages' part of „Was ansteht“ (see core.attention)."""

from django.utils.translation import gettext as _

from core.attention import Item, Section, admin_url, content_sections, may_change

from .models import Notice, Page

OPEN_FACTS = "open_facts"


def open_facts_section(request):
    """Facts the office still has to confirm, one line each, with the page to fill: one query."""
    if not may_change(request.user, Page):
        return []
    items = [
        Item(fact, url=admin_url(page), kind=str(page), sort=(page.key, number))
        for page in Page.objects.exclude(open_facts="").only("key", "open_facts")
        for number, fact in enumerate(page.open_fact_list)
    ]
    return [
        Section(
            OPEN_FACTS,
            _("Noch zu bestätigen"),
            items,
            intro=_(
                "Diese Angaben muss die Koordinierungsstelle noch liefern. Leser sehen sie "
                "nicht; die Texte nennen sie erst, wenn sie eingetragen sind."
            ),
        )
    ]


def attention(request):
    return [
        *content_sections(request, Page),
        *content_sections(request, Notice),
        *open_facts_section(request),
    ]
