"""XLIFF round trips for translation agencies: export, check, preview, import."""

import re
from xml.etree import ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import Notice, Page
from tests.pages.factories import NoticeFactory, PageFactory
from translations.status import COMPLETE, object_status
from translations.xliff import NS, export_xliff, plan_import

X = f"{{{NS}}}"


@pytest.fixture
def page(db):
    return PageFactory(
        key=Page.Key.PRIVACY,
        title_de="Datenschutz",
        summary_de="",
        body_de="<p>Wir speichern <strong>keine</strong> Cookies.</p>",
        title_en="Privacy",
    )


def units(data):
    root = ET.fromstring(data)
    return {u.get("id"): u for u in root.iter(f"{X}trans-unit")}


def translate(data, language, texts):
    """What a translation tool does: fill the targets of the given units."""
    root = ET.fromstring(data)
    for unit in root.iter(f"{X}trans-unit"):
        if unit.get("id") in texts:
            unit.find(f"{X}target").text = texts[unit.get("id")]
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def uid(obj, field):
    return f"{obj._meta.app_label}.{obj._meta.model_name}.{obj.pk}.{field}"


def test_export_is_valid_xliff_with_stable_ids_sources_and_notes(page):
    data = export_xliff("ar")
    root = ET.fromstring(data)
    assert root.tag == f"{X}xliff" and root.get("version") == "1.2"
    file_el = root.find(f"{X}file")
    assert (file_el.get("source-language"), file_el.get("target-language")) == ("de", "ar")
    found = units(data)
    body = found[uid(page, "body")]
    assert body.find(f"{X}source").text == page.body_de
    assert body.find(f"{X}target").get("state") == "needs-translation"
    assert "/de/datenschutz/" in body.find(f"{X}note").text
    assert export_xliff("ar") == data


def test_export_of_missing_work_leaves_out_complete_translations(page):
    assert uid(page, "title") not in units(export_xliff("en"))
    assert uid(page, "body") in units(export_xliff("en"))
    everything = units(export_xliff("en", everything=True))
    assert everything[uid(page, "title")].find(f"{X}target").text == "Privacy"


def test_round_trip_shows_the_new_text_on_the_site(page, client):
    data = translate(
        export_xliff("ar"),
        "ar",
        {
            uid(page, "title"): "الخصوصية",
            uid(page, "body"): "<p>لا نحفظ <strong>أي</strong> ملفات.</p>",
        },
    )
    plan = plan_import(data, language="ar")
    assert plan.ok and len(plan.changes) == 2
    from translations.xliff import apply_import

    assert apply_import(plan) == 2
    page.refresh_from_db()
    assert object_status(page, "ar") == (COMPLETE, {})
    content = client.get("/ar/datenschutz/").content.decode()
    assert "<h1>الخصوصية</h1>" in content
    assert "<p>لا نحفظ <strong>أي</strong> ملفات.</p>" in content


def test_script_in_a_target_is_sanitised(page):
    data = translate(
        export_xliff("fa"),
        "fa",
        {
            uid(page, "body"): '<p onmouseover="x()">متن<script>alert(1)</script></p>',
        },
    )
    plan = plan_import(data, language="fa")
    assert plan.changes[0].new == "<p>متن</p>"


def test_wrong_target_language_changes_nothing(page):
    data = translate(export_xliff("ar"), "ar", {uid(page, "title"): "الخصوصية"})
    plan = plan_import(data, language="fa")
    assert not plan.ok
    assert "gewählt wurde" in plan.errors[0]


def test_file_exported_before_the_pages_app_existed_still_imports(page):
    old_id = f"integration_site.page.{page.pk}.title"
    data = export_xliff("ar").replace(
        f'id="{uid(page, "title")}"'.encode(), f'id="{old_id}"'.encode()
    )
    data = translate(data, "ar", {old_id: "الخصوصية"})
    plan = plan_import(data, language="ar")
    assert plan.ok, plan.errors
    assert [(change.obj, change.field) for change in plan.changes] == [(page, "title")]


def test_unknown_unit_is_an_error_and_nothing_is_applied(page):
    data = export_xliff("ar").replace(
        f'id="{uid(page, "title")}"'.encode(), b'id="pages.page.99999.title"'
    )
    data = translate(data, "ar", {"pages.page.99999.title": "x", uid(page, "body"): "<p>نص</p>"})
    plan = plan_import(data, language="ar")
    assert not plan.ok
    assert any("99999" in e for e in plan.errors)


def test_unit_whose_german_source_changed_is_reported_not_applied(page):
    data = translate(
        export_xliff("ar"), "ar", {uid(page, "title"): "الخصوصية", uid(page, "body"): "<p>نص</p>"}
    )
    page.title_de = "Datenschutzerklärung"
    page.save()
    plan = plan_import(data, language="ar")
    assert plan.ok
    assert plan.stale == [uid(page, "title")]
    assert [c.field for c in plan.changes] == ["body"]


@pytest.mark.parametrize(
    "data",
    [
        b"<xliff version='1.2'><file>",
        b"kein XML",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>',
    ],
)
def test_malformed_or_foreign_files_are_rejected(db, data):
    plan = plan_import(data, language="ar")
    assert not plan.ok and plan.errors


