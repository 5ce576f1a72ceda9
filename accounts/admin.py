"""The audit of failed admin logins, for administrators, in German.

django-axes registers its own admins with English labels and actions; these replace them.
Editors do not see them: the Redaktion group has no permission on the axes models.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

# Editors manage their own device on their page („Zwei-Faktor-Anmeldung“); a lost one is
# removed with `manage.py remove_second_factor USERNAME`.
for model in (AccessAttempt, AccessLog, AccessFailureLog, TOTPDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class ReadOnlyAuditAdmin(admin.ModelAdmin):
    date_hierarchy = "attempt_time"
    search_fields = ["username", "ip_address"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessAttempt)
class AccessAttemptAdmin(ReadOnlyAuditAdmin):
    """Failed attempts that still count: deleting an entry lifts its lockout at once."""

    list_display = ["attempt_time", "username", "ip_address", "failures_since_start", "status"]
    list_filter = ["attempt_time"]
    fields = [
        "username",
        "ip_address",
        "attempt_time",
        "failures_since_start",
        "path_info",
        "user_agent",
    ]

    @admin.display(description=_("Stand"))
    def status(self, obj):
        remaining = settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        if remaining > 0:
            return ngettext("noch %(count)d Versuch", "noch %(count)d Versuche", remaining) % {
                "count": remaining
            }
        return _("gesperrt")


@admin.register(AccessFailureLog)
class AccessFailureLogAdmin(ReadOnlyAuditAdmin):
    """Every failed login, kept for the audit."""

    list_display = ["attempt_time", "username", "ip_address", "locked_out", "path_info"]
    list_filter = ["attempt_time", "locked_out"]
    fields = ["username", "ip_address", "attempt_time", "locked_out", "path_info", "user_agent"]
