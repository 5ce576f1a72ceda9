"""No German interface string on a page in another language (marked German content aside)."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.site_urls import parse_html, sitemap_paths

LOCALE = Path(__file__).resolve().parents[2] / "locale"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "content", "value")


def german_interface_strings(code):
    """Source strings that the catalogue translates differently (names kept as they are)."""
    po = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
    strings = set()
    for entry in po:
        for source in filter(None, (entry.msgid, entry.msgid_plural)):
            # Placeholders split the string; the longest fixed part is what a reader would see.
            parts = [p.strip() for p in source.replace("%(", "\0").split("\0")]
            longest = max(parts, key=len)
            if len(longest) >= 12 and entry.msgstr != entry.msgid:
                strings.add(longest.split(")s", 1)[-1].strip() if ")s" in longest else longest)
    return {s for s in strings if len(s) >= 12}


def visible_text(content):
    """Text and labelling attributes of a page, without elements marked as German."""
    document, _errors = parse_html(content)
    root = document.getroot() if hasattr(document, "getroot") else document
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        if element.get("lang") == "de" and element in parents:
            parents[element].remove(element)
    pieces = []
    for element in root.iter():
        pieces.extend(filter(None, (element.text, element.tail)))
        pieces.extend(element.get(name) or "" for name in ATTRIBUTES)
    return " ".join(" ".join(pieces).split())


@pytest.mark.parametrize("code", [c for c, _n in settings.LANGUAGES if c != settings.LANGUAGE_CODE])
def test_no_german_interface_string_on_other_language_pages(client, demo_content, code):
    strings = german_interface_strings(code)
    found = {}
    for path in (p for p in sitemap_paths(client) if p.startswith(f"/{code}/")):
        text = visible_text(client.get(path).content)
        leaked = sorted(s for s in strings if s in text)
        if leaked:
            found[path] = leaked
    assert found == {}
