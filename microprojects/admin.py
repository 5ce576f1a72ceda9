from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.text import format_lazy, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import format_size
from core.pending import pending_drop, pending_get, pending_keep
from core.publication import PublicationAdminMixin, VisibilityFilter
from core.review_admin import ReviewedAdminMixin
from core.uploads import upload_limit
from documents.models import Document
from translations.admin import TranslatedAdmin, TranslatedStackedInline

from . import selectors, services
from .columns import COLUMNS, PREVIEW_COLUMNS
from .forms import FundingProgrammeAdminForm, FundingProgrammeListForm
from .models import FundedProject, FundingProgramme, Step, StepDocument

MAX_FORMS_PER_STEP = 5


class OrderedChoicesWidget(forms.MultiWidget):
    """A numbered list of selects whose order is the order of the chosen items."""

    template_name = "microprojects/admin/ordered_choices_widget.html"

    def __init__(self, size, attrs=None):
        # The field's one label cannot point at several selects; each names its position.
        super().__init__(
            [
                forms.Select(
                    attrs={"aria-label": format_lazy("{} {}", gettext_lazy("Formular"), number)}
                )
                for number in range(1, size + 1)
            ],
            attrs,
        )

    def decompress(self, value):
        value = list(value or [])
        return value + [None] * (len(self.widgets) - len(value))


class OrderedChoicesField(forms.MultiValueField):
    """Up to `size` choices in order; gaps and repeats are dropped."""

    def __init__(self, *, size, **kwargs):
        fields = [
            forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
            for _i in range(size)
        ]
        super().__init__(
            fields,
            widget=OrderedChoicesWidget(size),
            require_all_fields=False,
            required=False,
            **kwargs,
        )

    def set_choices(self, choices):
        for subfield, widget in zip(self.fields, self.widget.widgets, strict=True):
            subfield.choices = choices
            widget.choices = subfield.choices

    def has_changed(self, initial, data):
        # A list is compared item by item, so a short initial list must be padded first.
        return super().has_changed(self.widget.decompress(initial), data)

    def compress(self, data_list):
        chosen = []
        for value in data_list:
            if value and value not in chosen:
                chosen.append(value)
        return chosen


class StepForm(forms.ModelForm):
    forms = OrderedChoicesField(
        size=MAX_FORMS_PER_STEP,
        label=gettext_lazy("Formulare für diesen Schritt"),
        help_text=gettext_lazy(
            "In der Reihenfolge, in der sie auf der Seite stehen sollen. "
            "Formulare legen Sie unter „Dokumente“ an."
        ),
    )
    # Set per request by StepInline, so all selects share one database query.
    document_choices = ()

    class Meta:
        model = Step
        fields = ("order", "title", "explanation", "links_to_finder")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forms"].set_choices([("", "–"), *self.document_choices])
        if self.instance.pk:
            self.initial["forms"] = [
                link.document_id for link in self.instance.step_documents.all() if link.document_id
            ]

    def _save_m2m(self):
        super()._save_m2m()
        if "forms" not in self.changed_data:
            return
        self.instance.step_documents.all().delete()
        StepDocument.objects.bulk_create(
            StepDocument(step=self.instance, document_id=pk, order=index)
            for index, pk in enumerate(self.cleaned_data["forms"], start=1)
        )


