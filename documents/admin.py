import re

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename, get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.confirm import ask, confirmation_field
from core.deletion import ReferencedDeleteMixin, reference_link
from core.downloads import serve_stored_file
from core.formats import format_size
from core.languages import SOURCE_LANGUAGE
from core.publication import PublicationAdminMixin, VisibilityFilter
from translations.admin import TranslatedAdmin

from .filetypes import FILE_TYPES
from .inspection import inspect_upload
from .models import Category, Document, DocumentFile, DocumentVersion, file_for_language
from .selectors import document_usages
from .services import document_delete, document_set_current_version, version_create

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@admin.register(Category)
class CategoryAdmin(ReferencedDeleteMixin, TranslatedAdmin):
    list_display = ("title", "slug", "order")
    list_editable = ("order",)
    search_fields = ("title_de", "slug")
    prepopulated_fields = {"slug": ("title_de",)}


def _version_label(version):
    languages = ", ".join(f.language.upper() for f in version.files.all())
    return gettext("Fassung %(number)s vom %(date)s (%(languages)s)") % {
        "number": version.number,
        "date": date_format(localtime(version.created_at), "SHORT_DATETIME_FORMAT"),
        "languages": languages,
    }


class DocumentAdminForm(forms.ModelForm):
    """The document's fields plus the one-step upload of a new version and the rollback."""

    offered_version = forms.ModelChoiceField(
        label=_("Aktuelle Fassung"),
        queryset=DocumentVersion.objects.none(),
        required=False,
        # The version the page showed, so saving a page opened before another editor's
        # upload does not silently roll that upload back.
        show_hidden_initial=True,
        help_text=_(
            "Diese Fassung wird unter der dauerhaften Adresse ausgeliefert. Wählen Sie "
            "eine ältere, um zu ihr zurückzukehren. Eine neu hochgeladene Datei wird "
            "immer die aktuelle Fassung."
        ),
    )
    upload = forms.FileField(
        label=_("Neue Datei"),
        required=False,
        help_text=_(
            "PDF, DOCX, XLSX, ODT oder ODS. Die Datei wird eine neue Fassung; frühere "
            "Fassungen bleiben erhalten. Der Download-Link ändert sich nicht."
        ),
    )
    upload_language = forms.ChoiceField(
        label=_("Sprache der neuen Datei"),
        choices=settings.LANGUAGES,
        initial=SOURCE_LANGUAGE,
        help_text=_("In welcher Sprache der Inhalt der Datei geschrieben ist."),
    )
    keep_other_languages = forms.BooleanField(
        label=_("Dateien in anderen Sprachen behalten"),
        required=False,
        initial=True,
        help_text=_(
            "Angehakt: Die neue Fassung übernimmt die Dateien der übrigen Sprachen, "
            "z. B. wenn Sie nur eine Übersetzung ergänzen. Nehmen Sie den Haken weg, "
            "wenn diese Dateien nicht mehr gelten."
        ),
    )
    confirm_title_year = confirmation_field(_("Ja, Titel und Jahr passen auch zur neuen Datei."))
    version_note = forms.CharField(
        label=_("Anmerkung zur neuen Fassung"),
        required=False,
        max_length=200,
        help_text=_("Zum Beispiel „Formular für 2023“. Nur in der Redaktion sichtbar."),
    )

    class Meta:
        model = Document
        fields = [
            "title",
            "slug",
            "category",
            "description",
            "is_published",
            "visible_from",
            "visible_until",
            "year",
            "published_on",
            "order",
            "show_earlier_versions",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.inspection = None
        if not self.instance.pk:
            # A new document starts with its first file; there is nothing to keep or choose.
            del self.fields["offered_version"], self.fields["keep_other_languages"]
            self.fields["upload"].required = True
            return
        self._warn_before_upload()
        field = self.fields["offered_version"]
        field.queryset = self.instance.versions.prefetch_related("files")
        field.initial = self.instance.current_version_id
        field.label_from_instance = _version_label
        field.empty_label = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            self.inspection = inspect_upload(upload)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk or not cleaned_data.get("upload"):
            return cleaned_data
        if cleaned_data.get("confirm_title_year"):
            return cleaned_data
        message = _outdated_title_and_year(
            titles=[cleaned_data.get(name) for name in self._title_fields()],
            year=cleaned_data.get("year"),
        )
        if message:
            again = gettext("Wählen Sie die Datei danach erneut aus und speichern Sie.")
            ask(self, field="upload", control="confirm_title_year", message=f"{message} {again}")
        return cleaned_data

    def _title_fields(self):
        names = (build_localized_fieldname("title", code) for code, _name in settings.LANGUAGES)
        return [name for name in names if name in self.fields]

    def _warn_before_upload(self):
        """Show the question at once when title or year are older than this year's upload.

        The browser forgets a chosen file when the page comes back with a warning; ticking
        the box beforehand saves choosing the file a second time.
        """
        message = _outdated_title_and_year(
            titles=[getattr(self.instance, name, "") for name in self._title_fields()],
            year=self.instance.year,
        )
        if message:
            field = self.fields["confirm_title_year"]
            field.widget = forms.CheckboxInput()
            field.help_text = format_lazy(
                "{} {}", gettext("Nur wichtig, wenn Sie eine neue Datei hochladen:"), message
            )


class VersionInline(admin.TabularInline):
    """All versions with who uploaded what and when; versions are never edited or deleted."""

    model = DocumentVersion
    fields = ("number", "created_at", "uploader", "files_overview", "note", "is_current")
    readonly_fields = (*fields, "uploader_link")
    extra = 0
    can_delete = False
    verbose_name_plural = _("Fassungen (neueste zuerst)")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("uploaded_by", "document")
            .prefetch_related("files")
        )

    def get_fields(self, request, obj=None):
        # Django would link the uploader to the user's page, which editors may not open.
        users = get_user_model()._meta
        if not request.user.has_perm(f"{users.app_label}.{get_permission_codename('view', users)}"):
            return self.fields
        return tuple("uploader_link" if name == "uploader" else name for name in self.fields)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=DocumentVersion._meta.get_field("uploaded_by").verbose_name)
    def uploader(self, version):
        user = version.uploaded_by
        if user is None:
            return "–"
        # The login name in the title tells apart two people of the same name.
        return format_html('<span title="{}">{}</span>', user.get_username(), _user_name(user))

    @admin.display(description=DocumentVersion._meta.get_field("uploaded_by").verbose_name)
    def uploader_link(self, version):
        user = version.uploaded_by
        if user is None:
            return "–"
        users = user._meta
        url = reverse(f"admin:{users.app_label}_{users.model_name}_change", args=[user.pk])
        return format_html(
            '<a href="{}" title="{}">{}</a>', url, user.get_username(), _user_name(user)
        )

    @admin.display(description=_("Dateien"))
    def files_overview(self, version):
        return _file_lines(version.document_id, version.files.all())

    @admin.display(description=_("aktuell"), boolean=True)
    def is_current(self, version):
        return version.document.current_version_id == version.pk


