"""The pages' part of „Was ansteht“ (see core.attention)."""

from core.attention import content_sections

from .models import Notice, Page


def attention(request):
    return [*content_sections(request, Page), *content_sections(request, Notice)]
