from django import template

from ..formats import format_size

register = template.Library()


@register.filter
def file_size(size):
    """Bytes as readers see them: "608 kB", "1,7 MB" (decimal separator per language)."""
    return format_size(size)
