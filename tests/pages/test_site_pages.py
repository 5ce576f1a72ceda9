"""Site-wide guard tests: every page the sitemap lists, in every language."""

import pytest
from django.conf import settings
from django.utils.translation import get_language_info

from tests.site_urls import heading_levels, parse_html, sitemap_paths, skipped_heading_levels

XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def public_paths(client, demo_content):
    return sitemap_paths(client)


def test_sitemap_lists_every_fixed_page_in_every_language(public_paths):
    for code, _name in settings.LANGUAGES:
        for path in (
            "",
            "koordinierungsstelle/",
            "impressum/",
            "datenschutz/",
            "barrierefreiheit/",
            "leichte-sprache/",
            "gebaerdensprache/",
            "ansprechpersonen/",
            "dokumente/",
            "mikroprojekte/",
        ):
            assert f"/{code}/{path}" in public_paths


def test_sitemap_entries_carry_hreflang_alternates(client, demo_content):
    body = client.get("/sitemap.xml").content.decode()
    assert 'hreflang="ar"' in body
    assert 'hreflang="x-default"' in body


def test_every_public_page_is_sound_in_every_language(client, public_paths):
    """200, right lang/dir, one h1, no skipped heading level, parses cleanly, no cookie."""
    problems = []
    for path in public_paths:
        code = path.split("/")[1]
        response = client.get(path)
        if response.status_code != 200:
            problems.append(f"{path}: status {response.status_code}")
            continue
        if response.cookies:
            problems.append(f"{path}: sets cookies {list(response.cookies)}")
        document, errors = parse_html(response.content)
        html = document.getroot() if hasattr(document, "getroot") else document
        if html.get("lang") != code:
            problems.append(f"{path}: lang={html.get('lang')}")
        expected_dir = "rtl" if get_language_info(code)["bidi"] else "ltr"
        if html.get("dir") != expected_dir:
            problems.append(f"{path}: dir={html.get('dir')}")
        levels = heading_levels(html)
        if levels.count(1) != 1:
            problems.append(f"{path}: {levels.count(1)} h1 elements")
        if skipped_heading_levels(levels):
            problems.append(f"{path}: skipped heading levels {skipped_heading_levels(levels)}")
        if errors:
            problems.append(f"{path}: HTML parse errors {errors[:3]}")
        if len(list(html.iter(f"{XHTML}main"))) != 1:
            problems.append(f"{path}: not exactly one <main>")
    assert problems == []


def test_language_switcher_leads_to_the_same_page(client, demo_content):
    response = client.get("/ar/impressum/")
    content = response.content.decode()
    for code in ("de", "en", "fa", "uk", "ru", "tr", "es"):
        assert f'href="/{code}/impressum/" lang="{code}" hreflang="{code}"' in content
    assert '<span lang="ar" aria-current="true" data-script="Arab">العربية</span>' in content


def test_every_page_head_has_hreflang_alternates_and_x_default(client, demo_content):
    content = client.get("/en/datenschutz/").content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'hreflang="{code}" href="http://testserver/{code}/datenschutz/"' in content
    assert 'hreflang="x-default" href="http://testserver/de/datenschutz/"' in content


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar,en;q=0.5", "/ar/"),
        ("fa-IR", "/fa/"),
        ("uk", "/uk/"),
        ("fr-FR,fr;q=0.9", "/de/"),
        ("", "/de/"),
    ],
)
def test_root_redirects_to_the_browsers_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_unknown_language_prefix_is_a_styled_404(client, demo_content):
    response = client.get("/xx/impressum/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_404_page_is_translated(client, demo_content):
    response = client.get("/en/gibt-es-nicht/")
    assert response.status_code == 404
    content = response.content.decode()
    assert '<html lang="en"' in content


def test_start_page_query_count_does_not_grow_with_notices(
    client, demo_content, django_assert_max_num_queries, no_page_cache
):
    from tests.pages.factories import NoticeFactory

    NoticeFactory.create_batch(15)
    # Page, notices, hidden pages; the programme card; general contacts with their towns.
    with django_assert_max_num_queries(6):
        response = client.get("/de/")
    assert response.content.decode().count('class="notice"') == 15


def test_legal_page_query_count_is_fixed(
    client, demo_content, django_assert_max_num_queries, no_page_cache
):
    with django_assert_max_num_queries(3):
        assert client.get("/fa/gebaerdensprache/").status_code == 200


@pytest.mark.parametrize(
    ("code", "expected"),
    [("de", "31. Oktober"), ("en", "31 October"), ("ru", "31 октября"), ("uk", "31 жовтня")],
)
def test_day_and_month_are_written_as_each_language_does(code, expected):
    import datetime

    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override(code):
        assert date_format(datetime.date(2027, 10, 31), "MONTH_DAY_FORMAT") == expected


def test_language_switcher_keeps_the_query_of_the_page(client, demo_content):
    content = client.get("/ar/ansprechpersonen/?q=04552&x=1").content.decode()
    assert 'href="/de/ansprechpersonen/?q=04552&amp;x=1" lang="de"' in content
    assert 'hreflang="en" href="http://testserver/en/ansprechpersonen/?q=04552&amp;x=1"' in content


def test_language_switcher_on_a_missing_page_leads_to_each_start_page(client, demo_content):
    content = client.get("/ar/gibt-es-nicht/").content.decode()
    assert 'href="/de/" lang="de" hreflang="de"' in content
    assert 'href="/fa/" lang="fa" hreflang="fa"' in content
