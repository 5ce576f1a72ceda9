from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.languages import site_language

from .models import MissedQuery


@admin.register(MissedQuery)
class MissedQueryAdmin(admin.ModelAdmin):
    """What readers looked for and did not find: read and cleared, never written by hand."""

    list_display = ("query", "language_name", "day", "count")
    list_filter = ("language", "day")
    search_fields = ("query",)
    date_hierarchy = "day"
    ordering = ("-day", "-count", "query")

    @admin.display(description=_("Sprache"), ordering="language")
    def language_name(self, obj):
        try:
            return site_language(obj.language).name
        except LookupError:
            return obj.language

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
