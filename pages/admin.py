from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.publication import PublicationAdminMixin, VisibilityFilter
from core.review_admin import ReviewedAdminMixin
from translations.admin import TranslatedAdmin, TranslatedStackedInline

from .models import Notice, Page, Video

admin.site.site_header = _("Koordinierungsstelle für Integration – Redaktion")
admin.site.site_title = _("KfI Redaktion")
admin.site.index_title = _("Inhalte pflegen")


class VideoInline(TranslatedStackedInline):
    model = Video
    extra = 0


@admin.register(Page)
class PageAdmin(ReviewedAdminMixin, PublicationAdminMixin, TranslatedAdmin):
    list_display = ("__str__", "title", "visibility", "updated_at", "last_checked")
    list_filter = (VisibilityFilter,)
    inlines = [VideoInline]
    # Uploads stop at this limit while they arrive (core/uploads.py).
    upload_limit_setting = "VIDEO_MAX_UPLOAD_BYTES"
    readonly_fields = ("updated_at",)

    def has_delete_permission(self, request, obj=None):
        # The fixed pages are linked from every page; they are edited, never deleted.
        return False


@admin.register(Notice)
class NoticeAdmin(PublicationAdminMixin, TranslatedAdmin):
    list_display = (
        "title",
        "published_on",
        "visibility",
        "visible_from",
        "visible_until",
        "is_highlighted",
        "order",
    )
    list_editable = ("order",)
    list_filter = (VisibilityFilter, "is_highlighted")
    search_fields = ("title", "text")
    date_hierarchy = "published_on"
    # Editors paste addresses without a scheme; the site links only over HTTPS.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
