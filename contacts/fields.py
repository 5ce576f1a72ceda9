"""Model fields of the contacts app: telephone numbers and short lists kept in one column."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import languages, phones


class PhoneNumberFormField(forms.CharField):
    """Accepts the ways people write numbers ("03433 241-3431", "+49 3433 2413431")."""

    widget = forms.TextInput(attrs={"type": "tel", "dir": "ltr", "autocomplete": "off"})

    def prepare_value(self, value):
        # Editors see the stored E.164 number in a readable international form.
        if value and str(value).startswith("+"):
            return phones.international(value)
        return value

    def to_python(self, value):
        return phones.normalize(super().to_python(value))


class PhoneNumberField(models.CharField):
    """A telephone or fax number, stored as E.164 so `tel:` links and vCards can use it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 20:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def to_python(self, value):
        # Also normalises numbers saved through full_clean() outside a form.
        return phones.normalize(super().to_python(value))

    def formfield(self, **kwargs):
        kwargs.setdefault("form_class", PhoneNumberFormField)
        # The typed number may be longer than E.164 ("+49 (0) 3433 / 241 - 3431").
        kwargs.setdefault("max_length", 40)
        return super().formfield(**kwargs)


class ListField(models.CharField):
    """A short list of codes kept comma-separated in one column ("04668,04680")."""

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return [str(item) for item in value if str(item)]
        if not value:
            return []
        return [item.strip() for item in str(value).split(",") if item.strip()]

    def get_prep_value(self, value):
        if isinstance(value, (list, tuple)):
            return ",".join(value)
        return value

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        # CharField would compare the whole list against `choices`; forms check each item.
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")


POSTAL_CODE = re.compile(r"\d{5}")


class PostalCodesFormField(forms.CharField):
    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(value)
        return value

    def to_python(self, value):
        codes = re.split(r"[\s,;]+", super().to_python(value) or "")
        codes = [code for code in codes if code]
        wrong = [code for code in codes if not POSTAL_CODE.fullmatch(code)]
        if wrong:
            raise ValidationError(
                _("Eine Postleitzahl hat genau fünf Ziffern. Bitte prüfen Sie: %(codes)s"),
                params={"codes": ", ".join(wrong)},
                code="invalid_postal_code",
            )
        # Keep the editor's order (the first code is the main one) without repeats.
        return list(dict.fromkeys(codes))


class PostalCodesField(ListField):
    """The postal codes of a town; the first one is its main code."""

    def formfield(self, **kwargs):
        kwargs["form_class"] = PostalCodesFormField
        return super().formfield(**kwargs)


class LanguagesField(ListField):
    """Languages a person can advise in, as codes from `contacts.languages`."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=languages.CHOICES,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
