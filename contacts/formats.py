"""A person as a vCard and as schema.org JSON-LD, for phones and for machines."""

import json

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from translations.fallback import field_in_language

# The vCard keeps the official German names: they are what a letter is addressed to.
ORGANISATION = "Landkreis Leipzig"
OFFICE_NAME = "Koordinierungsstelle für Integration"

# Keeps "</script>" and friends out of a data block inside HTML.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _text(obj, field):
    return field_in_language(obj, field)[0]


# --- vCard 3.0 (RFC 2426): the version phone contact apps import most reliably ---------

def _escape(value):
    """Escape a text value: backslash, newline, comma and semicolon (RFC 2426 section 4)."""
    return (str(value).replace("\\", "\\\\").replace("\r\n", "\n").replace("\n", "\\n")
            .replace(",", "\\,").replace(";", "\\;"))


def _fold_line(line):
    """Fold at 75 octets without splitting a UTF-8 character (RFC 2426 section 2.6)."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        limit = 75 if not parts else 74
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def vcard(person, *, url):
    """The person's card as UTF-8 text with CRLF line endings."""
    prefixes = ",".join(_escape(p) for p in person.honorific_prefixes)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_escape(person.last_name)};{_escape(person.first_name)};;{prefixes};",
        # "Frau Richter" when there is no first name, else "Dr. Anna Richter".
        f"FN:{_escape(person.name if person.first_name else str(person))}",
        f"ORG:{_escape(ORGANISATION)};{_escape(OFFICE_NAME)}",
    ]
    job_title = _text(person, "job_title")
    if job_title:
        lines.append(f"TITLE:{_escape(job_title)}")
    if person.team_id:
        lines.append(f"ROLE:{_escape(_text(person.team, 'name'))}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{person.phone}")
    if person.mobile:
        lines.append(f"TEL;TYPE=WORK,CELL:{person.mobile}")
    if person.fax:
        lines.append(f"TEL;TYPE=WORK,FAX:{person.fax}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{person.email}")
    if person.office_id:
        office = person.office
        extended = ", ".join(p for p in (office.building, person.room and f"Raum {person.room}")
                             if p)
        address = ";".join(_escape(p) for p in ("", extended, office.street, office.town, "",
                                                office.postal_code, "Deutschland"))
        lines.append(f"ADR;TYPE=WORK:{address}")
    hours = _text(person, "consultation_hours")
    if hours:
        lines.append(f"NOTE:{_escape(hours)}")
    lines.append(f"URL:{url}")
    lines.append("END:VCARD")
    return "".join(_fold_line(line) + "\r\n" for line in lines)


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
            "parentOrganization": {"@type": "GovernmentOrganization",
                                   "name": gettext("Landkreis Leipzig")},
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
            place["geo"] = {"@type": "GeoCoordinates", "latitude": float(office.latitude),
                            "longitude": float(office.longitude)}
        data["workLocation"] = place
    text = json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - JSON with <, > and & escaped cannot leave the script
