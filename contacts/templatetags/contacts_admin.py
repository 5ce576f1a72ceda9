from django import template

register = template.Library()


@register.simple_tag
def contacts_warnings():
    """The warnings the contacts changelists show, for the app's admin index page."""
    from contacts.admin import data_warnings

    return data_warnings()
