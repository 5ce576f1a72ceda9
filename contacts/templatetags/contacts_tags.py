from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from integration_site.i18n import SOURCE_LANGUAGE, current_language

register = template.Library()


@register.simple_tag
def de_attrs():
    """` lang="de" dir="ltr"` for German names and addresses inside another language."""
    if current_language() == SOURCE_LANGUAGE:
        return ""
    return mark_safe(f' lang="{SOURCE_LANGUAGE}" dir="ltr"')  # noqa: S308 - constant text


@register.simple_tag
def person_name(person):
    """"Frau Dr. Anna Richter": the salutation in the reader's language, the name as German."""
    salutation = person.get_salutation_display() if person.salutation else ""
    if current_language() == SOURCE_LANGUAGE:
        return f"{salutation} {person.name}".strip()
    name = format_html('<span lang="{}" dir="ltr">{}</span>', SOURCE_LANGUAGE, person.name)
    return format_html("{} {}", salutation, name) if salutation else name
