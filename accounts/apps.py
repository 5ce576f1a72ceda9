from axes import apps as axes_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Anmeldung")

    def ready(self):
        from . import second_factor  # noqa: F401 - connects the cache invalidation


class LoginProtectionConfig(axes_apps.AppConfig):
    """django-axes under a German name in the admin's index."""

    verbose_name = _("Anmeldeschutz")


class EditorAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the editors' site: a TOTP code at login for those who set one up."""

    default = False
    default_site = "accounts.sites.EditorAdminSite"
