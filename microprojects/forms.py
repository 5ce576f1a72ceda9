from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import FilterForm
from translations.fallback import GERMAN_ATTRIBUTES

from .models import FundedProject


class GermanNameSelect(forms.Select):
    """A select whose options are German place names, marked as German in every language."""

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        if option["value"]:
            option["attrs"].update(GERMAN_ATTRIBUTES)
        return option


class FundedProjectFilterForm(FilterForm):
    """The GET filters above the funded projects table."""

    year = forms.TypedChoiceField(label=_("Jahr"), required=False, coerce=int, empty_value=None)
    municipality = forms.ModelChoiceField(
        label=_("Stadt oder Gemeinde"),
        required=False,
        queryset=None,
        empty_label=_("alle Städte und Gemeinden"),
        widget=GermanNameSelect,
    )
    category = forms.ChoiceField(
        label=_("Bereich"),
        required=False,
        choices=[("", _("alle Bereiche")), *FundedProject.Category.choices],
    )

    def __init__(self, *args, years, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("alle Jahre")), *((y, y) for y in years)]
        self.fields["municipality"].queryset = municipalities
