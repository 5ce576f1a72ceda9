"""The optional second factor: a TOTP device (django-otp) an editor sets up for themselves."""

import io

from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

# Every admin request asks whether its user has a second factor; the shared cache answers
# without a query. Saving or deleting a device clears the entry; without a shared cache
# (REDIS_URL) another process may answer from its own memory for up to this long.
HAS_DEVICE_SECONDS = 60


def _cache_key(user_id):
    return f"accounts:second-factor:{user_id}"


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user):
    key = _cache_key(user.pk)
    found = cache.get(key)
    if found is None:
        found = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        cache.set(key, found, HAS_DEVICE_SECONDS)
    return found


@receiver([post_save, post_delete], sender=TOTPDevice)
def _forget_cached_answer(sender, instance, **kwargs):
    cache.delete(_cache_key(instance.user_id))


def pending_device(user):
    """The device being set up; the same key on every reload until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=False)


def code_accepted(device, code):
    """Whether the code is the device's current one; django-otp slows down repeated guesses."""
    allowed, _details = device.verify_is_allowed()
    return bool(allowed and code and device.verify_token(code.strip().replace(" ", "")))


def report_wrong_code(request, username):
    # A wrong code counts as a failed login, so django-axes locks out code guessing too.
    user_login_failed.send(__name__, credentials={"username": username}, request=request)


def qr_code_svg(device):
    """The device's otpauth address as an inline SVG, made here: no request to another server."""
    out = io.BytesIO()
    write_qrcode_image(device.config_url, out)
    svg = out.getvalue().decode()
    return svg[svg.index("<svg") :]


def grouped_key(device):
    """The base32 secret in groups of four, for typing it into an app by hand."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
