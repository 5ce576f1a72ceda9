"""One form per topic of the application; each checks only what its page asks."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from contacts.models import Municipality
from core.formats import format_size

from .models import MAX_AMOUNT, Application, CostLine

YES_NO = [("ja", _("Ja")), ("nein", _("Nein"))]
DATE_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y"]


def western_digits(text):
    """Arabic-Indic and Persian digits as 0–9: applicants type with the keyboard they have."""
    return "".join(
        str(unicodedata.digit(char)) if char.isdigit() and not char.isascii() else char
        for char in text
    )


class EuroField(forms.DecimalField):
    """An amount in euro as people type it: 1.234,50 or 1234.50, with or without €."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 10)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal(0))
        kwargs.setdefault("max_value", MAX_AMOUNT)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("Geben Sie einen Betrag in Euro ein, z. B. 250,00.")
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = western_digits(str(value)).replace("€", "").replace("٫", ",").replace("٬", ".")
        text = re.sub(r"\s", "", text)
        decimal_at = max(text.rfind(","), text.rfind("."))
        # The last separator followed by one or two digits is the decimal one; others group.
        if decimal_at != -1 and len(text) - decimal_at - 1 in (1, 2):
            text = re.sub(r"[.,]", "", text[:decimal_at]) + "." + text[decimal_at + 1 :]
        else:
            text = re.sub(r"[.,]", "", text)
        try:
            return Decimal(text)
        except InvalidOperation as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}".replace(".", ",")
        return value


class YesNoField(forms.TypedChoiceField):
    def __init__(self, *, required_message, **kwargs):
        super().__init__(
            choices=YES_NO,
            coerce=lambda value: value == "ja",
            widget=forms.RadioSelect,
            error_messages={"required": required_message},
            **kwargs,
        )

    def prepare_value(self, value):
        if value is True:
            return "ja"
        if value is False:
            return "nein"
        return value


