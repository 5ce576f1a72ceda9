"""The one field every translated model carries; translations owns no table of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationTracked(models.Model):
    """Mixin for translated models: remembers which German text each translation matches."""

    translation_sources = models.JSONField(
        _("Stand der Übersetzungen"),
        default=dict,
        blank=True,
        editable=False,
    )

    class Meta:
        abstract = True
