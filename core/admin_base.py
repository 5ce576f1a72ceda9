"""What every content admin's forms need beyond Django's defaults: a name for each input."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils.text import capfirst
from django.utils.translation import gettext as _


class LabelledInputsAdmin(admin.ModelAdmin):
    """Inputs that Django leaves without a label get an accessible name.

    A date-and-time field is two inputs under one label that points at neither; an editable
    column in a list is an input under a column heading. Screen readers announce neither.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, AdminSplitDateTime):
            label = capfirst(formfield.label or db_field.verbose_name)
            date, time = formfield.widget.widgets
            date.attrs["aria-label"] = _("%(field)s: Datum") % {"field": label}
            time.attrs["aria-label"] = _("%(field)s: Uhrzeit") % {"field": label}
        return formfield

    def get_changelist_formset(self, request, **kwargs):
        base = super().get_changelist_formset(request, **kwargs)

        class LabelledFormSet(base):
            def _construct_form(self, i, **form_kwargs):
                form = super()._construct_form(i, **form_kwargs)
                for name, field in form.fields.items():
                    if name in form._meta.fields:
                        label = capfirst(field.label or name)
                        field.widget.attrs["aria-label"] = f"{label}: {form.instance}"
                return form

        return LabelledFormSet
