"""The office's workflow: submitted applications, their status, notes and history.

Only editors with the permission „Mikroprojekte-Anträge“ see this part of the admin; the
applicant's answers are read-only here, the office changes the status and its notes.
"""

from django import forms
from django.contrib import admin, messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.attention import Moment
from core.history_admin import HistoryAdmin

from . import pdf, services
from .models import Application, Attachment, CostLine, OutgoingMail, StatusChange

PERMISSION = "applications.view_applications"


class ApplicationAdminForm(forms.ModelForm):
    new_status = forms.ChoiceField(
        label=gettext_lazy("Neuer Status"),
        required=False,
        help_text=gettext_lazy(
            "Die antragstellende Person bekommt eine E-Mail in ihrer Sprache mit dem, "
            "was sie als Nächstes tun soll."
        ),
    )
    status_note = forms.CharField(
        label=gettext_lazy("Interne Notiz zum Statuswechsel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Nur für das Team; steht in der Historie."),
    )
    status_message = forms.CharField(
        label=gettext_lazy("Nachricht an die antragstellende Person"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Optional, z. B. was fehlt. Steht in der E-Mail unter dem Hinweis zum nächsten Schritt."
        ),
    )

    class Meta:
        model = Application
        fields = ["internal_notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(status.value, status.label) for status in self.instance.next_statuses()]
        self.fields["new_status"].choices = [("", _("Status beibehalten")), *choices]

    def clean(self):
        data = super().clean()
        if data.get("status_message") and not data.get("new_status"):
            self.add_error(
                "status_message",
                _(
                    "Eine Nachricht geht nur mit einem Statuswechsel hinaus. "
                    "Wählen Sie einen neuen Status."
                ),
            )
        return data


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PERMISSION)

    def get_readonly_fields(self, request, obj=None):
        return self.fields


class CostLineInline(ReadOnlyInline):
    model = CostLine
    fields = ["category", "description", "amount"]


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = ["download", "size", "uploaded_at"]

    @admin.display(description=gettext_lazy("Datei"))
    def download(self, attachment):
        url = reverse(
            "admin:applications_application_attachment",
            args=[attachment.application_id, attachment.pk],
        )
        return format_html('<a href="{}">{}</a>', url, attachment.original_name)


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = [
        "changed_at",
        "old_status",
        "new_status",
        "changed_by",
        "note",
        "message",
        "applicant_notified",
    ]
    verbose_name_plural = gettext_lazy("Verlauf der Bearbeitung")


class OutgoingMailInline(ReadOnlyInline):
    model = OutgoingMail
    fields = ["kind", "to", "subject", "created_at", "delivery"]
    verbose_name_plural = gettext_lazy("E-Mails zu diesem Antrag")

    @admin.display(description=gettext_lazy("Zustellung"))
    def delivery(self, mail):
        if mail.sent_at is not None:
            return _("versandt am %(moment)s") % {"moment": Moment.of(mail.sent_at).text}
        if mail.attempts >= OutgoingMail.MAX_ATTEMPTS:
            state = _("nicht zugestellt, wird nicht mehr versucht")
        else:
            state = _("wartet auf den nächsten Versuch")
        return _("%(state)s (Versuche: %(attempts)s, zuletzt: %(error)s)") % {
            "state": state,
            "attempts": mail.attempts,
            "error": mail.last_error or "–",
        }


