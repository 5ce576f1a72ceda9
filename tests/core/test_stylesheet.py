"""The stylesheet lays out right-to-left pages from <html dir> alone: logical properties only."""

import re
from pathlib import Path

SITE_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"


def declarations():
    css = re.sub(r"/\*.*?\*/", "", SITE_CSS.read_text(), flags=re.S)
    for block in re.finditer(r"([^{}]+)\{([^{}]*)\}", css):
        selector = " ".join(block.group(1).split())
        for declaration in block.group(2).split(";"):
            if ":" in declaration:
                name, value = (part.strip() for part in declaration.split(":", 1))
                yield selector, name, value


def test_no_physical_left_or_right_in_the_stylesheet():
    # UX.md: the one exception is numeric columns, which stay right-aligned.
    physical = [
        (selector, f"{name}: {value}")
        for selector, name, value in declarations()
        if re.search(r"\b(left|right)\b", f"{name} {value}")
        and not (selector == ".numeric" and name == "text-align")
    ]
    assert physical == []


def test_no_shorthand_with_different_left_and_right_sides():
    # "padding: a b c d" sets right to b and left to d whatever the reading direction.
    lopsided = []
    for selector, name, value in declarations():
        parts = value.split()
        if (
            name in ("margin", "padding", "border-width", "inset")
            and len(parts) == 4
            and parts[1] != parts[3]
        ):
            lopsided.append((selector, f"{name}: {value}"))
    assert lopsided == []