class StepInline(TranslatedStackedInline):
    model = Step
    form = StepForm
    fields = ("order", "title", "explanation", "links_to_finder", "forms")
    extra = 0
    ordering = ("order", "pk")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("step_documents")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        published = set(Document.objects.published().values_list("pk", flat=True))
        choices = [
            (
                document.pk,
                str(document)
                if document.pk in published
                else _("%(document)s (nicht veröffentlicht)") % {"document": document},
            )
            for document in Document.objects.all()
        ]
        formset.form = type("StepFormWithChoices", (formset.form,), {"document_choices": choices})
        return formset


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(ReviewedAdminMixin, PublicationAdminMixin, TranslatedAdmin):
    form = FundingProgrammeAdminForm
    list_display = (
        "title",
        "status",
        "planned_status",
        "status_date",
        "visibility",
        "form_problems",
    )
    list_editable = ("status",)
    list_filter = ("status", VisibilityFilter)
    prepopulated_fields = {"slug": ("title_de",)}
    filter_horizontal = ("contact_persons",)
    inlines = [StepInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "is_published")}),
        (
            gettext_lazy("Status und Hinweis"),
            {
                "fields": (
                    "status",
                    ("scheduled_status", "scheduled_status_from"),
                    "status_title",
                    "status_date",
                    "status_text",
                    "status_notice_status",
                    "notice_decision",
                ),
                "description": gettext_lazy(
                    "Der Hinweis erscheint als Banner oben auf der Seite. Bei „ausgesetzt“ oder "
                    "„beendet“ zeigt die Seite statt des Countdowns, dass keine Anträge "
                    "möglich sind."
                ),
            },
        ),
        (
            gettext_lazy("Wer, was, wie viel"),
            {
                "fields": (
                    "eligible_applicants",
                    "funded_areas",
                    "example_projects",
                    "max_amount_per_project",
                    "max_amount_per_language_course",
                    "own_contribution",
                    "eligible_costs",
                    "project_period",
                    "processing_time",
                ),
            },
        ),
        (
            gettext_lazy("Stichtag und Antrag"),
            {
                "fields": (
                    ("deadline_day", "deadline_month"),
                    "submission_email",
                    "submission_subject",
                    "contact_persons",
                ),
            },
        ),
        (
            gettext_lazy("Rechtliches und Finanzierung"),
            {
                "fields": ("legal_basis", "co_financing_note"),
            },
        ),
    )

    def has_delete_permission(self, request, obj=None):
        # The programme page and its funded projects hang on it; it ends, it is not deleted.
        return False

    def delete_view(self, request, object_id, extra_context=None):
        programme = self.get_object(request, unquote(object_id))
        if programme is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return TemplateResponse(
            request,
            "admin/microprojects/fundingprogramme/delete_refused.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "object": programme,
                "title": _("Förderprogramm kann nicht gelöscht werden"),
            },
            status=403,
        )

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=FundingProgrammeListForm, **kwargs)

    @admin.display(description=gettext_lazy("geplanter Status"))
    def planned_status(self, programme):
        if not programme.scheduled_status:
            return "–"
        return _("%(status)s ab %(moment)s") % {
            "status": programme.get_scheduled_status_display(),
            "moment": date_format(
                timezone.localtime(programme.scheduled_status_from), "SHORT_DATETIME_FORMAT"
            ),
        }

    @admin.display(description=gettext_lazy("Formulare prüfen"))
    def form_problems(self, programme):
        count = len(selectors.step_form_problems(programme))
        return count or "–"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            programme = self.get_object(request, unquote(object_id))
            if programme is not None:
                self._warn_about_forms(request, programme)
        return super().change_view(request, object_id, form_url, extra_context)

    def _warn_about_forms(self, request, programme):
        for step, document in selectors.step_form_problems(programme):
            if document is None:
                messages.warning(
                    request,
                    _(
                        "Schritt „%(step)s“: Ein Formular wurde gelöscht. Wählen Sie ein anderes "
                        "Formular aus oder entfernen Sie den leeren Eintrag, indem Sie den Schritt "
                        "speichern."
                    )
                    % {"step": step},
                )
            else:
                messages.warning(
                    request,
                    _(
                        "Schritt „%(step)s“: Das Formular „%(document)s“ ist nicht veröffentlicht "
                        "oder hat noch keine Datei und fehlt deshalb auf der Website."
                    )
                    % {"step": step, "document": document},
                )


def _file_help_text():
    return _(
        "Aus Excel oder LibreOffice als „CSV (Trennzeichen-getrennt)“ gespeichert. Erste "
        "Zeile: %(required)s; optional %(optional)s."
    ) % {
        "required": "; ".join(column.label for column in COLUMNS if column.required),
        "optional": get_text_list(
            [column.label for column in COLUMNS if not column.required], _("und")
        ),
    }


class FundedProjectImportForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Förderjahr"),
        min_value=2000,
        max_value=2100,
        help_text=gettext_lazy("Alle Zeilen der Datei gehören zu diesem Jahr."),
    )
    file = forms.FileField(
        label=gettext_lazy("CSV-Datei"),
        required=False,
        help_text=lazy(_file_help_text, str)(),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Neue Projekte gleich veröffentlichen"),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if not upload:
            self.add_error("file", _("Bitte wählen Sie eine CSV-Datei aus."))
        elif upload.size > settings.CSV_IMPORT_MAX_BYTES:
            self.add_error(
                "file",
                _("Die Datei ist %(size)s groß. Erlaubt sind höchstens %(limit)s.")
                % {
                    "size": format_size(upload.size),
                    "limit": format_size(settings.CSV_IMPORT_MAX_BYTES),
                },
            )
        else:
            cleaned["data"] = upload.read()
        return cleaned


# Where the checked file waits in the editor's session for the confirmation.
PENDING_IMPORT = "funded_project_import"


@admin.register(FundedProject)
class FundedProjectAdmin(TranslatedAdmin):
    list_display = (
        "title",
        "year",
        "organisation",
        "municipality",
        "category",
        "amount",
        "is_published",
    )
    list_filter = ("year", "category", "is_published", "municipality")
    list_editable = ("is_published",)
    list_select_related = ("municipality",)
    search_fields = ("title", "organisation", "municipality__name", "description")
    autocomplete_fields = ()
    change_list_template = "microprojects/admin/fundedproject_change_list.html"

    def get_urls(self):
        custom = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="microprojects_fundedproject_import",
            )
        ]
        return custom + super().get_urls()

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_import_permission": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context)

    @upload_limit("CSV_IMPORT_MAX_BYTES")
    def import_view(self, request):
        """Upload → preview (nothing saved) → confirm; a file with any bad row saves nothing.

        The checked file waits on the server for the confirmation (core/pending.py).
        """
        if not self.has_import_permission(request):
            raise PermissionDenied
        result = token = None
        form = FundedProjectImportForm(initial={"year": timezone.localdate().year - 1})
        if request.method == "POST" and "confirm" in request.POST:
            pending = pending_get(request, key=PENDING_IMPORT, token=request.POST.get("token"))
            if pending is None:
                self.message_user(
                    request,
                    _("Die Vorschau ist abgelaufen. Bitte laden Sie die Datei erneut hoch."),
                    messages.ERROR,
                )
                return redirect("admin:microprojects_fundedproject_import")
            data, details = pending
            year = details["year"]
            # Checked again: projects of that year may have changed since the preview.
            result = services.parse_funded_projects_csv(data, year=year)
            if result.is_valid:
                count = services.import_funded_projects(
                    result, publish="publish" in request.POST, year=year, user=request.user
                )
                pending_drop(request, key=PENDING_IMPORT)
                self.message_user(
                    request,
                    _("%(count)s Projekte für %(year)s importiert.")
                    % {"count": count, "year": year},
                    messages.SUCCESS,
                )
                return redirect("admin:microprojects_fundedproject_changelist")
            form = FundedProjectImportForm(initial={"year": year})
        elif request.method == "POST":
            form = FundedProjectImportForm(request.POST, request.FILES)
            if form.is_valid():
                year = form.cleaned_data["year"]
                data = form.cleaned_data["data"]
                result = services.parse_funded_projects_csv(data, year=year)
                if result.is_valid:
                    token = pending_keep(request, key=PENDING_IMPORT, data=data, year=year)
                form = FundedProjectImportForm(initial={"year": year})
        return TemplateResponse(
            request,
            "microprojects/admin/import_funded_projects.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Geförderte Projekte aus CSV importieren"),
                "form": form,
                "result": result,
                "preview_columns": PREVIEW_COLUMNS,
                "token": token,
                "year": result and form.initial["year"],
                "changelist_url": reverse("admin:microprojects_fundedproject_changelist"),
            },
        )
