from django import template

from core.attention import collect

register = template.Library()


@register.inclusion_tag("core/attention.html", takes_context=True)
def attention_panel(context):
    """„Was ansteht“ for the user of this request (see core.attention)."""
    sections = collect(context["request"])
    return {
        "sections": sections,
        "all_clear": all(section.informational for section in sections),
    }