class StatusFilter(admin.SimpleListFilter):
    title = gettext_lazy("Status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [(s.value, s.label) for s in Application.Status if s != Application.Status.DRAFT]

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


@admin.register(Application)
class ApplicationAdmin(HistoryAdmin):
    form = ApplicationAdminForm
    list_display = [
        "__str__",
        "title",
        "applicant_name",
        "municipality",
        "status",
        "requested",
        "submitted_at",
    ]
    list_filter = [StatusFilter, "is_language_course", "municipality"]
    search_fields = ["reference", "title", "applicant_name", "applicant_organisation", "email"]
    date_hierarchy = "submitted_at"
    inlines = [CostLineInline, AttachmentInline, StatusChangeInline, OutgoingMailInline]
    actions = ["to_funded_projects"]
    readonly_fields = [
        "reference",
        "status",
        "submitted_at",
        "pdf_link",
        "applicant_language",
        "applicant_kind",
        "applicant_name",
        "applicant_organisation",
        "street",
        "postal_code",
        "town",
        "email",
        "phone",
        "has_partner",
        "partner_kind",
        "partner_name",
        "partner_contact",
        "partner_email",
        "partner_phone",
        "title",
        "description",
        "target_group",
        "expected_participants",
        "municipality",
        "starts_on",
        "ends_on",
        "is_language_course",
        "requested",
        "own_contribution",
        "other_funding",
        "consented_at",
    ]
    fieldsets = [
        (
            gettext_lazy("Bearbeitung"),
            {
                "fields": [
                    "reference",
                    "status",
                    "new_status",
                    "status_note",
                    "status_message",
                    "internal_notes",
                    "submitted_at",
                    "pdf_link",
                ]
            },
        ),
        (
            gettext_lazy("Antragstellende"),
            {
                "fields": [
                    "applicant_kind",
                    "applicant_name",
                    "applicant_organisation",
                    "street",
                    "postal_code",
                    "town",
                    "email",
                    "phone",
                    "applicant_language",
                ]
            },
        ),
        (
            gettext_lazy("Zusammenarbeit"),
            {
                "fields": [
                    "has_partner",
                    "partner_kind",
                    "partner_name",
                    "partner_contact",
                    "partner_email",
                    "partner_phone",
                ]
            },
        ),
        (
            gettext_lazy("Projekt"),
            {
                "fields": [
                    "title",
                    "description",
                    "target_group",
                    "expected_participants",
                    "municipality",
                    "starts_on",
                    "ends_on",
                ]
            },
        ),
        (
            gettext_lazy("Finanzierung"),
            {
                "fields": [
                    "is_language_course",
                    "own_contribution",
                    "other_funding",
                    "requested",
                    "consented_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        # Drafts belong to their applicants until they submit them.
        return super().get_queryset(request).submitted().select_related("municipality", "programme")

    # Permissions: the new permission alone, not Django's per-model ones --------------

    def has_module_permission(self, request):
        return request.user.has_perm(PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PERMISSION)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Applications go by the retention rule (delete_closed_applications), not by hand.
        return False

    def has_restore_permission(self, request, obj=None):
        # The history shows what happened; the workflow only moves forward.
        return False

    # Columns -------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("Beantragter Zuschuss"))
    def requested(self, application):
        return f"{number_format(application.requested_amount, 2, force_grouping=True)} €"

    @admin.display(description=gettext_lazy("Sprache der Antragstellenden"))
    def applicant_language(self, application):
        return application.language_name

    @admin.display(description=gettext_lazy("Antrag als PDF"))
    def pdf_link(self, application):
        if not application.pk:
            return "–"
        url = reverse("admin:applications_application_pdf", args=[application.pk])
        return format_html('<a href="{}">{}</a>', url, _("PDF herunterladen"))

    # Saving: a status change goes through the workflow ---------------------------------

    def save_model(self, request, obj, form, change):
        new_status = form.cleaned_data.get("new_status")
        if not new_status:
            obj.save()
            return
        old_status = obj.get_status_display()
        obj.save()
        change = services.application_change_status(
            application=obj,
            status=new_status,
            user=request.user,
            note=form.cleaned_data.get("status_note", ""),
            message=form.cleaned_data.get("status_message", ""),
            request=request,
        )
        # The history's comment names the step and the team's note (see log_change).
        request.status_change_comment = _(
            "Status „%(old)s“ → „%(new)s“. Interne Notiz: %(note)s"
        ) % {
            "old": old_status,
            "new": obj.get_status_display(),
            "note": form.cleaned_data.get("status_note") or "–",
        }
        if change.applicant_notified:
            self.message_user(
                request,
                _("Status auf „%(status)s“ gesetzt; %(email)s wurde per E-Mail benachrichtigt.")
                % {"status": obj.get_status_display(), "email": obj.email},
            )
        elif obj.email:
            self.message_user(
                request,
                _(
                    "Status auf „%(status)s“ gesetzt. Die E-Mail an %(email)s ließ sich noch "
                    "nicht versenden; sie wird automatisch erneut versucht (siehe „E-Mails zu "
                    "diesem Antrag“)."
                )
                % {"status": obj.get_status_display(), "email": obj.email},
                messages.WARNING,
            )

    def log_change(self, request, obj, message):
        comment = getattr(request, "status_change_comment", None)
        return super().log_change(request, obj, comment or message)

    # Action ------------------------------------------------------------------------

    @admin.action(description=gettext_lazy("In geförderte Projekte übernehmen"))
    def to_funded_projects(self, request, queryset):
        if not request.user.has_perm("microprojects.add_fundedproject"):
            self.message_user(
                request,
                _("Sie dürfen keine geförderten Projekte anlegen."),
                messages.ERROR,
            )
            return
        funded = [
            application
            for application in queryset.select_related("municipality")
            if application.status in FUNDED_STATUSES
        ]
        for application in funded:
            services.application_to_funded_project(application=application)
        skipped = queryset.count() - len(funded)
        if funded:
            self.message_user(
                request,
                _(
                    "%(count)s Projekte übernommen. Sie stehen unveröffentlicht in „Geförderte "
                    "Projekte“: Bitte Kurzbeschreibung ergänzen und veröffentlichen."
                )
                % {"count": len(funded)},
            )
        if skipped:
            self.message_user(
                request,
                _("%(count)s Anträge sind nicht bewilligt und wurden nicht übernommen.")
                % {"count": skipped},
                messages.WARNING,
            )

    # Files ------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/pdf/", wrap(self.pdf_view), name="applications_application_pdf"),
            path(
                "<int:pk>/anlage/<int:attachment_pk>/",
                wrap(self.attachment_view),
                name="applications_application_attachment",
            ),
            *super().get_urls(),
        ]

    def _application(self, request, pk):
        if not self.has_view_permission(request):
            raise Http404
        return get_object_or_404(self.get_queryset(request), pk=pk)

    def pdf_view(self, request, pk):
        application = self._application(request, pk)
        response = HttpResponse(pdf.application_pdf(application), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{application.reference}.pdf"'
        return response

    def attachment_view(self, request, pk, attachment_pk):
        application = self._application(request, pk)
        attachment = get_object_or_404(application.attachments, pk=attachment_pk)
        return FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )


FUNDED_STATUSES = (
    Application.Status.APPROVED,
    Application.Status.FUNDS_REQUESTED,
    Application.Status.PROOF_RECEIVED,
    Application.Status.CLOSED,
)
