from django.utils import translation
from django_prose_editor.config import allowlist_from_extensions

from core.prose import EDITOR_EXTENSIONS
from core.richtext import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EDITOR_ATTRIBUTES,
    EDITOR_TAGS,
    HTML_ONLY_ATTRIBUTES,
    HTML_ONLY_TAGS,
    URL_SCHEMES,
    editor_keeps,
    sanitize_html,
)
from pages.models import Page


def test_saving_while_another_language_is_active_copies_no_german_into_it(db):
    with translation.override("fa"):
        page = Page(key=Page.Key.IMPRINT, title_de="Impressum", body_de="<p>Nur Deutsch</p>")
        page.save()
    page.refresh_from_db()
    assert page.body_fa is None
    assert page.body_de == "<p>Nur Deutsch</p>"


def test_translation_fields_are_sanitised_on_save(db):
    page = Page.objects.create(
        key=Page.Key.IMPRINT,
        title_de="Impressum",
        body_ar="<p>نص<script>alert(1)</script></p><img src=x onerror=y>",
    )
    assert page.body_ar == "<p>نص</p>"
    page.refresh_from_db()
    assert page.body_ar == "<p>نص</p>"


# What the editor writes that the sanitiser drops on purpose; readers see the same text.
EDITOR_ATTRIBUTES_DROPPED = {
    # The sanitiser sets rel="noopener" on every link itself.
    "a": {"rel"},
    # Numbering style and start: the editor's list settings are switched off.
    "ol": {"start", "type", "data-type"},
}


def test_editor_writes_exactly_the_editor_part_of_what_the_sanitiser_keeps():
    allowlist = allowlist_from_extensions(EDITOR_EXTENSIONS)
    assert allowlist["tags"] == EDITOR_TAGS
    written = {tag: set(names) for tag, names in allowlist["attributes"].items() if names}
    expected = {
        tag: EDITOR_ATTRIBUTES.get(tag, set()) | EDITOR_ATTRIBUTES_DROPPED.get(tag, set())
        for tag in EDITOR_ATTRIBUTES.keys() | EDITOR_ATTRIBUTES_DROPPED.keys()
    }
    assert written == expected
    assert allowlist["url_schemes"] == URL_SCHEMES


def test_sanitiser_keeps_the_editor_part_and_the_html_only_part_and_nothing_else():
    assert EDITOR_TAGS.isdisjoint(HTML_ONLY_TAGS)
    assert ALLOWED_TAGS == EDITOR_TAGS | HTML_ONLY_TAGS
    for tag, names in ALLOWED_ATTRIBUTES.items():
        assert names == EDITOR_ATTRIBUTES.get(tag, set()) | HTML_ONLY_ATTRIBUTES.get(tag, set())


def test_everything_the_editor_writes_survives_the_sanitiser():
    html = (
        '<h2>Ü</h2><h3>Ü</h3><h4>Ü</h4><p lang="de" dir="ltr">a<br><strong>b</strong>'
        '<em>c</em> <span lang="de">Amt</span> <span lang="de" dir="ltr">Amt</span> '
        '<a href="https://example.org" title="t" rel="noopener">d</a></p>'
        '<ul><li lang="de" dir="ltr"><p>e</p></li></ul><ol><li><p>f</p></li></ol>'
        "<blockquote><p>g</p></blockquote><address>h<br>i</address>"
    )
    assert sanitize_html(html) == html
    assert editor_keeps(html)


def test_what_the_editor_writes_but_the_sanitiser_drops_is_only_presentation():
    html = '<ol start="3" type="1" data-type="decimal"><li><p>x</p></li></ol>'
    assert sanitize_html(html) == "<ol><li><p>x</p></li></ol>"


def test_markup_the_editor_cannot_keep_is_noticed():
    assert editor_keeps('<p><a href="mailto:a@b.de" rel="noopener">a@b.de</a></p>')
    assert editor_keeps("")
    assert not editor_keeps("<table><tr><td>1</td></tr></table>")
    assert not editor_keeps('<p><abbr title="Portable Document Format">PDF</abbr></p>')
    assert not editor_keeps('<p><a href="/en/" hreflang="en">English</a></p>')
    assert not editor_keeps("<p><b>alt</b></p>")
