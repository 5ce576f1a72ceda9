"""The page nginx shows when no instance answers: current, in every language, nothing foreign.

`make scale-check` stops both instances behind the shipped nginx and fetches it; these tests
keep the rendered files and nginx's language list in step with the site.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from core import unavailable
from tests.site_urls import XHTML, parse_html

NGINX_CONF = Path(settings.BASE_DIR) / "deploy" / "nginx.conf"
CODES = [code for code, _name in settings.LANGUAGES]


def test_the_rendered_pages_are_current():
    # Fails after a change to the template or a translation until the pages are rendered again.
    call_command("render_unavailable_pages", "--check")


def test_the_check_names_a_page_that_is_out_of_date(tmp_path, monkeypatch):
    monkeypatch.setattr(unavailable, "FOLDER", tmp_path)
    for code in CODES:
        unavailable.write(unavailable.path_for(code))
    (tmp_path / "unavailable.fa.html").write_text("<!doctype html>", encoding="utf-8")
    with pytest.raises(CommandError, match=r"unavailable\.fa\.html"):
        call_command("render_unavailable_pages", "--check")
    call_command("render_unavailable_pages")
    call_command("render_unavailable_pages", "--check")


@pytest.mark.parametrize("code", CODES)
def test_each_page_speaks_its_language_and_asks_nothing_of_anyone_else(code):
    content = unavailable.path_for(code).read_text(encoding="utf-8")
    document, errors = parse_html(content)
    assert errors == []
    html = document
    assert html.get("lang") == code
    assert html.get("dir") == ("rtl" if code in ("ar", "fa") else "ltr")
    headings = list(document.iter(f"{XHTML}h1"))
    with translation.override(code):
        expected = translation.gettext("Die Website ist vorübergehend nicht erreichbar")
    assert [h.text for h in headings] == [expected]
    assert len(list(document.iter(f"{XHTML}main"))) == 1
    # nginx fills in the request id, kept left to right inside right-to-left text.
    assert '<code dir="ltr"><!--# echo var="request_id" --></code>' in content
    assert '<span dir="ltr">integrationshilfe@lk-l.de</span>' in content
    # Nothing is loaded from anywhere: no stylesheet, script, image or font.
    assert not re.search(r"<(?:link|script|img)\b|url\(", content)


def test_nginx_knows_every_language_the_site_has():
    config = NGINX_CONF.read_text()
    mapped = re.search(r"map \$uri \$kfi_language \{.*?~\^/\(([a-z|]+)\)/ \$1;", config, re.S)
    assert mapped, "the language map is missing from deploy/nginx.conf"
    assert set(mapped.group(1).split("|")) == set(CODES) - {settings.LANGUAGE_CODE}
    assert f"default {settings.LANGUAGE_CODE};" in config
    assert "/_unavailable/unavailable.$kfi_language.html" in config
