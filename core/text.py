"""Plain-text helpers for formats and file names that other programs read."""

import re
import unicodedata

# Control characters other than tab and LF: no reader needs them in a card or an event.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise_line_breaks(value):
    """The value with every line break as a single LF and no other control character.

    vCard and iCalendar readers end a content line at a lone CR too, and lenient ones at
    NEL, U+2028 and the other Unicode line breaks, which the libraries pass through
    unescaped; as an LF each is escaped like any other line break, whichever library
    release does the escaping.
    """
    text = str(value)
    lines = text.splitlines()
    if text.endswith(("\n", "\r")):
        lines.append("")
    return _CONTROLS.sub("", "\n".join(lines))


def filename_part(value):
    """A piece of a download's file name: "Antrag Förderung 2026" → "Antrag-Foerderung-2026".

    German spells umlauts out in file names; other letters lose their accents, and
    anything a file system or an e-mail program might trip over becomes a hyphen.
    """
    text = str(value)
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled).replace(umlaut.upper(), spelled.capitalize())
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
