import re

from django.contrib import admin
from django.contrib.admin.widgets import AdminTextInputWidget
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from core.deletion import ReferencedDeleteMixin
from core.history_admin import HistoryAdmin
from core.publication import PublicationAdminMixin, VisibilityFilter
from translations.admin import TranslatedAdmin, TranslatedTabularInline

from . import selectors
from .fields import PhoneNumberField
from .forms import PersonAdminForm
from .models import (
    AlternativeName,
    Locality,
    Municipality,
    Office,
    OtherAuthority,
    Person,
    ResponsibilityOverview,
    Task,
    Team,
)

WARNINGS_TEMPLATE = "admin/contacts/change_list_with_warnings.html"
# Numbers read left to right in every interface language; "tel" brings up the dial pad.
PHONE_WIDGET = {"widget": AdminTextInputWidget(attrs={"type": "tel", "dir": "ltr"})}


def data_warnings():
    """What editors should fix or know: towns nobody covers, and an example mapping."""
    overview = selectors.responsibility_overview()
    return {
        "towns_without_person": selectors.municipalities_without_responsible_person(),
        "mapping_is_example": bool(overview and overview.is_example),
    }


class WarningsMixin:
    change_list_template = WARNINGS_TEMPLATE

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**data_warnings(), **(extra_context or {})})


class TaskInline(TranslatedTabularInline):
    model = Task
    extra = 1


@admin.register(Team)
class TeamAdmin(ReferencedDeleteMixin, TranslatedAdmin):
    delete_blockers = ("people",)
    list_display = ("name", "abbreviation", "is_general_contact", "order")
    list_editable = ("order",)
    inlines = [TaskInline]


@admin.register(Office)
class OfficeAdmin(ReferencedDeleteMixin, TranslatedAdmin):
    formfield_overrides = {PhoneNumberField: PHONE_WIDGET}
    list_display = ("name", "street", "postal_code", "town", "order")
    list_editable = ("order",)
    fieldsets = [
        (None, {"fields": ("name", "order")}),
        (
            _("Adresse"),
            {"fields": ("street", "building", "postal_code", "town", "latitude", "longitude")},
        ),
        (_("Telefon"), {"fields": ("switchboard",)}),
        (
            _("Für Besucherinnen und Besucher"),
            {"fields": ("opening_hours", "accessibility", "public_transport")},
        ),
    ]


class ResponsiblePersonInline(admin.TabularInline):
    model = Person.municipalities.through
    extra = 1
    verbose_name = _("zuständige Person")
    verbose_name_plural = _("Zuständige Personen")


class LocalityInline(admin.TabularInline):
    model = Locality
    extra = 1


class AlternativeNameInline(admin.TabularInline):
    model = AlternativeName
    extra = 1


@admin.register(Municipality)
class MunicipalityAdmin(ReferencedDeleteMixin, WarningsMixin, HistoryAdmin):
    delete_blockers = ("responsible_people",)
    list_display = ("name", "kind", "postal_code_list", "responsible")
    list_filter = ("kind",)
    search_fields = ("name", "postal_codes", "localities__name", "alternative_names__name")
    inlines = [ResponsiblePersonInline, LocalityInline, AlternativeNameInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("responsible_people", queryset=Person.objects.order_by("last_name")),
            )
        )

    @admin.display(description=_("Postleitzahlen"))
    def postal_code_list(self, obj):
        return ", ".join(obj.postal_codes)

    @admin.display(description=_("zuständig"))
    def responsible(self, obj):
        return ", ".join(str(person) for person in obj.responsible_people.all()) or "—"


@admin.register(Person)
class PersonAdmin(ReferencedDeleteMixin, WarningsMixin, PublicationAdminMixin, TranslatedAdmin):
    form = PersonAdminForm
    delete_blockers = ("funding_programmes", "municipalities")
    delete_advice = _(
        "Soll die Person nur nicht mehr auf der Website erscheinen, stellen Sie "
        "„Veröffentlichung“ stattdessen auf „Entwurf“."
    )
    formfield_overrides = {PhoneNumberField: PHONE_WIDGET}
    list_display = (
        "__str__",
        "job_title",
        "team",
        "office",
        "phone_shown",
        "email",
        "visibility",
        "order",
    )
    list_editable = ("order",)
    list_filter = (VisibilityFilter, "team", "office")
    list_select_related = ("team", "office")
    search_fields = ("last_name", "first_name", "job_title", "email", "phone")

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        digits = re.sub(r"\D", "", search_term)
        # Numbers are stored as E.164; editors type them the German way ("03433 241-3431").
        if len(digits) >= 4 and re.fullmatch(r"[\d\s+()/-]+", search_term.strip()):
            needle = "49" + digits[1:] if digits.startswith("0") else digits
            results |= queryset.filter(
                Q(phone__contains=needle) | Q(fax__contains=needle) | Q(mobile__contains=needle)
            )
        return results, may_have_duplicates

    prepopulated_fields = {"slug": ("first_name", "last_name")}
    filter_horizontal = ("municipalities",)
    fieldsets = [
        (
            _("Name"),
            {"fields": ("salutation", "academic_title", "first_name", "last_name", "slug")},
        ),
        (_("Aufgabe"), {"fields": ("job_title", "department", "team")}),
        (
            _("Erreichbarkeit"),
            {
                "fields": (
                    "office",
                    "room",
                    "phone",
                    "fax",
                    "mobile",
                    "email",
                    "confirm_email",
                    "consultation_hours",
                    "languages",
                    "details_are_example",
                )
            },
        ),
        (_("Foto"), {"fields": ("photo", "photo_alt"), "classes": ("collapse",)}),
        (
            _("Zuständigkeit"),
            {
                "fields": ("municipalities", "confirm_shared_towns"),
                "description": _(
                    "Für welche Städte und Gemeinden die Person zuständig ist. "
                    "Steht die Übersicht der Zuständigkeiten auf „Beispiel“, ist die "
                    "Zuordnung noch nicht die echte."
                ),
            },
        ),
        (_("Veröffentlichung"), {"fields": ("is_published", "order")}),
    ]

    @admin.display(description=_("Telefon"), ordering="phone")
    def phone_shown(self, obj):
        return obj.phone_display


@admin.register(ResponsibilityOverview)
class ResponsibilityOverviewAdmin(WarningsMixin, TranslatedAdmin):
    list_display = ("__str__", "is_example", "updated_at")

    def has_add_permission(self, request):
        # One overview for the whole site, and only for staff allowed to add it.
        return super().has_add_permission(request) and not ResponsibilityOverview.objects.exists()


@admin.register(OtherAuthority)
class OtherAuthorityAdmin(TranslatedAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "postal_code_prefixes", "is_example")
    list_filter = ("is_example",)
    search_fields = ("name", "search_names", "postal_code_prefixes")
