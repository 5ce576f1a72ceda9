import re
import unicodedata

from django import forms
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.confirm import ask, confirmation_field

from .selectors import people_already_responsible, similar_email_addresses

MAX_QUERY_LENGTH = 100


class FinderForm(forms.Form):
    """The Zuständigkeitsfinder's one question: postal code or the beginning of a town name."""

    ort = forms.CharField(
        label=_("Postleitzahl oder Name Ihres Ortes"),
        help_text=_("zum Beispiel 04552 oder Borna"),
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "required": _("Geben Sie Ihre Postleitzahl oder den Namen Ihres Ortes ein."),
            "max_length": _(
                "Ihre Eingabe ist zu lang. Geben Sie eine Postleitzahl mit fünf "
                "Ziffern oder den Namen Ihres Ortes ein."
            ),
        },
    )

    def clean_ort(self):
        """{"postal_code": "04668"} or {"name": "grimma"}."""
        # Arabic and Persian keyboards type ٠٤٥٥٢ or ۰۴۵۵۲; postal codes are stored as 04552.
        value = "".join(
            str(unicodedata.decimal(char)) if char.isdecimal() else char
            for char in " ".join(self.cleaned_data["ort"].split())
        )
        digits = value.replace(" ", "")
        if digits.isdecimal():
            if len(digits) != 5:
                raise forms.ValidationError(
                    _("Eine Postleitzahl hat genau fünf Ziffern, zum Beispiel 04552."),
                    code="postal_code",
                )
            return {"postal_code": digits}
        # "04668 Grimma": the name says more than the code, which several towns may share.
        name = re.sub(r"\b\d{5}\b", " ", value).strip()
        if not re.search(r"\w", name):
            raise forms.ValidationError(
                self.fields["ort"].error_messages["required"], code="required"
            )
        return {"name": name}


class PersonAdminForm(forms.ModelForm):
    """Asks the editor to confirm a likely e-mail typo and a town another person covers."""

    confirm_email = confirmation_field(_("Ja, die E-Mail-Adresse ist richtig."))
    confirm_shared_towns = confirmation_field(_("Ja, die Personen teilen sich diese Orte."))

    def clean(self):
        cleaned_data = super().clean()
        self._check_email(cleaned_data)
        self._check_towns(cleaned_data)
        return cleaned_data

    def _check_email(self, cleaned_data):
        email = cleaned_data.get("email")
        if not email or "email" not in self.changed_data or cleaned_data.get("confirm_email"):
            return
        similar = similar_email_addresses(email, exclude_pk=self.instance.pk)
        if similar:
            ask(
                self,
                field="email",
                control="confirm_email",
                message=forms.ValidationError(
                    _(
                        "Diese Adresse unterscheidet sich nur um ein oder zwei Zeichen von "
                        "%(addresses)s, die schon verwendet wird. Bitte prüfen Sie, ob sich ein "
                        "Tippfehler eingeschlichen hat. Wenn die Adresse stimmt, setzen Sie den "
                        "Haken bei „Ja, die E-Mail-Adresse ist richtig.“ und speichern Sie erneut."
                    ),
                    params={"addresses": ", ".join(f"„{address}“" for address in similar)},
                    code="similar_email",
                ),
            )

    def _check_towns(self, cleaned_data):
        towns = cleaned_data.get("municipalities")
        if not towns or "municipalities" not in self.changed_data:
            return
        if cleaned_data.get("confirm_shared_towns"):
            return
        before = {getattr(town, "pk", town) for town in self.initial.get("municipalities") or []}
        added = [town for town in towns if town.pk not in before]
        shared = people_already_responsible(added, exclude_pk=self.instance.pk)
        if not shared:
            return
        sentences = [
            gettext("%(town)s ist bereits %(people)s zugeordnet.")
            % {
                "town": town,
                "people": get_text_list([str(person) for person in people], gettext("und")),
            }
            for town, people in shared
        ]
        sentences.append(
            gettext(
                "Trotzdem speichern? Wenn sich die Personen den Ort teilen sollen, setzen Sie den "
                "Haken bei „Ja, die Personen teilen sich diese Orte.“ und speichern Sie erneut. "
                "Sonst nehmen Sie den Ort hier oder bei der anderen Person heraus."
            )
        )
        ask(
            self,
            field="municipalities",
            control="confirm_shared_towns",
            message=" ".join(sentences),
        )
