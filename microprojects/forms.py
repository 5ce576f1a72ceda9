from django import forms
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.confirm import ask, decision_field
from core.forms import FilterForm
from core.languages import SOURCE_LANGUAGE, language_codes
from translations.fallback import GERMAN_ATTRIBUTES

from .models import FundedProject, FundingProgramme


def _source(name):
    return build_localized_fieldname(name, SOURCE_LANGUAGE)


class GermanNameSelect(forms.Select):
    """A select whose options are German place names, marked as German in every language."""

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        if option["value"]:
            option["attrs"].update(GERMAN_ATTRIBUTES)
        return option


class FundedProjectFilterForm(FilterForm):
    """The GET filters above the funded projects table."""

    year = forms.TypedChoiceField(label=_("Jahr"), required=False, coerce=int, empty_value=None)
    municipality = forms.ModelChoiceField(
        label=_("Stadt oder Gemeinde"),
        required=False,
        queryset=None,
        empty_label=_("alle Städte und Gemeinden"),
        widget=GermanNameSelect,
    )
    category = forms.ChoiceField(
        label=_("Bereich"),
        required=False,
        choices=[("", _("alle Bereiche")), *FundedProject.Category.choices],
    )

    def __init__(self, *args, years, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("alle Jahre")), *((y, y) for y in years)]
        self.fields["municipality"].queryset = municipalities


NOTICE_ANSWER = _("Wählen Sie unten, was mit dem Hinweis geschehen soll, und speichern Sie erneut.")


def status_notice_mismatch(*, title, written_for, status):
    """Why a status notice would not fit `status`: "every" (written for any), "other", or ""."""
    if not title or written_for == status:
        return ""
    return "every" if not written_for else "other"


def _status_label(value):
    return FundingProgramme.Status(value).label


class FundingProgrammeAdminForm(forms.ModelForm):
    """Asks what happens to the status notice when the (planned) status no longer fits it."""

    notice_decision = decision_field(
        _("Was soll mit dem Statushinweis geschehen?"),
        [("keep", "keep"), ("old", "old"), ("new", "new"), ("clear", "clear")],
    )

    def clean(self):
        cleaned_data = super().clean()
        change = self._status_change(cleaned_data)
        if change is None:
            return cleaned_data
        field, old, new = change
        decision = cleaned_data.get("notice_decision")
        if decision:
            self._apply(decision, cleaned_data, old=old, new=new)
            return cleaned_data
        title = cleaned_data.get(_source("status_title"), "")
        written_for = cleaned_data.get("status_notice_status", "")
        mismatch = status_notice_mismatch(title=title, written_for=written_for, status=new)
        if mismatch:
            self._ask(field, mismatch, title=title, written_for=written_for, old=old, new=new)
        return cleaned_data

    def _status_change(self, cleaned_data):
        """(field, status until now, status to come) when this save moves the status."""
        if "status_notice_status" in self.changed_data:
            # The editor has just said which status the notice belongs to.
            return None
        status = cleaned_data.get("status")
        # A new programme has no status until now that a notice could have been written for.
        if "status" in self.changed_data and status and self.instance.pk:
            old = self.initial.get("status") or status
            return ("status", old, status) if old != status else None
        planned = cleaned_data.get("scheduled_status")
        planned_changed = {"scheduled_status", "scheduled_status_from"} & set(self.changed_data)
        if planned and planned_changed and status and planned != status:
            return "scheduled_status", status, planned
        return None

    def _ask(self, field, mismatch, *, title, written_for, old, new):
        labels = {"title": title, "old": _status_label(old), "new": _status_label(new)}
        if field == "status":
            lead = _("Sie ändern den Status auf „%(new)s“.") % labels
        else:
            lead = _("Ab dem geplanten Zeitpunkt gilt der Status „%(new)s“.") % labels
        if mismatch == "every":
            problem = _(
                "Der Statushinweis „%(title)s“ gilt für jeden Status und stünde dann weiter "
                "auf der Seite. Passt er auch zu „%(new)s“?"
            )
            keep = _("Hinweis unverändert lassen: Er erscheint bei jedem Status.")
            choices = [("keep", keep), ("old", _("Hinweis nur beim Status „%(old)s“ zeigen"))]
        else:
            labels["written_for"] = _status_label(written_for)
            problem = _(
                "Der Statushinweis „%(title)s“ gilt nur für „%(written_for)s“ und erscheint "
                "dann nicht mehr."
            )
            keep = _("Hinweis unverändert lassen: Er erscheint nur bei „%(written_for)s“.")
            choices = [("keep", keep)]
        choices += [
            ("new", _("Hinweis passt auch zum neuen Status: nur bei „%(new)s“ zeigen")),
            ("clear", _("Hinweis löschen (Überschrift, Text und Datum in allen Sprachen)")),
        ]
        ask(
            self,
            field=field,
            control="notice_decision",
            message=" ".join([lead, problem % labels, str(NOTICE_ANSWER)]),
            choices=[(value, label % labels) for value, label in choices],
        )

    def _apply(self, decision, cleaned_data, *, old, new):
        if decision == "old":
            cleaned_data["status_notice_status"] = old
        elif decision == "new":
            cleaned_data["status_notice_status"] = new
        elif decision == "clear":
            for name in ("status_title", "status_text"):
                for code in language_codes():
                    cleaned_data[build_localized_fieldname(name, code)] = ""
            cleaned_data["status_date"] = None
            cleaned_data["status_notice_status"] = ""


class FundingProgrammeListForm(forms.ModelForm):
    """The status column of the list: a change that leaves the notice behind goes to the form."""

    def clean_status(self):
        status = self.cleaned_data["status"]
        programme = self.instance
        if status != programme.status and status_notice_mismatch(
            title=programme.status_title_de,
            written_for=programme.status_notice_status,
            status=status,
        ):
            raise forms.ValidationError(
                _(
                    "Der Statushinweis „%(title)s“ passt nicht zum Status „%(new)s“. Ändern Sie "
                    "den Status bitte auf der Seite des Förderprogramms. Dort können Sie "
                    "entscheiden, was mit dem Hinweis geschieht."
                ),
                params={"title": programme.status_title_de, "new": _status_label(status)},
                code="status_notice",
            )
        return status