def test_commands_export_and_import(page, tmp_path, capsys):
    path = tmp_path / "ar.xlf"
    call_command("export_xliff", "--language", "ar", "--output", str(path))
    path.write_bytes(translate(path.read_bytes(), "ar", {uid(page, "title"): "الخصوصية"}))
    call_command("import_xliff", str(path), "--dry-run")
    page.refresh_from_db()
    assert page.title_ar is None
    call_command("import_xliff", str(path), "--language", "ar")
    page.refresh_from_db()
    assert page.title_ar == "الخصوصية"


def test_import_command_fails_on_a_bad_file_and_changes_nothing(page, tmp_path):
    path = tmp_path / "bad.xlf"
    path.write_bytes(b"<xliff")
    with pytest.raises(CommandError):
        call_command("import_xliff", str(path))


def test_admin_overview_counts_missing_and_outdated(editor_client, page):
    NoticeFactory(title_de="Hinweis", text_de="<p>Text</p>", title_en="Notice")
    content = editor_client.get("/admin/uebersetzungen/").content.decode()
    assert "Stand der Übersetzungen" in content
    assert re.search(r"1 fehlen, 0 veraltet", content)
    detail = editor_client.get("/admin/uebersetzungen/en/").content.decode()
    assert "Datenschutz" in detail and "Hinweis" in detail


