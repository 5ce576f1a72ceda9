"""A new file for a document asks whether title and year still fit; readers never get its name."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from documents.models import Document

from . import files
from .admin_forms import change_url, form_values, submit_change
from .factories import DocumentFactory

pytestmark = pytest.mark.django_db
THIS_YEAR = timezone.localdate().year


def _new_file():
    return SimpleUploadedFile("Antrag_Mikroprojekt_Kaiser-final-NEU.pdf", files.pdf("neu"))


def test_new_file_for_a_title_with_an_old_year_asks_and_keeps_the_old_version(editor_client):
    document = DocumentFactory(title_de="Antrag Förderung Mikroprojekte 2022", year=2022)

    response = submit_change(editor_client, document, upload=_new_file())

    content = response.content.decode()
    assert response.status_code == 200
    assert f"Die neue Datei wird {THIS_YEAR} hochgeladen." in content
    assert "Der Titel „Antrag Förderung Mikroprojekte 2022“ nennt das Jahr 2022." in content
    assert "Als Jahr ist 2022 eingetragen." in content
    assert "Wählen Sie die Datei danach erneut aus" in content
    assert 'type="checkbox" name="confirm_title_year"' in content
    assert Document.objects.get(pk=document.pk).current_version.number == 1


def test_ticking_the_box_uploads_the_new_version_with_title_and_year_unchanged(editor_client):
    document = DocumentFactory(title_de="Integrationskonzept 2018", year=2018)

    response = submit_change(editor_client, document, upload=_new_file(), confirm_title_year="on")

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.current_version.number == 2
    assert (document.title_de, document.year) == ("Integrationskonzept 2018", 2018)


def test_changing_title_and_year_in_the_same_save_needs_no_question(editor_client):
    document = DocumentFactory(title_de="Antrag Mikroprojekte 2022", year=2022)

    response = submit_change(
        editor_client,
        document,
        upload=_new_file(),
        title_de=f"Antrag Mikroprojekte {THIS_YEAR}",
        year=str(THIS_YEAR),
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.current_version.number == 2
    assert document.title_de == f"Antrag Mikroprojekte {THIS_YEAR}"


def test_an_old_year_in_a_translated_title_is_named_too(editor_client):
    document = DocumentFactory(title_de="Antrag Mikroprojekte", title_en="Application 2021")

    content = submit_change(editor_client, document, upload=_new_file()).content.decode()

    assert "Der Titel „Application 2021“ nennt das Jahr 2021." in content


def test_the_question_is_on_the_page_before_the_file_is_chosen(editor_client):
    old = DocumentFactory(title_de="Sachbericht 2022", year=2022)
    current = DocumentFactory(title_de="Sachbericht")

    old_page = editor_client.get(change_url(old)).content.decode()
    current_page = editor_client.get(change_url(current)).content.decode()

    assert 'type="checkbox" name="confirm_title_year"' in old_page
    assert "Nur wichtig, wenn Sie eine neue Datei hochladen:" in old_page
    assert 'type="checkbox" name="confirm_title_year"' not in current_page


def test_saving_without_a_new_file_never_asks(editor_client):
    document = DocumentFactory(title_de="Integrationskonzept 2018", year=2018)

    response = submit_change(editor_client, document, description_de="<p>Neu.</p>")

    assert response.status_code == 302


def test_readers_get_title_and_language_as_file_name_for_current_and_earlier_versions(
    editor_client, client
):
    document = DocumentFactory(
        title_de="Antrag Mikroprojekt",
        slug="antrag-mikroprojekt",
        show_earlier_versions=True,
        files={"de": ("Antrag_Mikroprojekt_Kaiser-final-NEU.docx", files.docx())},
    )
    data = form_values(editor_client.get(change_url(document)))
    data["upload"] = SimpleUploadedFile("Antrag_Mikroprojekt_Kaiser-final-NEU(2).pdf", files.pdf())
    assert editor_client.post(change_url(document), data).status_code == 302

    current = client.get("/de/dokumente/antrag-mikroprojekt/download/")
    earlier = client.get("/de/dokumente/antrag-mikroprojekt/fassungen/1/download/")

    assert current["Content-Disposition"] == 'inline; filename="Antrag-Mikroprojekt-de.pdf"'
    assert earlier["Content-Disposition"] == (
        'attachment; filename="Antrag-Mikroprojekt-Fassung-1-de.docx"'
    )
    assert "Kaiser" not in current["Content-Disposition"] + earlier["Content-Disposition"]
