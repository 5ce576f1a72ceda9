"""Editors keep pages and notices current in the admin; readers see the result."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone

from core.editors import EDITOR_GROUP
from pages.models import Notice, Page
from tests.pages.factories import NoticeFactory, PageFactory


def test_editor_group_has_content_permissions_but_no_user_management(db):
    group = Group.objects.get(name=EDITOR_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_page", "add_notice", "change_notice", "delete_notice"} <= codenames
    assert not group.permissions.filter(content_type__app_label="auth").exists()
    assert Permission.objects.filter(codename="add_user").exists()


def test_admin_speaks_german_to_an_english_browser(editor_client):
    response = editor_client.get("/admin/", headers={"accept-language": "en"})
    assert response.status_code == 200
    assert "Inhalte pflegen" in response.content.decode()


def test_editor_edits_a_page_and_unsafe_html_is_removed(editor_client, demo_content):
    page = Page.objects.get(key=Page.Key.IMPRINT)
    data = {
        "key": page.key,
        "is_published": "True",
        "title_de": "Impressum neu",
        "summary_de": "",
        "body_de": '<p onclick="alert(1)">Hallo <script>alert(1)</script><a href="javascript:x">'
        "Link</a></p>",
        "title_en": "Legal notice",
        "body_en": "<p>Hello</p>",
        "videos-TOTAL_FORMS": "0",
        "videos-INITIAL_FORMS": "0",
        "videos-MIN_NUM_FORMS": "0",
        "videos-MAX_NUM_FORMS": "1000",
    }
    response = editor_client.post(f"/admin/pages/page/{page.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.title_de == "Impressum neu"
    assert "script" not in page.body_de
    assert "onclick" not in page.body_de
    assert "javascript" not in page.body_de
    assert "Hallo" in page.body_de
    public = editor_client.get("/en/impressum/").content.decode()
    assert "Legal notice" in public


def test_admin_tabs_script_is_served_from_our_origin(editor_client, demo_content):
    page = Page.objects.get(key=Page.Key.IMPRINT)
    content = editor_client.get(f"/admin/pages/page/{page.pk}/change/").content.decode()
    assert "admin/js/translation_tabs.js" in content
    assert "googleapis" not in content
    assert "mt-field-title-ar" in content


def test_fixed_pages_cannot_be_deleted(editor_client, demo_content):
    page = Page.objects.get(key=Page.Key.PRIVACY)
    response = editor_client.get(f"/admin/pages/page/{page.pk}/delete/")
    assert response.status_code == 403


def test_draft_expired_and_future_notices_are_hidden(client, demo_content):
    now = timezone.now()
    NoticeFactory(title_de="Sichtbar")
    NoticeFactory(title_de="Ausgeschaltet", is_published=False)
    NoticeFactory(title_de="Abgelaufen", visible_until=now - datetime.timedelta(minutes=1))
    NoticeFactory(title_de="Zukunft", visible_from=now + datetime.timedelta(days=3))
    content = client.get("/de/").content.decode()
    assert "Sichtbar" in content
    for hidden in ("Ausgeschaltet", "Abgelaufen", "Zukunft"):
        assert hidden not in content


def test_only_the_first_highlighted_notice_becomes_the_banner(client, demo_content):
    Notice.objects.all().delete()
    NoticeFactory(title_de="Erster Banner", is_highlighted=True, order=1)
    NoticeFactory(title_de="Zweiter Banner", is_highlighted=True, order=2)
    content = client.get("/de/").content.decode()
    assert content.count('role="region"') == 1
    banner_start = content.index('class="banner"')
    assert content.index("Erster Banner") > banner_start
    assert content.index("Zweiter Banner") > content.index("Aktuelle Hinweise")


def test_notice_dates_are_machine_readable_and_localised(client, demo_content):
    NoticeFactory(title_de="Datiert", published_on=datetime.date(2026, 3, 5))
    assert '<time datetime="2026-03-05">5. März 2026</time>' in client.get("/de/").content.decode()


def test_untranslated_content_falls_back_to_german_marked_as_german(client, db):
    PageFactory(key=Page.Key.PRIVACY, title_de="Datenschutzerklärung", body_de="<p>Nur deutsch</p>")
    content = client.get("/ar/datenschutz/").content.decode()
    assert '<h1><span lang="de" dir="ltr">Datenschutzerklärung</span></h1>' in content
    assert '<div lang="de" dir="ltr" class="fallback"><p>Nur deutsch</p></div>' in content
    assert 'class="fallback-note"' in content


def test_translated_content_is_not_marked_as_german(client, db):
    PageFactory(
        key=Page.Key.PRIVACY,
        title_de="Datenschutz",
        title_en="Privacy",
        body_de="<p>de</p>",
        body_en="<p>en</p>",
    )
    content = client.get("/en/datenschutz/").content.decode()
    assert "<h1>Privacy</h1>" in content
    assert "fallback-note" not in content


def test_load_demo_twice_changes_nothing(db):
    call_command("load_demo", verbosity=0)
    before = {m: list(m.objects.order_by("pk").values()) for m in (Page, Notice)}
    call_command("load_demo", verbosity=0)
    after = {m: list(m.objects.order_by("pk").values()) for m in (Page, Notice)}
    assert before == after
    assert Page.objects.count() == len(Page.Key.values)


def test_load_demo_creates_the_demo_editor_once(db, django_user_model):
    call_command("load_demo", "--editor-password", "demo-pass-123", verbosity=0)
    call_command("load_demo", "--editor-password", "other", verbosity=0)
    editor = django_user_model.objects.get(username="redaktion")
    assert editor.check_password("demo-pass-123")
    assert editor.groups.filter(name=EDITOR_GROUP).exists()
    assert not editor.is_superuser


def _page_form(page, **extra):
    data = {
        "key": page.key,
        "is_published": "True",
        "title_de": page.title_de,
        "summary_de": page.summary_de or "",
        "body_de": page.body_de or "",
        "videos-TOTAL_FORMS": "1",
        "videos-INITIAL_FORMS": "0",
        "videos-MIN_NUM_FORMS": "0",
        "videos-MAX_NUM_FORMS": "1000",
        "videos-0-title_de": "Die Website in DGS",
        "videos-0-duration": "00:02:05",
        "videos-0-order": "0",
    }
    data.update(extra)
    return data


MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def test_sign_language_video_is_checked_by_content(editor_client, demo_content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = Page.objects.get(key=Page.Key.SIGN_LANGUAGE)
    fake = SimpleUploadedFile(
        "video.mp4", b"MZ\x90\x00 this is a renamed program", content_type="video/mp4"
    )
    response = editor_client.post(
        f"/admin/pages/page/{page.pk}/change/", _page_form(page, **{"videos-0-file": fake})
    )
    assert response.status_code == 200
    assert "kein Video im Format MP4 oder WebM" in response.content.decode()
    assert not page.videos.exists()


def test_sign_language_video_and_captions_are_saved(editor_client, demo_content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = Page.objects.get(key=Page.Key.SIGN_LANGUAGE)
    video = SimpleUploadedFile("dgs.mp4", MP4_HEAD, content_type="video/mp4")
    captions = SimpleUploadedFile("dgs.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n")
    response = editor_client.post(
        f"/admin/pages/page/{page.pk}/change/",
        _page_form(page, **{"videos-0-file": video, "videos-0-captions": captions}),
    )
    assert response.status_code == 302
    assert page.videos.get().duration_display == "2:05"


def test_sign_language_page_offers_the_video_with_size_length_captions_and_ranges(
    editor_client, client, demo_content
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = Page.objects.get(key=Page.Key.SIGN_LANGUAGE)
    video_bytes = MP4_HEAD + b"\x00" * 2000
    editor_client.post(
        f"/admin/pages/page/{page.pk}/change/",
        _page_form(
            page,
            **{
                "videos-0-file": SimpleUploadedFile(
                    "dgs.mp4", video_bytes, content_type="video/mp4"
                ),
                "videos-0-captions": SimpleUploadedFile(
                    "dgs.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nA\n"
                ),
            },
        ),
    )
    video = page.videos.get()
    content = client.get("/de/gebaerdensprache/").content.decode()
    assert "autoplay" not in content
    assert f'<source src="/medien/videos/{video.pk}/video/">' in content
    assert f'<track kind="captions" src="/medien/videos/{video.pk}/untertitel/"' in content
    assert '<span dir="ltr">2:05</span>' in content
    assert "(2 kB)" in content

    whole = client.get(f"/medien/videos/{video.pk}/video/")
    assert whole.status_code == 200 and whole["Content-Type"] == "video/mp4"
    assert b"".join(whole.streaming_content) == video_bytes
    part = client.get(f"/medien/videos/{video.pk}/video/", headers={"range": "bytes=0-99"})
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 0-99/{len(video_bytes)}"
    captions = client.get(f"/medien/videos/{video.pk}/untertitel/")
    assert captions["Content-Type"].startswith("text/vtt")
    assert not whole.cookies


def test_fallback_on_a_left_to_right_page_is_marked_german_with_a_note_in_the_readers_language(
    client, db
):
    PageFactory(key=Page.Key.PRIVACY, title_de="Datenschutzerklärung", body_de="<p>Nur deutsch</p>")
    content = client.get("/uk/datenschutz/").content.decode()
    assert '<html lang="uk" dir="ltr" data-script="Cyrl">' in content
    assert '<h1><span lang="de" dir="ltr">Datenschutzerklärung</span></h1>' in content
    assert '<div lang="de" dir="ltr" class="fallback"><p>Nur deutsch</p></div>' in content
    note = content.split('<p class="fallback-note">', 1)[1].split("</p>", 1)[0]
    assert note and note != "Dieser Abschnitt ist nur auf Deutsch verfügbar."
    assert 'aria-current="page" lang="de" dir="ltr">Datenschutzerklärung</span>' in content


def test_video_whose_file_went_missing_is_left_out_and_the_page_still_opens(client, db):
    from pages.models import Video

    page = PageFactory(key=Page.Key.SIGN_LANGUAGE, title_de="Gebärdensprache")
    Video.objects.create(
        page=page,
        title_de="Die Website in DGS",
        file="videos/verloren.mp4",
        duration=datetime.timedelta(minutes=2),
    )
    response = client.get("/de/gebaerdensprache/")
    assert response.status_code == 200
    assert "<video" not in response.content.decode()


def test_notice_with_a_link_address_needs_a_link_text(editor_client, db):
    data = {
        "title_de": "Neue App",
        "text_de": "",
        "link_url": "https://example.org",
        "link_text_de": "",
        "published_on": "2025-01-01",
        "is_published": "True",
        "order": "0",
    }
    response = editor_client.post("/admin/pages/notice/add/", data)
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert not Notice.objects.exists()
    data["link_text_de"] = "Zur App"
    assert editor_client.post("/admin/pages/notice/add/", data).status_code == 302
    assert Notice.objects.get().link_text_de == "Zur App"