def test_admin_export_download(editor_client, page):
    response = editor_client.get("/admin/uebersetzungen/export/", {"language": "uk"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="kfi-uk-offen.xlf"'
    assert uid(page, "body") in units(response.content)


def test_admin_import_previews_then_applies(editor_client, page):
    data = translate(export_xliff("tr"), "tr", {uid(page, "title"): "Gizlilik"})
    upload = SimpleUploadedFile("tr.xlf", data, content_type="application/xml")
    preview = editor_client.post(
        "/admin/uebersetzungen/import/", {"language": "tr", "file": upload}
    )
    assert preview.status_code == 200
    content = preview.content.decode()
    assert "Gizlilik" in content
    page.refresh_from_db()
    assert page.title_tr is None
    token = re.search(r'name="token" value="([^"]+)"', content).group(1)
    response = editor_client.post("/admin/uebersetzungen/import/uebernehmen/", {"token": token})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title_tr == "Gizlilik"


def test_admin_import_of_a_bad_file_shows_each_problem_and_changes_nothing(editor_client, page):
    before = list(Notice.objects.values()), list(Page.objects.values())
    upload = SimpleUploadedFile("x.xlf", b"<xliff version='1.2'", content_type="application/xml")
    response = editor_client.post(
        "/admin/uebersetzungen/import/", {"language": "ar", "file": upload}
    )
    assert "kein wohlgeformtes XML" in response.content.decode()
    assert (list(Notice.objects.values()), list(Page.objects.values())) == before


def test_translation_pages_need_a_staff_login(client, db):
    response = client.get("/admin/uebersetzungen/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_unit_id_with_a_non_ascii_digit_is_unknown_not_a_crash(page):
    data = export_xliff("ar").replace(
        f'id="{uid(page, "title")}"'.encode(), 'id="pages.page.².title"'.encode()
    )
    plan = plan_import(data, language="ar")
    assert not plan.ok
    assert any("pages.page.².title" in e for e in plan.errors)


def test_target_longer_than_its_field_is_reported_and_nothing_is_applied(page):
    data = translate(
        export_xliff("ar", everything=True),
        "ar",
        {
            uid(page, "title"): "ع" * 201,
            uid(page, "body"): "<p>نص</p>",
        },
    )
    plan = plan_import(data, language="ar")
    assert not plan.ok
    assert [e for e in plan.errors if uid(page, "title") in e and "200" in e]


def test_translation_pages_need_change_rights_on_all_content(client, django_user_model, db):
    user = django_user_model.objects.create_user(
        "praktikant", password="pw-for-tests-only", is_staff=True
    )
    client.force_login(user)
    assert client.get("/admin/uebersetzungen/").status_code == 403
    assert client.get("/admin/uebersetzungen/export/", {"language": "ar"}).status_code == 403


def test_unknown_language_in_the_translation_overview_is_not_found(editor_client):
    assert editor_client.get("/admin/uebersetzungen/xx/").status_code == 404


def test_admin_import_applies_a_utf16_file_exactly_as_previewed(editor_client, page):
    data = translate(export_xliff("ar"), "ar", {uid(page, "title"): "الخصوصية"})
    utf16 = data.decode().replace("encoding='utf-8'", "encoding='utf-16'", 1).encode("utf-16")
    upload = SimpleUploadedFile("ar.xlf", utf16, content_type="application/xml")
    preview = editor_client.post(
        "/admin/uebersetzungen/import/", {"language": "ar", "file": upload}
    ).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', preview).group(1)
    editor_client.post("/admin/uebersetzungen/import/uebernehmen/", {"token": token})
    page.refresh_from_db()
    assert page.title_ar == "الخصوصية"


def test_admin_export_with_nothing_open_says_so_instead_of_sending_an_empty_file(
    editor_client, page
):
    for code in ("en", "ar"):
        setattr(page, f"title_{code}", "x")
        setattr(page, f"body_{code}", "<p>x</p>")
    page.save()
    response = editor_client.get("/admin/uebersetzungen/export/", {"language": "ar"}, follow=True)
    assert "Content-Disposition" not in response
    assert response.redirect_chain == [("/admin/uebersetzungen/", 302)]
    assert (
        "Für Arabisch fehlt nichts und nichts ist veraltet – es gibt nichts zu exportieren."
        in response.content.decode()
    )
    everything = editor_client.get(
        "/admin/uebersetzungen/export/", {"language": "ar", "everything": "on"}
    )
    assert everything["Content-Disposition"] == 'attachment; filename="kfi-ar-alle.xlf"'
    assert uid(page, "title") in units(everything.content)


def test_export_command_with_nothing_open_writes_no_file(page, tmp_path, capsys):
    page.title_ar, page.body_ar = "الخصوصية", "<p>نص</p>"
    page.save()
    path = tmp_path / "ar.xlf"
    call_command("export_xliff", "--language", "ar", "--output", str(path))
    assert not path.exists()
    captured = capsys.readouterr()
    assert "Für Arabisch fehlt nichts" in captured.err
    call_command("export_xliff", "--language", "ar")
    assert capsys.readouterr().out == ""


def test_admin_import_preview_names_content_fields_and_language_in_german(editor_client, page):
    data = translate(
        export_xliff("ar"), "ar", {uid(page, "title"): "الخصوصية", uid(page, "body"): "<p>نص</p>"}
    )
    page.body_de = "<p>Wir speichern nichts.</p>"
    page.save()
    upload = SimpleUploadedFile("ar.xlf", data, content_type="application/xml")
    content = editor_client.post(
        "/admin/uebersetzungen/import/", {"language": "ar", "file": upload}
    ).content.decode()
    assert "1 Text wird auf Arabisch geändert." in content
    assert f"Seite „{page}“, Feld „Überschrift“" in content
    # The text whose German source changed is named the same way, not by its unit id.
    assert f"Seite „{page}“, Feld „Text“" in content.split("inzwischen geändert")[1]
    assert uid(page, "body") not in content
    assert "– title<" not in content and ">ar<" not in content


def test_admin_import_of_another_language_names_both_languages_in_german(editor_client, page):
    data = translate(export_xliff("en"), "en", {uid(page, "body"): "<p>No cookies.</p>"})
    upload = SimpleUploadedFile("en.xlf", data, content_type="application/xml")
    content = editor_client.post(
        "/admin/uebersetzungen/import/", {"language": "tr", "file": upload}
    ).content.decode()
    assert "Die Datei enthält Texte auf Englisch, gewählt wurde Türkisch." in content
    assert "„en“" not in content and "„tr“" not in content


def test_import_of_a_file_from_another_source_language_names_it(db):
    data = export_xliff("ar").replace(b'source-language="de"', b'source-language="en"')
    plan = plan_import(data, language="ar")
    assert plan.errors == ["Die Ausgangssprache der Datei ist Englisch, erwartet wird Deutsch."]
    plan = plan_import(data.replace(b'target-language="ar"', b'target-language="xx"'))
    assert "Die Zielsprache „xx“ wird auf der Website nicht angeboten." in plan.errors


def test_open_translations_link_to_the_change_page_in_that_language(editor_client, page):
    content = editor_client.get("/admin/uebersetzungen/ar/").content.decode()
    assert f'href="/admin/pages/page/{page.pk}/change/#sprache-ar"' in content


def test_checking_an_import_runs_the_same_queries_for_few_and_many_texts(
    editor_client, django_assert_max_num_queries
):
    """The preview loads the texts a file names a model at a time, not one query per unit."""

    def preview(notices):
        data = translate(
            export_xliff("uk"),
            "uk",
            {uid(notice, field): f"Текст {notice.pk}" for notice in notices for field in FIELDS},
        )
        upload = SimpleUploadedFile("uk.xlf", data, content_type="application/xml")
        return editor_client.post(
            "/admin/uebersetzungen/import/", {"language": "uk", "file": upload}
        )

    FIELDS = ("title", "text")
    few = NoticeFactory.create_batch(2)
    with CaptureQueriesContext(connection) as queries:
        response = preview(few)
    assert response.content.decode().count("Текст ") >= 4
    many = few + NoticeFactory.create_batch(600)
    with django_assert_max_num_queries(len(queries)):
        response = preview(many)
    assert f"Текст {many[-1].pk}" in response.content.decode()


def test_a_unit_id_with_too_many_digits_is_unknown_not_a_crash(page):
    data = export_xliff("ar").replace(
        f'id="{uid(page, "title")}"'.encode(), f'id="pages.page.{"9" * 30}.title"'.encode()
    )
    plan = plan_import(data, language="ar")
    assert not plan.ok
    assert any("9" * 30 in e for e in plan.errors)
