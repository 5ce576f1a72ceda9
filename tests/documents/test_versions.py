"""New versions from the document's page in the admin, rollback, identical re-uploads."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from documents.models import Document, DocumentFile

from . import files
from .admin_forms import change_url, form_values, submit_change
from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


def _download(client, document, language="de"):
    response = client.get(f"/{language}/dokumente/{document.slug}/download/")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_new_upload_becomes_the_current_version_and_keeps_the_old_one(editor_client, client):
    first = files.pdf("Formular 2022")
    document = DocumentFactory(files={"de": ("Antrag_2022.pdf", first)}, show_earlier_versions=True)
    second = files.pdf("Formular 2023")

    response = submit_change(
        editor_client,
        document,
        version_note="Formular für 2023",
        upload=SimpleUploadedFile("Antrag_2023.pdf", second),
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.current_version.number == 2
    assert document.current_version.note == "Formular für 2023"
    assert _download(client, document) == second
    old = client.get(f"/de/dokumente/{document.slug}/fassungen/1/download/")
    assert b"".join(old.streaming_content) == first
    assert DocumentFile.objects.filter(version__document=document).count() == 2


def test_version_history_shows_who_uploaded_what_and_when(editor_client):
    document = DocumentFactory(files={"de": ("Antrag_2022.pdf", files.pdf())})
    submit_change(
        editor_client, document, upload=SimpleUploadedFile("Antrag_2023.pdf", files.pdf())
    )
    content = editor_client.get(change_url(document)).content.decode()
    assert "Fassungen (neueste zuerst)" in content
    assert "Antrag_2023.pdf" in content and "Antrag_2022.pdf" in content
    assert "redakteurin" in content


def test_choosing_an_earlier_version_rolls_back_the_stable_address(editor_client, client):
    first, second = files.pdf("Erste Fassung"), files.pdf("Zweite Fassung")
    document = DocumentFactory(files={"de": ("Bericht.pdf", first)})
    submit_change(editor_client, document, upload=SimpleUploadedFile("Bericht.pdf", second))
    # The second version has been online for a day when the editor rolls back.
    Document.objects.filter(pk=document.pk).update(
        current_since=timezone.now() - datetime.timedelta(days=1)
    )
    before = client.get(f"/de/dokumente/{document.slug}/download/")
    first_version = document.versions.get(number=1)

    response = submit_change(editor_client, document, offered_version=first_version.pk)

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.current_version == first_version
    assert document.versions.count() == 2
    after = client.get(f"/de/dokumente/{document.slug}/download/")
    assert b"".join(after.streaming_content) == first
    assert after["ETag"] != before["ETag"]
    # A cache holding the newer file must get the rolled-back one, not a 304.
    revalidated = client.get(
        f"/de/dokumente/{document.slug}/download/",
        headers={"if-modified-since": before["Last-Modified"]},
    )
    assert revalidated.status_code == 200


def test_saving_a_page_opened_before_another_editors_upload_keeps_that_upload(editor_client):
    from django.core.files.base import ContentFile

    from documents.services import version_create

    document = DocumentFactory(title_de="Antrag")
    stale_form = form_values(editor_client.get(change_url(document)))
    newer = files.pdf("Formular 2023")
    version_create(
        document=document, language="de", upload=ContentFile(newer, name="Antrag_2023.pdf")
    )

    response = editor_client.post(change_url(document), {**stale_form, "title_de": "Antrag 2023"})

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title_de == "Antrag 2023"
    assert document.current_version.number == 2
    assert _download(editor_client, document) == newer


def test_identical_reupload_is_noticed_and_creates_no_version(editor_client, stored_files):
    data = files.pdf()
    document = DocumentFactory(files={"de": ("Bericht.pdf", data)})
    before = stored_files()

    response = submit_change(
        editor_client, document, upload=SimpleUploadedFile("Bericht-Kopie.pdf", data), follow=True
    )

    assert "identisch mit der aktuellen Fassung 1" in response.content.decode()
    assert document.versions.count() == 1
    assert stored_files() == before


def test_reupload_of_an_earlier_file_is_stored_once(editor_client, stored_files):
    first = files.pdf()
    document = DocumentFactory(files={"de": ("Bericht.pdf", first)})
    submit_change(editor_client, document, upload=SimpleUploadedFile("Neu.pdf", files.pdf()))
    before = stored_files()

    response = submit_change(
        editor_client, document, upload=SimpleUploadedFile("Bericht.pdf", first), follow=True
    )

    assert "identisch mit Fassung 1" in response.content.decode()
    document.refresh_from_db()
    assert document.current_version.number == 3
    assert stored_files() == before
    assert (
        document.current_version.files.get().file.name
        == document.versions.get(number=1).files.get().file.name
    )


def test_translation_upload_keeps_the_german_file(editor_client):
    document = DocumentFactory(files={"de": ("Hinweise.pdf", files.pdf())})
    submit_change(
        editor_client,
        document,
        upload_language="en",
        upload=SimpleUploadedFile("Notes.pdf", files.pdf()),
    )
    document.refresh_from_db()
    assert sorted(document.current_version.files.values_list("language", flat=True)) == ["de", "en"]


def test_new_upload_can_drop_outdated_translations(editor_client):
    document = DocumentFactory(
        files={"de": ("Antrag_2022.pdf", files.pdf()), "en": ("Application_2022.pdf", files.pdf())}
    )
    values = {"upload": SimpleUploadedFile("Antrag_2023.pdf", files.pdf())}
    response = submit_change(editor_client, document, **values)
    assert response.status_code == 302
    document.refresh_from_db()
    assert sorted(document.current_version.files.values_list("language", flat=True)) == ["de", "en"]

    data = {"upload": SimpleUploadedFile("Antrag_2024.pdf", files.pdf())}
    form = form_values(editor_client.get(change_url(document)))
    form.pop("keep_other_languages")
    editor_client.post(change_url(document), {**form, **data})
    document.refresh_from_db()
    assert list(document.current_version.files.values_list("language", flat=True)) == ["de"]
