"""Rich-text fields in the admin: the editor in every language tab, HTML kept safe."""

import base64
import hashlib
import re

from pages.models import Page
from tests.pages.factories import NoticeFactory

CONFIG = "data-django-prose-editor-configurable"


def _textarea(content, name):
    return re.search(rf'<textarea name="{name}"[^>]*>', content).group(0)


def _notice_data(notice, **fields):
    return {
        "title_de": notice.title_de,
        "text_de": notice.text_de,
        "published_on": notice.published_on.isoformat(),
        "is_published": "True",
        "order": "0",
        **fields,
    }


def test_every_language_tab_gets_the_editor_in_its_language_and_direction(editor_client):
    notice = NoticeFactory()
    content = editor_client.get(f"/admin/pages/notice/{notice.pk}/change/").content.decode()
    german, arabic, farsi = (_textarea(content, f"text_{code}") for code in ("de", "ar", "fa"))
    assert CONFIG in german and CONFIG in arabic
    assert 'lang="de"' in german and 'dir="ltr"' in german
    assert 'lang="ar"' in arabic and 'dir="rtl"' in arabic
    assert 'lang="fa"' in farsi and 'dir="rtl"' in farsi
    assert "core/js/prose_extensions.js" in content
    assert "/static/django_prose_editor/editor.js" in content


def test_the_editors_import_map_is_allowed_by_its_hash_and_nothing_else_inline(editor_client):
    notice = NoticeFactory()
    response = editor_client.get(f"/admin/pages/notice/{notice.pk}/change/")
    maps = re.findall(r'<script type="importmap">(.*?)</script>', response.content.decode(), re.S)
    assert len(maps) == 1
    digest = base64.b64encode(hashlib.sha256(maps[0].encode()).digest()).decode()
    script_src = re.search(r"script-src ([^;]*)", response.headers["Content-Security-Policy"])
    assert script_src.group(1) == f"'self' 'sha256-{digest}'"
    assert "unsafe-inline" not in script_src.group(1)


def test_public_pages_allow_no_inline_script(client, demo_content):
    response = client.get("/de/")
    assert "script-src 'self';" in response.headers["Content-Security-Policy"]


def test_text_the_editor_cannot_keep_is_edited_as_html_with_a_german_note(editor_client):
    notice = NoticeFactory(
        text_de="<table><caption>Zeiten</caption><tr><td>Mo</td></tr></table>",
        text_en="<p>Opening <strong>hours</strong></p>",
    )
    content = editor_client.get(f"/admin/pages/notice/{notice.pk}/change/").content.decode()
    assert CONFIG not in _textarea(content, "text_de")
    assert CONFIG in _textarea(content, "text_en")
    assert "Er wird deshalb als HTML bearbeitet." in content


def test_formatted_text_posted_without_javascript_is_sanitised_and_shown(
    editor_client, demo_content
):
    notice = NoticeFactory(title_de="Neu im Amt", is_highlighted=False)
    text = (
        '<h2>Sprechzeiten</h2><p onclick="x()">Im <span lang="de" style="color:red">Landratsamt'
        "</span> <strong>dienstags</strong><script>alert(1)</script></p><ul><li><p>a</p></li></ul>"
    )
    response = editor_client.post(
        f"/admin/pages/notice/{notice.pk}/change/", _notice_data(notice, text_de=text)
    )
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.text_de == (
        '<h2>Sprechzeiten</h2><p>Im <span lang="de">Landratsamt</span> '
        "<strong>dienstags</strong></p><ul><li><p>a</p></li></ul>"
    )
    public = editor_client.get("/de/").content.decode()
    assert '<span lang="de">Landratsamt</span>' in public


def test_saving_a_page_unchanged_keeps_its_rich_text(editor_client, demo_content):
    page = Page.objects.get(key=Page.Key.IMPRINT)
    before = page.body_ar
    content = editor_client.get(f"/admin/pages/page/{page.pk}/change/").content.decode()
    assert CONFIG in _textarea(content, "body_ar")
    data = {
        "key": page.key,
        "is_published": "True",
        "title_de": page.title_de,
        "summary_de": page.summary_de,
        "body_de": page.body_de,
        "title_ar": page.title_ar,
        "summary_ar": page.summary_ar,
        "body_ar": before,
        "videos-TOTAL_FORMS": "0",
        "videos-INITIAL_FORMS": "0",
        "videos-MIN_NUM_FORMS": "0",
        "videos-MAX_NUM_FORMS": "1000",
    }
    response = editor_client.post(f"/admin/pages/page/{page.pk}/change/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body_ar == before
