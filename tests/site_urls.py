"""Helpers to read the pages the site serves, used by the site-wide guard tests."""

import re
from xml.etree import ElementTree

import html5lib

XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse_html(content):
    """Parse as a browser would; html5lib reports what a validator would flag as parse errors."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=True)
    document = parser.parse(content)
    return document, parser.errors


def sitemap_paths(client):
    """Every public page the sitemap lists, as paths (all languages)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    paths = []
    for loc in root.iterfind("sm:url/sm:loc", SITEMAP_NS):
        paths.append(re.sub(r"^https?://[^/]+", "", loc.text))
    return paths


def heading_levels(document):
    pattern = re.compile(rf"{re.escape(XHTML)}h[1-6]")
    return [int(el.tag[-1]) for el in document.iter() if pattern.fullmatch(str(el.tag))]


def skipped_heading_levels(levels):
    """Pairs (previous, next) where the next heading goes down by more than one level."""
    return [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
