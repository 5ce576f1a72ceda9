"""Form fields in the GOV.UK pattern: hint and error tied to the input, summary links."""

from django import template
from django.utils.formats import number_format

register = template.Library()

GROUPED = ("radioselect", "checkboxselectmultiple")


@register.filter
def is_grouped(field):
    return field.widget_type in GROUPED


@register.filter
def anchor(field):
    """The id the error summary links to: the input, or a group's first choice."""
    return f"{field.auto_id}_0" if field.widget_type in GROUPED else field.auto_id


@register.filter
def described_by(field):
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def widget(field, **attrs):
    """The input with its hint and error as description, and marked invalid on error."""
    extra = {key.replace("_", "-"): value for key, value in attrs.items()}
    ids = described_by(field)
    if ids:
        extra["aria-describedby"] = ids
    if field.errors:
        extra["aria-invalid"] = "true"
    return field.as_widget(attrs=extra)


@register.simple_tag
def error_links(*forms):
    """(anchor, message) for every error of the forms and formsets given, in page order."""
    links = []
    for form in forms:
        if not hasattr(form, "errors"):
            continue
        subforms = getattr(form, "forms", None)
        if subforms is not None:
            for message in form.non_form_errors():
                links.append(("kostenplan", message))
            for subform in subforms:
                links.extend(_form_links(subform))
        else:
            links.extend(_form_links(form))
    return links


def _form_links(form):
    links = []
    first = next(iter(form), None)
    target = getattr(form, "error_anchor", None) or (anchor(first) if first else "main")
    for message in form.non_field_errors():
        links.append((target, message))
    for field in form:
        for message in field.errors:
            links.append((anchor(field), message))
    return links


@register.filter
def euro(value):
    """1.234,50 € with the reader's separators; the figures stay Western."""
    if value is None or value == "":
        return ""
    return f"{number_format(value, 2, use_l10n=True, force_grouping=True)} €"
