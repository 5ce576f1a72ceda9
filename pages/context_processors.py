"""The main menu on every page. Must not touch the database: the 500 page uses it too."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core.languages import current_language

NAVIGATION = [
    ("home", _("Start")),
    ("office", _("Koordinierungsstelle")),
    ("contacts:index", _("Ansprechpersonen")),
    ("documents:index", _("Dokumente")),
    ("microprojects:index", _("Mikroprojekte")),
]


def navigation(request):
    items = []
    with override(current_language()):
        for name, label in NAVIGATION:
            url = reverse(name)
            current = request.path == url if name == "home" else request.path.startswith(url)
            items.append({"url": url, "label": label, "current": current})
    return {"navigation": items}
