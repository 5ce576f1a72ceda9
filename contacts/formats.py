"""A person as a vCard and as schema.org JSON-LD, for phones and for machines."""

import json

import vobject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.text import normalise_line_breaks
from translations.fallback import field_in_language

# The vCard keeps the official German names: they are what a letter is addressed to.
ORGANISATION = "Landkreis Leipzig"
OFFICE_NAME = "Koordinierungsstelle für Integration"

# Keeps "</script>" and friends out of a data block inside HTML.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _text(obj, field):
    return field_in_language(obj, field)[0]


# --- vCard 3.0 (RFC 2426): the version phone contact apps import most reliably ---------


def _add(card, name, value, *types):
    line = card.add(name)
    line.value = value
    if types:
        line.type_param = list(types)


def vcard(person, *, url):
    """The person's card as UTF-8 text with CRLF line endings."""
    card = vobject.vCard()
    _add(
        card,
        "n",
        vobject.vcard.Name(
            family=normalise_line_breaks(person.last_name),
            given=normalise_line_breaks(person.first_name),
            prefix=[normalise_line_breaks(prefix) for prefix in person.honorific_prefixes],
        ),
    )
    # "Frau Richter" when there is no first name, else "Dr. Anna Richter".
    _add(card, "fn", normalise_line_breaks(person.name if person.first_name else str(person)))
    _add(card, "org", [ORGANISATION, OFFICE_NAME])
    job_title = _text(person, "job_title")
    if job_title:
        _add(card, "title", normalise_line_breaks(job_title))
    if person.team_id:
        _add(card, "role", normalise_line_breaks(_text(person.team, "name")))
    for number, kind in ((person.phone, "VOICE"), (person.mobile, "CELL"), (person.fax, "FAX")):
        if number:
            _add(card, "tel", normalise_line_breaks(number), "WORK", kind)
    if person.email:
        _add(card, "email", normalise_line_breaks(person.email), "INTERNET", "WORK")
    if person.office_id:
        office = person.office
        extended = ", ".join(
            p for p in (office.building, person.room and f"Raum {person.room}") if p
        )
        _add(
            card,
            "adr",
            vobject.vcard.Address(
                extended=normalise_line_breaks(extended),
                street=normalise_line_breaks(office.street),
                city=normalise_line_breaks(office.town),
                code=normalise_line_breaks(office.postal_code),
                country="Deutschland",
            ),
            "WORK",
        )
    hours = _text(person, "consultation_hours")
    if hours:
        _add(card, "note", normalise_line_breaks(hours))
    _add(card, "url", normalise_line_breaks(url))
    return card.serialize()


def vcard_filename(person):
    return f"{person.slug}.vcf"


# --- schema.org JSON-LD -----------------------------------------------------------------


def json_ld(person, *, url):
    """schema.org Person data for the person page, safe to put inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": url,
        "url": url,
        "name": person.name,
        "familyName": person.last_name,
        "jobTitle": _text(person, "job_title"),
        # In the page's language, like the rest of the page (the header uses the same strings).
        "worksFor": {
            "@type": "GovernmentOrganization",
            "name": gettext("Koordinierungsstelle für Integration"),
            "parentOrganization": {
                "@type": "GovernmentOrganization",
                "name": gettext("Landkreis Leipzig"),
            },
        },
    }
    if person.first_name:
        data["givenName"] = person.first_name
    if person.honorific_prefixes:
        data["honorificPrefix"] = " ".join(person.honorific_prefixes)
    if person.phone:
        data["telephone"] = person.phone
    if person.fax:
        data["faxNumber"] = person.fax
    if person.email:
        data["email"] = f"mailto:{person.email}"
    if person.languages:
        data["knowsLanguage"] = list(person.languages)
    if person.office_id:
        office = person.office
        place = {
            "@type": "Place",
            "name": _text(office, "name"),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": office.street_line,
                "postalCode": office.postal_code,
                "addressLocality": office.town,
                "addressCountry": "DE",
            },
        }
        if office.latitude is not None and office.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(office.latitude),
                "longitude": float(office.longitude),
            }
        data["workLocation"] = place
    text = json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - JSON with <, > and & escaped cannot leave the script
