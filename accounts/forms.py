from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _

from .second_factor import code_accepted, confirmed_device, report_wrong_code

CODE_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
)


class AdminLoginForm(AdminAuthenticationForm):
    """Username and password, plus the app's code for editors who set up a second factor."""

    otp_token = forms.CharField(
        label=_("Code aus der Authenticator-App"),
        help_text=_("Nur nötig, wenn Sie die Zwei-Faktor-Anmeldung eingerichtet haben."),
        required=False,
        max_length=12,
        widget=CODE_WIDGET,
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        device = confirmed_device(user) if user else None
        if device is None:
            return cleaned_data
        if not code_accepted(device, cleaned_data.get("otp_token")):
            report_wrong_code(self.request, user.get_username())
            raise forms.ValidationError(
                _(
                    "Bitte geben Sie den aktuellen sechsstelligen Code aus Ihrer "
                    "Authenticator-App ein. Der eingegebene Code fehlt, ist falsch oder "
                    "abgelaufen."
                ),
                code="invalid_token",
            )
        # django-otp keeps the device in the session when the login goes through.
        user.otp_device = device
        return cleaned_data


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code aus der Authenticator-App"), max_length=12, widget=CODE_WIDGET
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not code_accepted(self.device, code):
            raise forms.ValidationError(
                _("Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code ein.")
            )
        return code
