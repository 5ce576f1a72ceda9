"""The admin's login protection: the lockout page and the editor's second factor."""

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext as _


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a refused login: how long to wait, in German."""
    minutes = math.ceil(get_cool_off(request).total_seconds() / 60)
    context = {
        **admin.site.each_context(request),
        "title": _("Anmeldung vorübergehend gesperrt"),
        "minutes": minutes,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "accounts/locked_out.html", context, status=429)
