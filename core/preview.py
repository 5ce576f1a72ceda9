"""Signed preview links: a draft as readers will see it, for anyone who has the link.

The token names a model and a primary key, signed with the secret key and dated, so it
cannot be altered and expires after `PREVIEW_LINK_MAX_AGE`. No login is needed, which
lets editors send the link to a colleague or the office's management for approval.
"""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .publication import Publishable

SALT = "core.preview"


class PreviewExpired(Exception):
    """The link was genuine but is older than its lifetime."""


class PreviewInvalid(Exception):
    """The link was altered, or its object is gone or cannot be previewed."""


def max_age():
    return settings.PREVIEW_LINK_MAX_AGE


def make_token(obj):
    return signing.dumps([obj._meta.label_lower, obj.pk], salt=SALT)


def preview_url(obj):
    """The preview address in the active language (the admin's: German)."""
    return reverse("preview", kwargs={"token": make_token(obj)})


def load(token):
    """The object a token names; PreviewExpired or PreviewInvalid otherwise."""
    try:
        label, pk = signing.loads(token, salt=SALT, max_age=max_age())
        model = apps.get_model(label)
    except signing.SignatureExpired as error:
        raise PreviewExpired from error
    except (signing.BadSignature, ValueError, TypeError, LookupError) as error:
        raise PreviewInvalid from error
    if not issubclass(model, Publishable) or not hasattr(model, "get_absolute_url"):
        raise PreviewInvalid(label)
    try:
        return model._default_manager.get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError) as error:
        raise PreviewInvalid(label) from error


class PreviewLinkWidget(forms.TextInput):
    """The preview address in a read-only box, so editors can select and copy it."""

    def __init__(self, attrs=None):
        super().__init__({"readonly": True, "class": "vLargeTextField", **(attrs or {})})


def preview_link_field(request, obj):
    """The admin's read-only „Vorschau-Link“ with its expiry, built for this request."""
    url = request.build_absolute_uri(preview_url(obj))
    expires = timezone.localtime(timezone.now() + max_age())
    return forms.CharField(
        label=_("Vorschau-Link"),
        required=False,
        initial=url,
        widget=PreviewLinkWidget,
        help_text=format_html(
            '{} <a href="{}">{}</a>',
            _(
                "Zeigt die Seite so, wie Leser sie sehen, sobald sie veröffentlicht ist – "
                "ohne Anmeldung, in allen Sprachen. Gültig bis %(date)s."
            )
            % {"date": date_format(expires, "SHORT_DATETIME_FORMAT")},
            url,
            _("Vorschau öffnen"),
        ),
    )
