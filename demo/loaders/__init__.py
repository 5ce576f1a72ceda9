"""Create the demo objects of demo/content/, filling only what is missing or empty."""

from django.db import models

from translations.status import SOURCE, translated_fields


def column(model, name):
    """The field that holds a value of the data: the German one of a translated field."""
    return f"{name}_{SOURCE}" if name in translated_fields(model) else name


def field_values(model, data):
    """Model field values of a data table: translated fields get their German text."""
    values = {}
    for name, value in data.items():
        # TOML has no decimal type; amounts are written as strings to stay exact.
        if isinstance(model._meta.get_field(name), models.DecimalField):
            value = model._meta.get_field(name).to_python(value)
        values[column(model, name)] = value
    return values


def ensure(model, data, *, key, skip=(), **related):
    """The object whose `key` fields match the data, and whether it had to be created."""
    # `related` holds the objects for what the data names by reference (a team by its
    # abbreviation); `skip` is data that is no field of the model (a team's tasks).
    plain = {name: value for name, value in data.items() if name not in {*skip, *related}}
    values = {**field_values(model, plain), **related}
    lookup = {name: values.pop(name) for name in (column(model, name) for name in key)}
    found = model._default_manager.filter(**lookup).first()
    if found is None:
        return model._default_manager.create(**lookup, **values), True
    # A found object is the editor's: only a field that is empty gets the demo value.
    empty = [
        name
        for name, value in values.items()
        if _is_empty(_current(found, name)) and not _is_empty(value)
    ]
    for name in empty:
        setattr(found, name, values[name])
    if empty:
        found.save()
    return found, False


def _current(obj, name):
    field = obj._meta.get_field(name)
    # A missing related object must not be fetched, only noticed.
    return getattr(obj, field.attname) if field.is_relation else getattr(obj, name)


def _is_empty(value):
    # False and 0 are choices an editor made; only a value that is not there gets filled.
    return value is None or (isinstance(value, str | list | dict) and not value)