class DateInputField(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(input_formats=DATE_FORMATS, **kwargs)
        self.widget = forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off"})
        self.error_messages["invalid"] = _(
            "Geben Sie das Datum als Tag.Monat.Jahr ein, z. B. 15.03.2027."
        )

    def to_python(self, value):
        return super().to_python(western_digits(value) if isinstance(value, str) else value)

    def prepare_value(self, value):
        if hasattr(value, "strftime"):
            return value.strftime("%d.%m.%Y")
        return value


def _required(message):
    return {"required": message}


class ApplicantForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = [
            "applicant_name",
            "applicant_organisation",
            "street",
            "postal_code",
            "town",
            "email",
            "phone",
        ]
        labels = {"applicant_name": _("Ihr Name")}
        help_texts = {
            "applicant_organisation": _("Leer lassen, wenn Sie als Privatperson beantragen."),
            "postal_code": _("zum Beispiel 04552"),
            "email": _(
                "Wir schicken Ihnen den Link zu Ihrem Antrag und die Bestätigung an diese Adresse."
            ),
            "phone": _("Optional. Für Rückfragen der Koordinierungsstelle."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("applicant_name", "street", "postal_code", "town", "email"):
            self.fields[name].required = True
        if self.instance.applicant_kind == Application.ApplicantKind.ORGANISATION:
            self.fields["applicant_organisation"].required = True
            self.fields["applicant_organisation"].label = _("Name des Trägers")
            self.fields["applicant_organisation"].help_text = ""
            self.fields["applicant_name"].label = _("Ansprechperson")
        messages = {
            "applicant_name": _("Geben Sie Ihren Namen ein."),
            "applicant_organisation": _("Geben Sie den Namen des Trägers ein."),
            "street": _("Geben Sie Straße und Hausnummer ein."),
            "postal_code": _("Geben Sie die Postleitzahl ein."),
            "town": _("Geben Sie den Ort ein."),
            "email": _("Geben Sie Ihre E-Mail-Adresse ein."),
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message
        self.fields["email"].error_messages["invalid"] = _(
            "Geben Sie eine E-Mail-Adresse wie name@example.de ein."
        )
        attrs = {
            "applicant_name": {"autocomplete": "name", "dir": "auto"},
            "applicant_organisation": {"autocomplete": "organization", "dir": "auto"},
            "street": {"autocomplete": "street-address", "dir": "auto"},
            "postal_code": {
                "autocomplete": "postal-code",
                "inputmode": "numeric",
                "dir": "ltr",
                "class": "input--5ch",
            },
            "town": {"autocomplete": "address-level2", "dir": "auto"},
            "email": {"autocomplete": "email", "dir": "ltr", "spellcheck": "false"},
            "phone": {"autocomplete": "tel", "dir": "ltr"},
        }
        for name, field_attrs in attrs.items():
            self.fields[name].widget.attrs.update(field_attrs)
        self.fields["phone"].widget.input_type = "tel"

    def clean_postal_code(self):
        code = western_digits(self.cleaned_data["postal_code"]).strip()
        if not re.fullmatch(r"\d{5}", code):
            raise ValidationError(_("Die Postleitzahl hat 5 Ziffern, z. B. 04552."))
        return code


class PartnerForm(forms.ModelForm):
    has_partner = YesNoField(
        label=_("Arbeiten Sie für das Projekt mit einer anderen Organisation zusammen?"),
        required_message=_("Wählen Sie „Ja“ oder „Nein“."),
    )

    class Meta:
        model = Application
        fields = [
            "has_partner",
            "partner_kind",
            "partner_name",
            "partner_contact",
            "partner_email",
            "partner_phone",
        ]
        labels = {
            "partner_kind": _("Art der Organisation"),
            "partner_name": _("Name der Organisation"),
            "partner_email": _("E-Mail-Adresse"),
            "partner_phone": _("Telefonnummer"),
        }
        widgets = {"partner_kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner_required = (
            self.instance.applicant_kind == Application.ApplicantKind.ORGANISATION
        )
        if self.partner_required:
            # A body applies only together with volunteers: the question is answered already.
            del self.fields["has_partner"]
            self.fields["partner_kind"].label = _("Mit wem arbeiten Sie zusammen?")
        self.fields["partner_kind"].choices = Application.PartnerKind.choices
        self.fields["partner_email"].error_messages["invalid"] = _(
            "Geben Sie eine E-Mail-Adresse wie name@example.de ein."
        )
        for name in ("partner_name", "partner_contact"):
            self.fields[name].widget.attrs["dir"] = "auto"
        self.fields["partner_email"].widget.attrs.update({"dir": "ltr", "spellcheck": "false"})
        self.fields["partner_phone"].widget.attrs["dir"] = "ltr"
        self.fields["partner_phone"].widget.input_type = "tel"

    def clean(self):
        data = super().clean()
        has_partner = self.partner_required or data.get("has_partner")
        if has_partner:
            needed = {
                "partner_kind": _("Wählen Sie die Art der Organisation."),
                "partner_name": _("Geben Sie den Namen der Organisation ein."),
                "partner_contact": _("Geben Sie eine Ansprechperson an."),
            }
            for name, message in needed.items():
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        elif "has_partner" in data:
            for name in self.Meta.fields[1:]:
                data[name] = ""
        return data

    def save(self, commit=True):
        if self.partner_required:
            self.instance.has_partner = True
        return super().save(commit)


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["title", "description"]
        help_texts = {
            "title": _("Ein kurzer Name, z. B. „Sprachcafé im Gemeindehaus“."),
            "description": _(
                "Was soll im Projekt passieren, wer macht mit und was soll es bewirken? "
                "Sie können in Ihrer Sprache schreiben."
            ),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8, "dir": "auto"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        self.fields["description"].required = True
        self.fields["title"].widget.attrs["dir"] = "auto"
        self.fields["title"].error_messages["required"] = _("Geben Sie einen Projekttitel ein.")
        self.fields["description"].error_messages["required"] = _("Beschreiben Sie das Projekt.")


class TargetGroupForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["target_group", "expected_participants"]
        labels = {"target_group": _("Für wen ist das Projekt?")}
        help_texts = {
            "target_group": _("Zum Beispiel: Familien, Frauen, Kinder, Nachbarinnen und Nachbarn."),
            "expected_participants": _("Eine Schätzung genügt."),
        }
        widgets = {"target_group": forms.Textarea(attrs={"rows": 4, "dir": "auto"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_group"].required = True
        self.fields["target_group"].error_messages["required"] = _(
            "Beschreiben Sie die Zielgruppe."
        )
        participants = self.fields["expected_participants"]
        participants.required = True
        participants.widget = forms.TextInput(
            attrs={"inputmode": "numeric", "dir": "ltr", "class": "input--5ch"}
        )
        participants.error_messages.update(
            {
                "required": _("Geben Sie an, wie viele Menschen teilnehmen werden."),
                "invalid": _("Geben Sie eine ganze Zahl ein, z. B. 20."),
                "min_value": _("Geben Sie eine Zahl ab 1 ein."),
                "max_value": _("Geben Sie eine kleinere Zahl ein."),
            }
        )

    def _clean_fields(self):
        # Digits in Arabic or Persian script count as numbers too.
        name = self.add_prefix("expected_participants")
        if self.data and name in self.data:
            self.data = self.data.copy()
            self.data[name] = western_digits(self.data[name]).strip()
        super()._clean_fields()


class MunicipalityForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["municipality"]
        labels = {"municipality": _("In welcher Stadt oder Gemeinde findet das Projekt statt?")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        field.required = True
        field.queryset = Municipality.objects.order_by("name")
        field.empty_label = _("Bitte auswählen")
        field.error_messages["required"] = _("Wählen Sie eine Stadt oder Gemeinde.")
        field.widget.attrs["lang"] = "de"


class PeriodForm(forms.ModelForm):
    starts_on = DateInputField(
        label=_("Projektbeginn"),
        help_text=_("zum Beispiel 15.03.2027"),
        error_messages=_required(_("Geben Sie an, wann das Projekt beginnt.")),
    )
    ends_on = DateInputField(
        label=_("Projektende"),
        help_text=_("zum Beispiel 30.09.2027"),
        error_messages=_required(_("Geben Sie an, wann das Projekt endet.")),
    )

    class Meta:
        model = Application
        fields = ["starts_on", "ends_on"]

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Das Projektende muss nach dem Projektbeginn liegen."))
        return data


class CostsForm(forms.ModelForm):
    # Errors about the sums link to the table of costs.
    error_anchor = "kostenplan"

    is_language_course = YesNoField(
        label=_("Ist das Projekt ein Sprachkurs?"),
        required_message=_("Wählen Sie „Ja“ oder „Nein“."),
    )
    own_contribution = EuroField(
        label=_("Eigenanteil (Euro)"),
        required=False,
        help_text=_("Was Sie selbst beitragen. 0, wenn nichts."),
    )
    other_funding = EuroField(
        label=_("Andere Förderung (Euro)"),
        required=False,
        help_text=_("Geld von anderen Stellen für dieses Projekt. 0, wenn nichts."),
    )

    class Meta:
        model = Application
        fields = ["is_language_course", "own_contribution", "other_funding"]

    def clean_own_contribution(self):
        return self.cleaned_data["own_contribution"] or Decimal(0)

    def clean_other_funding(self):
        return self.cleaned_data["other_funding"] or Decimal(0)


class CostLineForm(forms.ModelForm):
    amount = EuroField(label=_("Betrag (Euro)"), required=False, min_value=Decimal("0.01"))

    class Meta:
        model = CostLine
        fields = ["category", "description", "amount"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].required = False
        self.fields["category"].choices = [("", _("Bitte auswählen")), *CostLine.Category.choices]
        self.fields["description"].widget.attrs["dir"] = "auto"
        self.fields["amount"].error_messages["min_value"] = _("Der Betrag muss größer als 0 sein.")

    def clean(self):
        data = super().clean()
        if data.get("DELETE"):
            return data
        if data.get("amount") and not data.get("category"):
            self.add_error("category", _("Wählen Sie die Art der Kosten."))
        if data.get("category") and data.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", _("Geben Sie den Betrag ein."))
        return data


COST_LINES_EXTRA = 3
CostLineFormSet = forms.inlineformset_factory(
    Application,
    CostLine,
    form=CostLineForm,
    extra=COST_LINES_EXTRA,
    max_num=30,
    validate_max=True,
    can_delete=True,
)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Datei auswählen"),
        error_messages={"required": _("Wählen Sie eine Datei aus.")},
    )

    def __init__(self, *args, count=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = count
        # A trusted catalogue text around an escaped size: the size must not break apart in RTL.
        self.fields["file"].help_text = mark_safe(  # noqa: S308
            _(
                "PDF, DOCX, XLSX, ODT oder ODS, höchstens "
                '<span dir="ltr">%(size)s</span> je Datei, bis zu %(count)s Dateien.'
            )
            % {
                "size": escape(format_size(settings.APPLICATION_ATTACHMENT_MAX_BYTES)),
                "count": settings.APPLICATION_MAX_ATTACHMENTS,
            }
        )

    def clean_file(self):
        from documents.inspection import inspect_upload

        upload = self.cleaned_data["file"]
        if self.count >= settings.APPLICATION_MAX_ATTACHMENTS:
            raise ValidationError(
                _("Sie können höchstens %(count)s Dateien anhängen.")
                % {"count": settings.APPLICATION_MAX_ATTACHMENTS}
            )
        self.inspection = inspect_upload(
            upload, max_bytes=settings.APPLICATION_ATTACHMENT_MAX_BYTES
        )
        return upload


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "Ich willige ein, dass die Koordinierungsstelle meine Angaben speichert und "
            "verarbeitet, um den Antrag zu prüfen und die Förderung abzuwickeln."
        ),
        error_messages={
            "required": _("Bitte willigen Sie ein, sonst können wir den Antrag nicht prüfen.")
        },
    )


class HoneypotForm(forms.Form):
    """A field people never see; a bot that fills every input fills it too."""

    website = forms.CharField(required=False)

    def is_bot(self):
        return self.is_valid() and bool(self.cleaned_data["website"])
