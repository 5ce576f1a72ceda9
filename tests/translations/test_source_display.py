"""Translators see the German text beside each translation field, and what changed in it."""

import datetime

import pytest
from django.core.management import call_command

from pages.models import Page, Video
from tests.pages.factories import PageFactory
from tests.site_urls import XHTML, parse_html
from tests.translations.test_status import post_page
from tests.translations.test_xliff import translate, uid
from translations.status import fingerprint, object_status, recorded_source
from translations.xliff import export_xliff

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(db):
    return PageFactory(
        key=Page.Key.PRIVACY,
        title_de="Hinweise zum Datenschutz",
        title_ar="الخصوصية",
        title_en="Privacy",
        summary_de="Was wir speichern.\nUnd was nicht.",
        body_de="<p>Wir speichern <strong>keine</strong> Cookies.</p><p>Fragen Sie uns.</p>",
        body_ar="<p>لا نخزن ملفات تعريف الارتباط.</p>",
    )


def change_form(client, obj):
    response = client.get(f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/")
    assert response.status_code == 200
    return parse_html(response.content.decode())[0]


def by_class(element, name):
    return [el for el in element.iter() if name in (el.get("class") or "").split()]


def field(document, name):
    """The element around the input called `name` and the German text shown with it."""
    (found,) = [
        wrapper
        for wrapper in by_class(document, "translation-field")
        if any(el.get("name") == name for el in wrapper.iter())
    ] or [None]
    return found


def source(document, name):
    """The German-text box shown with one input, or None."""
    wrapper = field(document, name)
    if wrapper is None:
        return None
    (box,) = by_class(wrapper, "translation-source")
    return box


def text(element):
    return " ".join("".join(element.itertext()).split())


def changes(box, element):
    return [text(el) for el in box.iter(f"{XHTML}{element}")]


def test_arabic_tab_shows_the_german_text_marked_as_german(editor_client, page):
    document = change_form(editor_client, page)
    title = source(document, "title_ar")
    assert title.get("lang") == "de"
    assert text(title) == "Deutscher Text Hinweise zum Datenschutz"
    assert source(document, "title_de") is None
    assert document.find(f".//{XHTML}input[@name='title_de']") is not None


def test_rich_text_is_rendered_and_plain_text_keeps_its_lines(editor_client, page):
    document = change_form(editor_client, page)
    body = source(document, "body_ar")
    (strong,) = body.iter(f"{XHTML}strong")
    assert strong.text == "keine"
    assert len(list(body.iter(f"{XHTML}p"))) == 1 + 2  # label and the two paragraphs
    summary = source(document, "summary_fa")
    assert len(list(summary.iter(f"{XHTML}br"))) == 1
    assert "Und was nicht." in text(summary)


def test_every_target_language_shows_the_german_text_even_without_a_translation(
    editor_client, page
):
    document = change_form(editor_client, page)
    for code in ("en", "ar", "fa", "uk", "ru", "tr", "es"):
        assert "Hinweise zum Datenschutz" in text(source(document, f"title_{code}"))
        assert not by_class(source(document, f"title_{code}"), "translation-source__outdated")


def test_changed_german_title_shows_the_arabic_translation_as_outdated_with_a_word_diff(
    editor_client, page
):
    post_page(editor_client, page, title_de="Erklärung zum Datenschutz")
    box = source(change_form(editor_client, page), "title_ar")
    assert "Erklärung zum Datenschutz" in text(box)
    (outdated,) = by_class(box, "translation-source__outdated")
    assert "Veraltet:" in text(outdated)
    assert changes(outdated, "del") == ["entfernt: Hinweise"]
    assert changes(outdated, "ins") == ["hinzugefügt: Erklärung"]
    assert "zum Datenschutz" in text(by_class(outdated, "translation-diff")[0])


def test_a_translation_saved_after_the_change_shows_no_diff(editor_client, page):
    post_page(editor_client, page, title_de="Erklärung zum Datenschutz")
    post_page(editor_client, page, title_ar="بيان الخصوصية")
    document = change_form(editor_client, page)
    assert not by_class(source(document, "title_ar"), "translation-source__outdated")
    # English was not saved again: it still shows what changed.
    assert changes(source(document, "title_en"), "del") == ["entfernt: Hinweise"]


def test_diff_of_rich_text_compares_the_words_not_the_markup(editor_client, page):
    post_page(
        editor_client,
        page,
        body_de="<p>Wir speichern <em>keine</em> Cookies.</p><p>Schreiben Sie uns.</p>",
    )
    (outdated,) = by_class(source(change_form(editor_client, page), "body_ar"), "translation-diff")
    assert changes(outdated, "del") == ["entfernt: Fragen"]
    assert changes(outdated, "ins") == ["hinzugefügt: Schreiben"]
    # Paragraphs are separate words: "Cookies." and "Fragen" do not run together.
    assert "Cookies. entfernt: Fragen" in text(outdated)
    assert not list(outdated.iter(f"{XHTML}em"))


def test_a_change_of_markup_only_is_named_as_such(editor_client, page):
    post_page(
        editor_client,
        page,
        body_de="<p>Wir speichern <em>keine</em> Cookies.</p><p>Fragen Sie uns.</p>",
    )
    box = source(change_form(editor_client, page), "body_ar")
    assert "nur Formatierung oder Links" in text(box)
    assert not list(box.iter(f"{XHTML}del"))


def test_long_unchanged_stretches_are_shortened(editor_client, page):
    words = " ".join(f"w{n}" for n in range(30))
    post_page(editor_client, page, title_de=f"Anfang {words} Ende", title_ar="عنوان")
    post_page(editor_client, page, title_de=f"Beginn {words} Schluss")
    box = source(change_form(editor_client, page), "title_ar")
    diff = text(by_class(box, "translation-diff")[0])
    assert diff == (
        "entfernt: Anfang hinzugefügt: Beginn w0 w1 w2 w3 w4 w5 w6 w7 … "
        "w22 w23 w24 w25 w26 w27 w28 w29 entfernt: Ende hinzugefügt: Schluss"
    )


def test_nothing_an_editor_typed_reaches_the_page_as_markup(editor_client, page):
    post_page(editor_client, page, title_de="Hinweise <b>fett</b> & <script>alert(1)</script>")
    box = source(change_form(editor_client, page), "title_ar")
    assert not list(box.iter(f"{XHTML}b"))
    assert not list(box.iter(f"{XHTML}script"))
    assert changes(box, "ins") == ["hinzugefügt: <b>fett</b> & <script>alert(1)</script>"]


def test_a_stored_text_with_markup_is_shown_as_words(editor_client, page):
    """Even a snapshot written by other means than our save shows no markup of its own."""
    sources = page.translation_sources
    sources["body"]["de"] = {sources["body"]["ar"]: '<p>Alt<img src=x onerror="alert(1)"></p>'}
    Page.objects.filter(pk=page.pk).update(translation_sources=sources, body_de="<p>Neu</p>")
    box = source(change_form(editor_client, page), "body_ar")
    assert not list(box.iter(f"{XHTML}img"))
    assert changes(box, "del") == ["entfernt: Alt"]
    assert changes(box, "ins") == ["hinzugefügt: Neu"]


def test_a_translation_recorded_without_its_german_text_says_it_is_unknown(editor_client, page):
    # As data written before the German texts were kept: fingerprints only.
    legacy = {"title": {"ar": fingerprint("Ein älterer Titel"), "en": fingerprint("Alt")}}
    Page.objects.filter(pk=page.pk).update(translation_sources=legacy)
    box = source(change_form(editor_client, page), "title_ar")
    assert "Der frühere deutsche Text ist nicht bekannt." in text(box)
    assert not list(box.iter(f"{XHTML}del"))


def test_editing_the_german_keeps_the_previous_text_for_translations_recorded_before(
    editor_client, page
):
    current = fingerprint(page.title_de)
    Page.objects.filter(pk=page.pk).update(translation_sources={"title": {"ar": current}})
    post_page(editor_client, page, title_de="Erklärung zum Datenschutz")
    assert recorded_source(page, "title", "ar") == "Hinweise zum Datenschutz"
    assert changes(source(change_form(editor_client, page), "title_ar"), "del") == [
        "entfernt: Hinweise"
    ]


def test_only_german_texts_a_translation_refers_to_are_kept(editor_client, page):
    post_page(editor_client, page, title_de="Zweiter Titel")
    post_page(editor_client, page, title_de="Dritter Titel")
    kept = page.translation_sources["title"]["de"]
    assert sorted(kept.values()) == ["Hinweise zum Datenschutz"]
    post_page(editor_client, page, title_ar="عنوان", title_en="Title")
    assert page.translation_sources["title"]["de"] == {
        fingerprint("Dritter Titel"): "Dritter Titel"
    }
    post_page(editor_client, page, title_ar="", title_en="")
    assert "de" not in page.translation_sources["title"]
    assert object_status(page, "ar")[1].get("title") == "missing"


def test_confirming_translations_records_the_current_german(editor_client, page):
    post_page(editor_client, page, title_de="Hinweise zum Datenschutz.")
    post_page(editor_client, page, confirm_translations=["ar", "en"])
    assert page.translation_sources["title"]["de"] == {
        fingerprint("Hinweise zum Datenschutz."): "Hinweise zum Datenschutz."
    }
    assert not by_class(source(change_form(editor_client, page), "title_ar"), "translation-diff")


def test_xliff_import_records_the_german_text_it_was_translated_from(page, tmp_path):
    data = translate(export_xliff("fa"), "fa", {uid(page, "title"): "حریم خصوصی"})
    path = tmp_path / "fa.xlf"
    path.write_bytes(data)
    call_command("import_xliff", str(path), verbosity=0)
    page.refresh_from_db()
    assert page.title_fa == "حریم خصوصی"
    assert recorded_source(page, "title", "fa") == "Hinweise zum Datenschutz"


def test_after_a_failed_save_the_saved_german_is_shown(editor_client, page):
    data = {
        "key": Page.Key.IMPRINT,  # an invalid choice for the page
        "title_de": "Ungespeicherter Titel",
        "videos-TOTAL_FORMS": "0",
        "videos-INITIAL_FORMS": "0",
        "videos-MIN_NUM_FORMS": "0",
        "videos-MAX_NUM_FORMS": "1000",
    }
    PageFactory(key=Page.Key.IMPRINT)
    response = editor_client.post(f"/admin/pages/page/{page.pk}/change/", data)
    assert response.status_code == 200
    document = parse_html(response.content.decode())[0]
    assert by_class(document, "errornote")
    box = source(document, "title_ar")
    assert "Hinweise zum Datenschutz" in text(box)
    assert "Ungespeichert" not in text(box)


def test_inline_translation_fields_show_their_german_text_too(editor_client, page):
    Video.objects.create(
        page=page,
        title_de="Gebärdensprache: Über uns",
        file="videos/x.mp4",
        duration=datetime.timedelta(minutes=3),
    )
    document = change_form(editor_client, page)
    boxes = [
        box
        for box in by_class(document, "translation-source")
        if "Gebärdensprache: Über uns" in text(box)
    ]
    assert len(boxes) == 7


def test_change_form_queries_do_not_grow_with_the_german_texts(
    editor_client, page, django_assert_max_num_queries
):
    post_page(editor_client, page, title_de="Erklärung zum Datenschutz", body_de="<p>Neu</p>")
    for number in range(3):
        Video.objects.create(
            page=page,
            title_de=f"Video {number}",
            title_ar="فيديو",
            file="videos/x.mp4",
            duration=datetime.timedelta(minutes=3),
        )
    # Session, user, page, permissions (2), videos, the sidebar's check, the history's
    # savepoint pair, the menu's page windows (cached after the first request): everything
    # shown comes from the rows already loaded.
    with django_assert_max_num_queries(10):
        document = change_form(editor_client, page)
    assert len(by_class(document, "translation-source")) == 7 * (3 + 3)


def test_headings_of_the_german_text_do_not_become_headings_of_the_form(editor_client, page):
    post_page(editor_client, page, body_de="<h2>Cookies</h2><p>Wir speichern keine.</p>")
    document = change_form(editor_client, page)
    body = source(document, "body_ar")
    assert not [el for el in body.iter() if el.tag in (f"{XHTML}h2", f"{XHTML}h3")]
    (heading,) = by_class(body, "translation-source__heading")
    assert heading.text == "Cookies"
