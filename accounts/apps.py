from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Anmeldung")


class LoginProtectionConfig(AxesAppConfig):
    """django-axes under a German name in the admin's index."""

    verbose_name = _("Anmeldeschutz")
