"""Admin pages for translations: the overview, XLIFF export and the checked XLIFF import."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import format_size
from core.languages import language_name, site_language
from core.pending import pending_drop, pending_get, pending_keep
from core.uploads import upload_limit

from .status import (
    COMPLETE,
    MISSING,
    OUTDATED,
    TARGETS,
    object_status,
    tracked_models,
)
from .xliff import apply_import, export_xliff, nothing_to_export, plan_import, units_for

SESSION_KEY = "xliff_import"


def _language_choices():
    return [(code, language_name(code)) for code in TARGETS]


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Zielsprache"), choices=_language_choices)
    everything = forms.BooleanField(
        label=gettext_lazy("Alle Texte exportieren, auch vollständig übersetzte"), required=False
    )


def _file_help_text():
    return _(
        "Die übersetzte Datei, wie das Übersetzungsbüro sie liefert (XLIFF 1.2, höchstens "
        "%(size)s und %(units)s Einheiten)."
    ) % {
        "size": format_size(settings.XLIFF_IMPORT_MAX_BYTES),
        "units": number_format(settings.XLIFF_IMPORT_MAX_UNITS, force_grouping=True),
    }


class ImportForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Zielsprache"), choices=_language_choices)
    file = forms.FileField(
        label=gettext_lazy("XLIFF-Datei"),
        help_text=lazy(_file_help_text, str)(),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.XLIFF_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist %(size)s groß. Erlaubt sind höchstens %(limit)s.")
                % {
                    "size": format_size(upload.size),
                    "limit": format_size(settings.XLIFF_IMPORT_MAX_BYTES),
                }
            )
        return upload.read()


def _overview_rows():
    """Per kind of content: how many objects are missing or outdated in each language."""
    rows = []
    for model in tracked_models():
        objects = list(model._default_manager.all())
        cells = []
        for code in TARGETS:
            statuses = [object_status(obj, code)[0] for obj in objects]
            cells.append(
                {
                    "code": code,
                    "missing": statuses.count(MISSING),
                    "outdated": statuses.count(OUTDATED),
                    "url": reverse("translation_overview_language", args=[code])
                    + f"#{model._meta.label_lower}",
                }
            )
        rows.append(
            {"label": model._meta.verbose_name_plural, "total": len(objects), "cells": cells}
        )
    return rows


def _overview_context(request, import_form=None):
    return {
        **admin.site.each_context(request),
        "title": _("Übersetzungen"),
        "languages": [
            {"code": code, "name_local": site_language(code).endonym} for code in TARGETS
        ],
        "rows": _overview_rows(),
        "export_form": ExportForm(),
        "import_form": import_form or ImportForm(),
    }


def may_translate(user):
    """Translating touches every kind of content: only editors who may change all of it."""
    return all(
        user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
        for model in tracked_models()
    )


def _require_translation_rights(request):
    if not may_translate(request.user):
        raise PermissionDenied


@admin.site.admin_view
def overview(request):
    _require_translation_rights(request)
    return render(request, "admin/translations/overview.html", _overview_context(request))


@admin.site.admin_view
def language_detail(request, language):
    _require_translation_rights(request)
    if language not in TARGETS:
        raise Http404
    groups = []
    for model in tracked_models():
        items = []
        for obj in model._default_manager.all():
            status, problems = object_status(obj, language)
            if status == COMPLETE:
                continue
            items.append(
                {
                    "object": obj,
                    "status": status,
                    "fields": [
                        (obj._meta.get_field(f).verbose_name, s) for f, s in problems.items()
                    ],
                    # The change page opens on this language's tab.
                    "url": _change_url(obj, language),
                }
            )
        groups.append(
            {
                "anchor": model._meta.label_lower,
                "label": model._meta.verbose_name_plural,
                "items": items,
            }
        )
    return render(
        request,
        "admin/translations/language.html",
        {
            **admin.site.each_context(request),
            "title": _("Offene Übersetzungen: %(language)s")
            % {"language": language_name(language)},
            "groups": groups,
        },
    )


def _change_url(obj, language):
    meta = obj._meta
    try:
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    except Exception:  # noqa: BLE001 - models edited only as inlines have no page of their own
        return ""
    return f"{url}#sprache-{language}"


@admin.site.admin_view
def export(request):
    _require_translation_rights(request)
    form = ExportForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie eine Zielsprache."))
        return redirect("translation_overview")
    language = form.cleaned_data["language"]
    everything = form.cleaned_data["everything"]
    units = units_for(language, everything=everything)
    if not units:
        messages.info(request, nothing_to_export(language, everything=everything))
        return redirect("translation_overview")
    data = export_xliff(language, everything=everything, units=units)
    response = HttpResponse(data, content_type="application/x-xliff+xml; charset=utf-8")
    scope = "alle" if everything else "offen"
    response["Content-Disposition"] = f'attachment; filename="kfi-{language}-{scope}.xlf"'
    return response


@admin.site.admin_view
@upload_limit("XLIFF_IMPORT_MAX_BYTES")
def import_preview(request):
    _require_translation_rights(request)
    if request.method != "POST":
        return redirect("translation_overview")
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(
            request,
            "admin/translations/overview.html",
            _overview_context(request, import_form=form),
            status=400,
        )
    data = form.cleaned_data["file"]
    plan = plan_import(data, language=form.cleaned_data["language"])
    token = None
    if plan.ok and plan.changes:
        # The exact bytes, whatever their encoding: applying checks the same file again.
        token = pending_keep(request, key=SESSION_KEY, data=data, language=plan.language)
    return render(
        request,
        "admin/translations/preview.html",
        {
            **admin.site.each_context(request),
            "title": _("Vorschau des Imports"),
            "plan": plan,
            "token": token,
            "language_name": plan.language_name,
        },
    )


@admin.site.admin_view
def import_apply(request):
    _require_translation_rights(request)
    pending = pending_get(request, key=SESSION_KEY, token=request.POST.get("token"))
    if request.method != "POST" or pending is None:
        messages.error(
            request, _("Die Vorschau ist abgelaufen. Bitte laden Sie die Datei erneut hoch.")
        )
        return redirect("translation_overview")
    data, details = pending
    # Checked again: the German text may have changed since the preview.
    plan = plan_import(data, language=details["language"])
    if not plan.ok:
        messages.error(
            request, _("Die Datei passt nicht mehr zu den Inhalten. Nichts wurde geändert.")
        )
        return redirect("translation_overview")
    count = apply_import(plan, user=request.user)
    pending_drop(request, key=SESSION_KEY)
    messages.success(request, _("%(count)d Übersetzungen wurden übernommen.") % {"count": count})
    return redirect("translation_overview")
