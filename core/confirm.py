"""Warnings an editor confirms: the save stops once, says why, and a tick lets it through.

The confirmation control stays hidden until the warning appears, so a form without a
problem looks and saves as before. The e-mail typo check of the person admin set the
pattern; the other save-time guards use the same two steps.
"""

from django import forms


def confirmation_field(label):
    """A tick box, hidden until `ask` shows it beside a warning."""
    return forms.BooleanField(label=label, required=False, widget=forms.HiddenInput)


def decision_field(label, choices):
    """A choice between ways out of a warning, hidden until `ask` shows it."""
    return forms.ChoiceField(
        label=label, choices=[("", "–"), *choices], required=False, widget=forms.HiddenInput
    )


def ask(form, *, field, control, message, choices=None):
    """Stop the save with `message` on `field` and show `control` so the editor can answer."""
    control_field = form.fields[control]
    if isinstance(control_field, forms.ChoiceField):
        control_field.widget = forms.RadioSelect()
        control_field.choices = choices or [c for c in control_field.choices if c[0]]
    else:
        control_field.widget = forms.CheckboxInput()
    form.add_error(field, message)
