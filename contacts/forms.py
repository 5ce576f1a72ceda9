import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import similar_email_addresses

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
    """Asks the editor to confirm an e-mail address that looks like a typo of one in use."""

    confirm_email = forms.BooleanField(
        label=_("Ja, die E-Mail-Adresse ist richtig."),
        required=False,
        # Shown only together with the warning (see clean).
        widget=forms.HiddenInput,
    )

    def clean(self):
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        if not email or "email" not in self.changed_data or cleaned_data.get("confirm_email"):
            return cleaned_data
        similar = similar_email_addresses(email, exclude_pk=self.instance.pk)
        if similar:
            self.fields["confirm_email"].widget = forms.CheckboxInput()
            self.add_error(
                "email",
                forms.ValidationError(
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
        return cleaned_data
