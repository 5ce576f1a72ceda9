"""An uploaded file kept on the server between an import's preview and its confirmation.

The bytes stay in the editor's session (stored in the database, never in the browser):
the confirmation names them by a one-time token, so a large file never travels back
through a form field, and nobody else's session can confirm it.
"""

import base64
import secrets
import time

from django.conf import settings


def pending_keep(request, *, key, data, **details):
    """Keep `data` (bytes) under `key` until confirmed or expired; returns the token."""
    token = secrets.token_urlsafe(16)
    request.session[key] = {
        "token": token,
        "kept_at": time.time(),
        "data": base64.b64encode(data).decode("ascii"),
        **details,
    }
    return token


def pending_get(request, *, key, token):
    """The kept upload as (bytes, details), or None when the token or its time is up."""
    kept = request.session.get(key)
    if not kept or not token or not secrets.compare_digest(str(token), kept["token"]):
        return None
    if time.time() - kept["kept_at"] > settings.IMPORT_PREVIEW_SECONDS:
        del request.session[key]
        return None
    details = {name: value for name, value in kept.items() if name not in ("token", "kept_at")}
    return base64.b64decode(details.pop("data")), details


def pending_drop(request, *, key):
    request.session.pop(key, None)
