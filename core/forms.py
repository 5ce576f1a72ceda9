"""Forms shared by the public pages."""

from django import forms


class FilterForm(forms.Form):
    """GET filters above a list; every field may stay empty.

    A value that is not one of the choices (an old bookmark, a tampered link) is ignored
    on its own: the other filters still apply, and the page says which choice it ignored
    (`includes/_error_summary.html` and the message next to the select).
    """

    def filters(self):
        """The valid filter values that are set, by field name."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
