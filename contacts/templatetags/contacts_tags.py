from django import template
from django.utils.html import format_html

from translations.fallback import mark_german

from .. import selectors

register = template.Library()


@register.simple_tag
def person_name(person):
    """ "Frau Dr. Anna Richter": the salutation in the reader's language, the name as German."""
    salutation = person.get_salutation_display() if person.salutation else ""
    name = mark_german(person.name)
    return format_html("{} {}", salutation, name) if salutation else name


@register.inclusion_tag("contacts/_office_teams.html", takes_context=True)
def office_teams(context):
    """The office page's teams, tasks and people (the page itself belongs to another app)."""
    # The page's context (request, language) reaches the included person and file cards.
    return {**context.flatten(), "contact_teams": selectors.office_teams()}


@register.inclusion_tag("includes/_example_note.html", takes_context=True)
def mapping_example_note(context):
    """The example marker beside a person's towns while the mapping is only an example."""
    # Looked up once per request, however many person cards the page shows.
    request = context.get("request")
    overview = getattr(request, "_responsibility_overview", False)
    if overview is False:
        overview = selectors.responsibility_overview()
        if request is not None:
            request._responsibility_overview = overview
    return {"kind": "mapping", "show": bool(overview and overview.is_example)}


@register.inclusion_tag("contacts/_start_contacts.html", takes_context=True)
def start_contacts(context):
    """The start page's general contact: phone, e-mail and hours as the contacts app keeps them."""
    return {**context.flatten(), "general_contacts": selectors.general_contacts()}
