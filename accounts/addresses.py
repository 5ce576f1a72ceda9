"""The client's address as the proxy in front of gunicorn reports it."""

from django.conf import settings


def client_address(request):
    """REMOTE_ADDR, or the last X-Forwarded-For entry when the request came through our proxy.

    nginx appends the address it sees to whatever X-Forwarded-For the client sent
    (deploy/nginx.conf), so only the last entry is the proxy's word; the rest may be forged.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    trusted = settings.FORWARDED_ALLOW_IPS
    if forwarded and ("*" in trusted or remote in trusted):
        return forwarded.rsplit(",", 1)[-1].strip() or remote
    return remote