class LanguageFilter(admin.SimpleListFilter):
    title = _("Sprache der Datei")
    parameter_name = "sprache"

    def lookups(self, request, model_admin):
        return settings.LANGUAGES

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(current_version__files__language=self.value())
        return queryset


@admin.register(Document)
class DocumentAdmin(ReferencedDeleteMixin, PublicationAdminMixin, TranslatedAdmin):
    # Uploads stop at this limit while they arrive (core/uploads.py).
    upload_limit_setting = "DOCUMENT_MAX_UPLOAD_BYTES"
    form = DocumentAdminForm
    delete_advice = _(
        "Soll das Dokument nur nicht mehr auf der Website erscheinen, stellen Sie "
        "„Veröffentlichung“ stattdessen auf „Entwurf“."
    )
    list_display = (
        "title",
        "category",
        "year",
        "languages",
        "size",
        "visibility",
        "version_number",
    )
    list_filter = ("category", VisibilityFilter, "year", LanguageFilter)
    search_fields = (
        "title_de",
        "title_en",
        "slug",
        "current_version__files__original_name",
        "current_version__files__text",
    )
    inlines = [VersionInline]

    # modeltranslation expands "title" and "description" into one field per language.
    add_fieldsets = [
        (None, {"fields": ["title", "slug", "category", "description"]}),
        (
            _("Veröffentlichung"),
            {"fields": ["is_published", "year", "published_on", "order", "show_earlier_versions"]},
        ),
        (_("Datei"), {"fields": ["upload", "upload_language", "version_note"]}),
    ]
    fieldsets = [
        *add_fieldsets[:2],
        (_("Aktuelle Fassung"), {"fields": ["current_files", "offered_version"]}),
        (
            _("Neue Fassung hochladen"),
            {
                "fields": [
                    "upload",
                    "confirm_title_year",
                    "upload_language",
                    "keep_other_languages",
                    "version_note",
                ],
                "description": _(
                    "Laden Sie hier eine neue Datei hoch, z. B. das Formular für das "
                    "nächste Jahr. Die alte Fassung bleibt erhalten."
                ),
            },
        ),
        (_("Verwendung"), {"fields": ["usage"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if obj is None:
            return fields
        # The slug is part of the download address that others link to.
        return (*fields, "slug", "current_files", "usage")

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("title_de",)}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("category", "current_version")
            .prefetch_related("current_version__files")
        )

    def _files(self, document):
        return list(document.current_version.files.all()) if document.current_version else []

    @admin.display(description=_("Sprachen"))
    def languages(self, document):
        return ", ".join(f.language.upper() for f in self._files(document)) or "–"

    @admin.display(description=_("Größe"))
    def size(self, document):
        main = file_for_language(self._files(document), SOURCE_LANGUAGE)
        return format_size(main.size) if main else "–"

    @admin.display(description=_("Fassung"), ordering="current_version__number")
    def version_number(self, document):
        return document.current_version.number if document.current_version else "–"

    @admin.display(description=_("Dateien der aktuellen Fassung"))
    def current_files(self, document):
        files = self._files(document)
        if not files:
            return gettext("Noch keine Datei hochgeladen.")
        return _file_lines(document.pk, files)

    @admin.display(description=_("Verwendet in"))
    def usage(self, document):
        usages = document_usages(document=document)
        if not usages:
            return gettext("Nirgends. Das Dokument kann gelöscht werden.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}</li>",
                (
                    (reference_link(obj, exclude=document),)
                    for usage in usages
                    for obj in usage.objects
                ),
            ),
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        upload = form.cleaned_data.get("upload")
        if upload:
            outcome = version_create(
                document=obj,
                upload=upload,
                language=form.cleaned_data["upload_language"],
                uploaded_by=request.user,
                inspection=form.inspection,
                keep_other_languages=form.cleaned_data.get("keep_other_languages", False),
                note=form.cleaned_data.get("version_note", ""),
            )
            obj.refresh_from_db()
            _report_upload(request, outcome)
        elif change and "offered_version" in form.changed_data:
            version = form.cleaned_data["offered_version"]
            if version and version.pk != obj.current_version_id:
                document_set_current_version(document=obj, version=version)
                messages.success(
                    request,
                    gettext(
                        "Fassung %(number)s wird jetzt unter der dauerhaften Adresse ausgeliefert."
                    )
                    % {"number": version.number},
                )

    def delete_references(self, obj):
        return document_usages(document=obj)

    def delete_model(self, request, obj):
        document_delete(document=obj)

    def delete_queryset(self, request, queryset):
        for document in queryset:
            document_delete(document=document)

    def get_urls(self):
        view = self.admin_site.admin_view(self.file_view)
        return [
            path("<int:document_id>/dateien/<int:file_id>/", view, name="documents_document_file"),
            *super().get_urls(),
        ]

    def file_view(self, request, document_id, file_id):
        """Any version's file for editors, published or not."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        document_file = (
            DocumentFile.objects.select_related("version")
            .filter(version__document_id=document_id, pk=file_id)
            .first()
        )
        if document_file is None:
            raise Http404
        return serve_stored_file(
            request,
            document_file.file,
            size=document_file.size,
            etag=document_file.sha256,
            last_modified=document_file.created_at,
            content_type=document_file.content_type,
            filename=document_file.original_name,
            inline=False,
        )


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _outdated_title_and_year(*, titles, year):
    """Why the title or year may not fit a file uploaded this year, or ""."""
    this_year = timezone.localdate().year
    problems = []
    for title in dict.fromkeys(t for t in titles if t):
        older = [found for found in YEAR.findall(title) if int(found) < this_year]
        if older:
            problems.append(
                gettext("Der Titel „%(title)s“ nennt das Jahr %(year)s.")
                % {"title": title, "year": older[-1]}
            )
    if year and year < this_year:
        problems.append(gettext("Als Jahr ist %(year)s eingetragen.") % {"year": year})
    if not problems:
        return ""
    return " ".join(
        [
            gettext("Die neue Datei wird %(year)s hochgeladen.") % {"year": this_year},
            *problems,
            gettext(
                "Passen Titel und Jahr noch? Ändern Sie sie oben, oder setzen Sie den Haken bei "
                "„Ja, Titel und Jahr passen auch zur neuen Datei.“"
            ),
        ]
    )


def _file_lines(document_id, files):
    lines = []
    for f in files:
        facts = [FILE_TYPES[f.kind].label, format_size(f.size)]
        if f.page_count:
            facts.append(
                ngettext("%(count)s Seite", "%(count)s Seiten", f.page_count)
                % {"count": f.page_count}
            )
        lines.append(
            (
                LANGUAGE_NAMES.get(f.language, f.language),
                reverse("admin:documents_document_file", args=[document_id, f.pk]),
                f.original_name,
                ", ".join(facts),
            )
        )
    return format_html_join(mark_safe("<br>"), '{}: <a href="{}">{}</a> ({})', lines)


def _user_name(user):
    return user.get_full_name() or user.get_username()


def _report_upload(request, outcome):
    if outcome.version is None:
        messages.warning(
            request,
            gettext(
                "Die hochgeladene Datei ist identisch mit der aktuellen Fassung %(number)s. "
                "Es wurde keine neue Fassung angelegt."
            )
            % {"number": outcome.identical_to.number},
        )
    elif outcome.identical_to:
        messages.info(
            request,
            gettext(
                "Die Datei ist identisch mit Fassung %(old)s. Sie wird als Fassung %(new)s wieder "
                "ausgeliefert; gespeichert ist sie nur einmal."
            )
            % {"old": outcome.identical_to.number, "new": outcome.version.number},
        )
    else:
        messages.success(
            request,
            gettext(
                "Fassung %(number)s wurde hochgeladen und wird jetzt unter der dauerhaften "
                "Adresse ausgeliefert."
            )
            % {"number": outcome.version.number},
        )
