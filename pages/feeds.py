import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from translations.feeds import FEED_LENGTH, TranslatedFeed

from .models import Notice


def notice_date(notice):
    """When readers could first see the notice: its date, or later when it was scheduled."""
    dated = timezone.make_aware(datetime.datetime.combine(notice.published_on, datetime.time()))
    return max(dated, notice.visible_from) if notice.visible_from else dated


class NoticeFeed(TranslatedFeed):
    """The start page's notices that readers may see now, newest first."""

    title = _("Aktuelle Hinweise – Koordinierungsstelle für Integration")
    subtitle = _("Neue Hinweise der Koordinierungsstelle für Integration des Landkreises Leipzig.")
    summary_field = "text"

    def link(self):
        return reverse("home")

    def items(self):
        return Notice.objects.public().order_by("-published_on", "-pk")[:FEED_LENGTH]

    def item_link(self, notice):
        return f"{reverse('home')}#hinweis-{notice.pk}"

    def item_pubdate(self, notice):
        return notice_date(notice)

    def item_updateddate(self, notice):
        return notice_date(notice)
