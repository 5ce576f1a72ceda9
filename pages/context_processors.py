"""The main menu and the footer's page links on every page.

Reads the database at most once a minute (see selectors.hidden_page_keys) and never fails:
the 500 page uses it too.
"""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core.languages import current_language

from .models import Page
from .selectors import hidden_page_keys

NAVIGATION = [
    ("home", _("Start"), Page.Key.HOME),
    ("office", _("Koordinierungsstelle"), Page.Key.OFFICE),
    ("contacts:index", _("Ansprechpersonen"), None),
    ("documents:index", _("Dokumente"), None),
    ("microprojects:index", _("Mikroprojekte"), None),
]


def navigation(request):
    # Worked out only when the page shows them: a cached header or footer does not (fragments).
    hidden = SimpleLazyObject(lambda: _hidden(request))
    return {
        "navigation": SimpleLazyObject(lambda: _items(request, hidden)),
        "hidden_pages": hidden,
        # What the menu and the footer depend on besides the address (see base.html).
        "hidden_pages_key": SimpleLazyObject(lambda: " ".join(sorted(hidden))),
    }


def _hidden(request):
    previewed = getattr(request, "preview_object", None)
    return hidden_page_keys(also=previewed.key if isinstance(previewed, Page) else None)


def _items(request, hidden):
    items = []
    with override(current_language()):
        for name, label, page_key in NAVIGATION:
            if page_key in hidden:
                continue
            url = reverse(name)
            current = request.path == url if name == "home" else request.path.startswith(url)
            items.append({"url": url, "label": label, "current": current})
    return items
