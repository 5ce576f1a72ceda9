"""Editors format text with the toolbar, never with HTML; what they format reaches readers."""

import re

import pytest
from django.apps import apps
from django.test import Client
from playwright.sync_api import expect

from core.richtext import RichTextField, editor_keeps, sanitize_html
from pages.models import Page
from tests.browser.test_admin_tabs import _log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_imprint(page, live_server, editor):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    _log_in(page, live_server, editor)
    imprint = Page.objects.get(key=Page.Key.IMPRINT)
    page.goto(f"/admin/pages/page/{imprint.pk}/change/")
    page.locator(".field-body_de .ProseMirror").wait_for()
    return imprint, errors


def _press(toolbar, name):
    """A toolbar button, then wait until the typing goes back to the text."""
    toolbar.get_by_role("button", name=name).click()
    expect(toolbar.locator("xpath=following-sibling::div[@contenteditable]")).to_be_focused()
    _settle(toolbar.page)


def _settle(page):
    # The editor reads a moved selection back in an animation frame; typing before that
    # would still act on the old selection.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r)))")


def _select_back(page, characters):
    for _ in range(characters):
        page.keyboard.press("Shift+ArrowLeft")
    _settle(page)


def test_editor_writes_heading_bold_list_link_and_german_text_without_html(
    page, live_server, editor, demo_content
):
    imprint, errors = _open_imprint(page, live_server, editor)
    row = page.locator(".field-body_de")
    toolbar = row.locator(".prose-menubar")
    row.locator(".ProseMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")

    _press(toolbar, "Überschrift (Ebene 2)")
    page.keyboard.type("Sprechzeiten")
    page.keyboard.press("Enter")
    page.keyboard.type("Beratung ")
    _press(toolbar, "Fett")
    page.keyboard.type("dienstags")
    _press(toolbar, "Fett")
    page.keyboard.type(" im Amt")
    _select_back(page, 3)
    _press(toolbar, "Deutscher Text")
    page.keyboard.press("End")
    _settle(page)
    page.keyboard.press("Enter")
    _press(toolbar, "Aufzählung")
    page.keyboard.type("Erster Punkt")
    page.keyboard.press("Enter")
    page.keyboard.type("Zweiter Punkt")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Mehr beim Landkreis")
    _select_back(page, 9)
    toolbar.get_by_role("button", name="Link einfügen oder bearbeiten").click()
    page.get_by_label("Adresse (URL)").fill("https://www.landkreisleipzig.de/")
    page.get_by_role("button", name="Übernehmen").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    assert page.locator(".messagelist .success").count() == 1

    imprint.refresh_from_db()
    assert "&lt;" not in imprint.body_de, imprint.body_de
    public = Client().get("/de/impressum/").content.decode()
    assert "<h2>Sprechzeiten</h2>" in public
    assert "<strong>dienstags</strong>" in public
    assert '<span lang="de">Amt</span>' in public
    assert re.search(r"<ul><li><p>Erster Punkt</p></li><li><p>Zweiter Punkt</p></li></ul>", public)
    assert '<a href="https://www.landkreisleipzig.de/" rel="noopener">Landkreis</a>' in public
    assert errors == []
    assert page.foreign_requests == []


def test_every_toolbar_button_has_a_german_name(page, live_server, editor, demo_content):
    _open_imprint(page, live_server, editor)
    names = page.locator(".field-body_de .prose-menubar button").evaluate_all(
        "buttons => buttons.map(b => [b.getAttribute('aria-label'), b.title])"
    )
    assert len(names) >= 12
    english = re.compile(
        r"\b(heading|paragraph|list|bold|italic|insert|remove|undo|redo|quote)\b", re.I
    )
    assert [n for n in names if not n[0] or n[0] != n[1] or english.search(n[0])] == []


def test_arabic_tab_edits_right_to_left_and_marks_german_left_to_right(
    page, live_server, editor, demo_content
):
    imprint, errors = _open_imprint(page, live_server, editor)
    page.get_by_role("button", name="العربية").click()
    area = page.locator(".field-body_ar .ProseMirror")
    assert area.is_visible()
    assert area.get_attribute("dir") == "rtl"
    assert area.get_attribute("lang") == "ar"
    german_area = page.locator(".field-body_de .ProseMirror")
    assert german_area.get_attribute("dir") == "ltr"
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.field-body_ar h2')).textAlign"
    ) in (
        "start",
        "right",
    )

    area.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type("مكتب")
    page.keyboard.press("Enter")
    page.keyboard.type("Landratsamt")
    page.keyboard.press("Shift+Home")
    _settle(page)
    _press(page.locator(".field-body_ar .prose-menubar"), "Deutscher Text")
    with page.expect_navigation():
        page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    imprint.refresh_from_db()
    assert imprint.body_ar == '<p>مكتب</p><p><span lang="de" dir="ltr">Landratsamt</span></p>'
    assert errors == []


BLOCKS = r"(?:p|h2|h3|h4|ul|ol|li|blockquote|address)"


def _readers_view(html):
    """The HTML as readers get it, without layout whitespace between blocks."""
    html = re.sub(rf"\s*(</?{BLOCKS}\b[^>]*>)\s*", r"\1", sanitize_html(html))
    # The editor puts a list item's text in a paragraph; site.css spaces both alike.
    html = re.sub(r"<li([^>]*)><p>(.*?)</p></li>", r"<li\1>\2</li>", html)
    return re.sub(r"\s+", " ", html)


def test_demo_rich_text_survives_the_editor_unchanged(page, live_server, editor, demo_content):
    values = []
    for model in apps.get_models():
        fields = [f for f in model._meta.get_fields() if isinstance(f, RichTextField)]
        fields = [f for f in fields if getattr(f, "language", None)]
        for obj in model._base_manager.all():
            values += [getattr(obj, f.attname) for f in fields if getattr(obj, f.attname)]
    kept = [value for value in values if editor_keeps(value)]
    assert len(values) > 100
    # The demo uses only what the editor writes, so every text opens in the editor.
    assert kept == values

    _open_imprint(page, live_server, editor)
    written = page.evaluate(
        """async (values) => {
            const config = JSON.parse(document.querySelector("#id_body_de")
                .getAttribute("data-django-prose-editor-configurable"));
            const { createEditor } = await import("django-prose-editor/configurable");
            const results = [];
            for (const value of values) {
                const textarea = document.createElement("textarea");
                textarea.value = value;
                document.body.append(textarea);
                const editor = await createEditor(textarea, config);
                results.push(editor.getHTML());
                editor.destroy();
                textarea.remove();
            }
            return results;
        }""",
        kept,
    )
    changed = [
        (before, after)
        for before, after in zip(kept, written, strict=True)
        if _readers_view(before) != _readers_view(after)
    ]
    assert changed == []
