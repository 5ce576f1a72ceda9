"""The admin's login protection: the lockout page and the editor's second factor."""

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin, messages
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm
from .second_factor import confirmed_device, grouped_key, pending_device, qr_code_svg


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


def second_factor(request):
    """An editor sets up, or removes, the TOTP code asked for at every admin login."""
    device = confirmed_device(request.user)
    if device is None:
        return _set_up(request)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, _("Die Zwei-Faktor-Anmeldung ist ausgeschaltet."))
        return redirect("admin:second_factor")
    return _page(request, form, active=True)


def _set_up(request):
    device = pending_device(request.user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # This session proved the code; it stays logged in.
        otp_login(request, device)
        messages.success(
            request,
            _(
                "Die Zwei-Faktor-Anmeldung ist eingerichtet. "
                "Ab jetzt fragt die Anmeldung nach dem Code."
            ),
        )
        return redirect("admin:second_factor")
    return _page(
        request,
        form,
        active=False,
        qr_code=mark_safe(qr_code_svg(device)),  # noqa: S308 - made here from our own address
        key=grouped_key(device),
        config_url=device.config_url,
    )


def _page(request, form, **context):
    return render(
        request,
        "accounts/second_factor.html",
        {
            **admin.site.each_context(request),
            "title": _("Zwei-Faktor-Anmeldung"),
            "form": form,
            **context,
        },
    )
