"""A number for each request: on every log line, in the `X-Request-ID` header and on the 500 page.

nginx (deploy/nginx.conf) passes its own `$request_id`; the header is taken only from the
proxies gunicorn trusts (`FORWARDED_ALLOW_IPS`) and only if it looks like an id, so a client
cannot write into the log. Otherwise the site makes one.
"""

import contextvars
import datetime
import json
import logging
import re
import secrets

from django.conf import settings
from django.utils.log import log_response

_current = contextvars.ContextVar("request_id", default="")
VALID = re.compile(r"[A-Za-z0-9._-]{8,64}")
HEADER = "X-Request-ID"


def current():
    """The id of the request this thread is answering, or "" outside a request."""
    return _current.get()


def _from_proxy(request):
    trusted = settings.TRUSTED_PROXY_ADDRESSES
    if "*" not in trusted and request.META.get("REMOTE_ADDR") not in trusted:
        return ""
    value = request.META.get("HTTP_X_REQUEST_ID", "")
    return value if VALID.fullmatch(value) else ""


class RequestIdMiddleware:
    """First in the chain, so the header is added after the page cache has stored the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = _from_proxy(request) or secrets.token_hex(8)
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
            if response.status_code >= 400:
                # Django would log a 404 or 400 the view returned after this middleware, without
                # the id; logged here, it is marked as logged and not logged again.
                log_response(
                    "%s: %s",
                    response.reason_phrase,
                    request.path,
                    response=response,
                    request=request,
                )
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Gives every record the current request's id ("-" outside a request)."""

    def filter(self, record):
        record.request_id = _current.get() or "-"
        return True


class KeyValueFormatter(logging.Formatter):
    """One line per record: `time=… level=… logger=… request_id=… msg="…"`, traceback quoted."""

    def format(self, record):
        moment = datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC)
        fields = {
            "time": moment.isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", None) or _current.get() or "-",
            "msg": record.getMessage(),
        }
        if record.exc_info:
            fields["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            fields["exc"] = record.exc_text
        return " ".join(f"{name}={_value(value)}" for name, value in fields.items())


def _value(value):
    # Quoted (with newlines escaped) whenever it could be mistaken for more than one field.
    text = str(value)
    if text and re.fullmatch(r"[\w.:+/@-]+", text):
        return text
    return json.dumps(text, ensure_ascii=False)
