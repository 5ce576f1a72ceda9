"""The documents' part of „Was ansteht“ (see core.attention)."""

from core.attention import content_sections

from .models import Document


def attention(request):
    return content_sections(request, Document)
