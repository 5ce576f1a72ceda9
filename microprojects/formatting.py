"""Euro amounts in the reader's locale: Django formats numbers but has no currency format."""

from decimal import ROUND_HALF_UP, Decimal

from core.languages import current_language, site_language


def amount_style(language=None):
    """The language's amount notation from the language table; no silent German fallback."""
    return site_language(language or current_language()).amount


def _group(digits, separator, min_grouping):
    if len(digits) < 3 + min_grouping:
        return digits
    groups = []
    while len(digits) > 3:
        digits, tail = digits[:-3], digits[-3:]
        groups.insert(0, tail)
    return separator.join([digits, *groups])


def format_number(value, language=None, *, cents=None, grouping=True):
    """A decimal number in the language's notation; cents only when the amount has some."""
    style = amount_style(language)
    value = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if cents is None:
        cents = value != value.to_integral_value()
    sign = "-" if value < 0 else ""
    whole, _dot, fraction = f"{abs(value):.2f}".partition(".")
    if grouping:
        whole = _group(whole, style.group, style.min_grouping)
    number = f"{whole}{style.decimal}{fraction}" if cents else whole
    return sign + number


def format_amount(value, language=None):
    """A euro amount as the reader's language writes it, e.g. 5.000 € or €5,000."""
    if value is None:
        return ""
    style = amount_style(language)
    value = Decimal(value)
    text = style.pattern.format(number=format_number(abs(value), language))
    return f"-{text}" if value < 0 else text
