from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import FilterForm


class DocumentFilterForm(FilterForm):
    """The GET filter of the Dokumente page; German parameter names like the paths."""

    kategorie = forms.ChoiceField(label=_("Kategorie"), required=False)
    jahr = forms.TypedChoiceField(label=_("Jahr"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, categories, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategorie"].choices = [("", _("Alle Kategorien"))] + [
            (category.slug, category.title) for category in categories
        ]
        self.fields["jahr"].choices = [("", _("Alle Jahre"))] + [
            (str(year), str(year)) for year in years
        ]
