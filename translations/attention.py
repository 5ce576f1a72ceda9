"""The translations' part of „Was ansteht“ (see core.attention): open work per language."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.attention import TRANSLATIONS, Item, Section
from core.languages import language_name

from .status import MISSING, OUTDATED, STATUS_LABELS, TARGETS, object_status, tracked_models
from .views import may_translate


def open_translations():
    """{language: {MISSING: n, OUTDATED: n}}: objects per status, one query per kind of content."""
    counts = {code: {MISSING: 0, OUTDATED: 0} for code in TARGETS}
    for model in tracked_models():
        for obj in model._default_manager.all():
            for code in TARGETS:
                status = object_status(obj, code)[0]
                if status in (MISSING, OUTDATED):
                    counts[code][status] += 1
    return counts


def attention(request):
    if not may_translate(request.user):
        return []
    items = []
    for code, counts in open_translations().items():
        # "fehlt: 3, veraltet: 2", in the words of the translation overview.
        parts = [
            f"{STATUS_LABELS[status]}: {counts[status]}"
            for status in (MISSING, OUTDATED)
            if counts[status]
        ]
        if parts:
            items.append(
                Item(
                    language_name(code),
                    url=reverse("translation_overview_language", args=[code]),
                    note=", ".join(parts),
                )
            )
    return [
        Section(
            TRANSLATIONS,
            _("Übersetzungen"),
            items,
            intro=_("Inhalte, deren Übersetzung fehlt oder nicht mehr zum deutschen Text passt."),
        )
    ]
