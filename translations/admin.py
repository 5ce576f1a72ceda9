"""Admin building blocks shared by the content apps."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from core.history_admin import HistoryAdmin
from core.languages import language_name, site_language
from core.richtext import RichTextWidget

from .models import TranslationTracked
from .source_display import GermanSourceBoundField, translation_target
from .status import (
    STATUS_LABELS,
    TARGETS,
    confirm_translations,
    object_status,
)


class TranslationMedia:
    # Our own language tabs: modeltranslation's tabs would load jQuery UI from a CDN.
    js = ("admin/js/translation_tabs.js",)
    css = {"all": ("admin/css/translation_tabs.css",)}


STATUS_FIELDS = ("translation_overview", "confirm_translations")


class EditorLanguageMixin:
    """The rich-text editor of each language tab writes in that language and its direction."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language and isinstance(field.widget, RichTextWidget):
            field.widget.attrs.update(lang=language, dir=site_language(language).direction)
        return field


def _language_name(code):
    return language_name(code)


class GermanSourceFields:
    """Each translation field is shown below the German text it translates."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        target = translation_target(db_field)
        if formfield is not None and target is not None:
            formfield.translation_target = target
            formfield.bound_field_class = GermanSourceBoundField
        return formfield


class TranslatedAdmin(GermanSourceFields, EditorLanguageMixin, HistoryAdmin, TranslationAdmin):
    """Model admin with one tab per language, each language's translation status and history."""

    class Media(TranslationMedia):
        pass

    def _tracks(self, obj):
        return obj is not None and isinstance(obj, TranslationTracked)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, "translation_overview") if self._tracks(obj) else fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if not self._tracks(obj):
            return fieldsets
        # Derived fieldsets already list the two status fields; they get a section of their own.
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f not in STATUS_FIELDS]})
            for name, options in fieldsets
        ]
        return [
            *fieldsets,
            (
                _("Übersetzungen"),
                {
                    "fields": STATUS_FIELDS,
                    "description": _(
                        "Nach einer Änderung am deutschen Text gelten die Übersetzungen "
                        "als veraltet. War es nur eine kleine Korrektur, bestätigen Sie "
                        "hier, dass die Übersetzungen weiter passen."
                    ),
                },
            ),
        ]

    def get_form(self, request, obj=None, **kwargs):
        if self._tracks(obj):
            base = kwargs.get("form", self.form)
            kwargs["form"] = type(
                base.__name__,
                (base,),
                {
                    "confirm_translations": forms.TypedMultipleChoiceField(
                        label=_("Übersetzungen passen weiterhin"),
                        choices=[(code, _language_name(code)) for code in TARGETS],
                        widget=forms.CheckboxSelectMultiple,
                        required=False,
                        help_text=_(
                            "Markierte Sprachen gelten nach dem Speichern wieder als aktuell."
                        ),
                    ),
                },
            )
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        languages = form.cleaned_data.get("confirm_translations")
        if languages and isinstance(obj, TranslationTracked):
            confirm_translations(obj, languages)

    @admin.display(description=_("Stand der Übersetzungen"))
    def translation_overview(self, obj):
        rows = []
        for code in TARGETS:
            status, problems = object_status(obj, code)
            fields = ", ".join(str(obj._meta.get_field(field).verbose_name) for field in problems)
            rows.append((_language_name(code), status, STATUS_LABELS[status], fields))
        return format_html(
            '<table class="translation-status"><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("Sprache"),
            _("Stand"),
            _("betroffene Felder"),
            format_html_join(
                "", '<tr><td>{}</td><td class="status-{}">{}</td><td>{}</td></tr>', rows
            ),
        )


class TranslatedStackedInline(GermanSourceFields, EditorLanguageMixin, TranslationStackedInline):
    class Media(TranslationMedia):
        pass


class TranslatedTabularInline(GermanSourceFields, EditorLanguageMixin, TranslationTabularInline):
    class Media(TranslationMedia):
        pass
