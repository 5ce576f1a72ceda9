"""Reads of the pages app that every page needs: which optional fixed pages are hidden."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Page

CACHE_KEY = "pages:optional-page-windows"
# Other processes learn of an edit within this time; the window itself is read per request.
CACHE_SECONDS = 60


def _windows():
    """(key, published, from, until) of the pages that may be drafts, cached between requests."""
    windows = cache.get(CACHE_KEY)
    if windows is None:
        windows = list(
            Page.objects.exclude(key__in=Page.ALWAYS_PUBLIC).values_list(
                "key", "is_published", "visible_from", "visible_until"
            )
        )
        cache.set(CACHE_KEY, windows, CACHE_SECONDS)
    return windows


def hidden_page_keys(*, at=None, also=None):
    """Keys of fixed pages readers cannot see now: their links leave menus and footers.

    `also` is a previewed page, shown as if published. Never fails: the error pages
    use it too, so without a database every link stays.
    """
    at = at or timezone.now()
    try:
        windows = _windows()
    except Exception:  # noqa: BLE001 - a missing database or cache must not hide the error page
        return set()
    hidden = set()
    for key, published, visible_from, visible_until in windows:
        visible = (
            published
            and (visible_from is None or visible_from <= at)
            and (visible_until is None or visible_until > at)
        )
        if not visible and key != also:
            hidden.add(key)
    return hidden


@receiver([post_save, post_delete], sender=Page)
def _forget_windows(**kwargs):
    cache.delete(CACHE_KEY)
