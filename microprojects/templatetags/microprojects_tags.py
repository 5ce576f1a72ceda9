from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from ..formatting import amount_style, format_amount, format_number
from ..models import FundingProgramme
from ..selectors import programme_deadline

register = template.Library()


@register.simple_tag
def amount(value):
    """A euro amount in the reader's notation, isolated so RTL text cannot reorder it.

    An amount written with a word ("5,000 یورو" in Farsi) runs in the text's direction with
    only the number isolated; one written with the sign is isolated as a whole.
    """
    style = amount_style()
    if value is None or not style.word:
        return format_html('<span dir="ltr" class="amount">{}</span>', format_amount(value))
    value = Decimal(value)
    before, _number, after = style.pattern.partition("{number}")
    return format_html(
        '<span class="amount">{}<bdi dir="ltr">{}{}</bdi>{}</span>',
        before,
        "-" if value < 0 else "",
        format_number(abs(value)),
        after,
    )


@register.simple_tag
def time_element(value, display_format="DATE_FORMAT", machine_format="Y-m-d"):
    """A <time> element, usable as a variable inside {% blocktranslate %}."""
    return format_html(
        '<time datetime="{}">{}</time>',
        date_format(value, machine_format),
        date_format(value, display_format),
    )


@register.inclusion_tag("microprojects/_start_card.html")
def programme_card():
    """The start page's card "Kann mein Projekt gefördert werden?" with the live status."""
    programme = FundingProgramme.objects.published().first()
    deadline = None
    if programme is not None:
        deadline = programme_deadline(programme, today=timezone.localdate())
    return {"programme": programme, "deadline": deadline}
