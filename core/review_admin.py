"""Admin for content someone checks regularly (`core.publication.Reviewed`).

The change page shows „zuletzt geprüft“ in a section of its own and a button that saves
and sets it to today; the list has the same as an action. Readers see the date as „Stand“.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MARK_CHECKED = "_mark_checked"
FIELD = "last_checked"


class ReviewedAdminMixin:
    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        return [
            *fieldsets,
            (
                gettext_lazy("Prüfung"),
                {
                    "fields": (FIELD,),
                    "description": gettext_lazy(
                        "Prüfen Sie regelmäßig, ob alles noch stimmt. „Sichern und als geprüft "
                        "markieren“ setzt das Datum auf heute."
                    ),
                },
            ),
        ]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            action = type(self).mark_checked
            actions["mark_checked"] = (action, "mark_checked", action.short_description)
        return actions

    @admin.action(description=gettext_lazy("Als geprüft markieren"))
    def mark_checked(self, request, queryset):
        today = timezone.localdate()
        objects = list(queryset)
        # Checking is no edit of the text: „zuletzt geändert“ stays as it is.
        queryset.model._default_manager.filter(pk__in=[o.pk for o in objects]).update(
            last_checked=today
        )
        label = str(queryset.model._meta.get_field(FIELD).verbose_name)
        for obj in objects:
            self.log_change(request, obj, [{"changed": {"fields": [label]}}])
        self.message_user(
            request,
            _("%(count)d %(items)s als geprüft markiert, Stand: %(date)s.")
            % {
                "count": len(objects),
                "items": model_ngettext(queryset.model._meta, len(objects)),
                "date": date_format(today, "DATE_FORMAT"),
            },
            messages.SUCCESS,
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id and MARK_CHECKED in request.POST:
            # The button fills in today, so the form saves, validates and logs it as usual.
            request.POST = request.POST.copy()
            request.POST[FIELD] = timezone.localdate().isoformat()
        return super().changeform_view(request, object_id, form_url, extra_context)

    def response_change(self, request, obj):
        if MARK_CHECKED not in request.POST:
            return super().response_change(request, obj)
        self.message_user(
            request,
            _("„%(object)s“ ist gespeichert und als geprüft markiert, Stand: %(date)s.")
            % {"object": obj, "date": date_format(obj.last_checked, "DATE_FORMAT")},
            messages.SUCCESS,
        )
        # Back to the same page, as „Sichern und weiter bearbeiten“ does.
        return HttpResponseRedirect(request.get_full_path())
