"""Phone numbers: checked with `phonenumbers`, stored as E.164, shown German style."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Numbers typed without a country code are German.
DEFAULT_REGION = "DE"

INVALID_MESSAGE = _(
    "Das ist keine gültige Telefonnummer. Schreiben Sie sie zum Beispiel so: 03433 241-3431."
)
MISSING_AREA_CODE_MESSAGE = _(
    "Die Vorwahl fehlt. Bitte mit Vorwahl eingeben, zum Beispiel 03433 241-3431."
)

# Where phonenumbers took the country code from: a "+" or an international prefix ("00").
_TYPED_COUNTRY_CODE = {
    phonenumbers.CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN,
    phonenumbers.CountryCodeSource.FROM_NUMBER_WITH_IDD,
}


def normalize(value):
    """The number as E.164 ("+4934332413431"); raises ValidationError when it is not valid."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(str(value), DEFAULT_REGION, keep_raw_input=True)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone") from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    if not _has_area_code(number, str(value)):
        raise ValidationError(MISSING_AREA_CODE_MESSAGE, code="missing_area_code")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _has_area_code(number, typed):
    """Whether the number was typed with its national 0 or with a country code."""
    if number.country_code_source in _TYPED_COUNTRY_CODE:
        return True
    # phonenumbers quietly reads "241-9999" as a number in Aachen (0241) and "49 3433 …"
    # as +49: a local number without its area code is valid somewhere, just not here.
    return phonenumbers.normalize_digits_only(typed).startswith("0")


def _parse(e164):
    try:
        return phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None


def display(e164, switchboard=""):
    """German style as DIN 5008 writes it: "03433 241-3431".

    phonenumbers knows the area code but not where a private branch exchange ends, so
    the extension hyphen comes from the office's switchboard number ("03433 241-0"):
    everything after the switchboard's digits is the extension.
    """
    number = _parse(e164) if e164 else None
    if number is None:
        return e164 or ""
    if number.country_code != 49:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    board = _parse(switchboard) if switchboard else None
    if board is not None and board.country_code == 49:
        board_national = phonenumbers.format_number(board, phonenumbers.PhoneNumberFormat.NATIONAL)
        # "03433 2410" is the switchboard itself: its trailing 0 stands for "any extension".
        base = board_national[:-1] if board_national.endswith("0") else board_national
        if national.startswith(base) and len(national) > len(base):
            return f"{base}-{national[len(base) :]}"
    return national


def international(e164):
    """Readable international form for editors: "+49 3433 2413431"."""
    number = _parse(e164) if e164 else None
    if number is None:
        return e164 or ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
