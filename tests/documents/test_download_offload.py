"""Downloads handed to nginx (X-Accel-Redirect): the view decides, nginx sends the bytes."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from documents.services import document_set_current_version, version_create

from . import files
from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nginx_offload(settings):
    settings.DOWNLOAD_OFFLOAD = "nginx"


def test_current_file_is_handed_to_nginx_under_its_stored_name(client, nginx_offload):
    document = DocumentFactory(
        title_de="Integrationskonzept Teil 1",
        slug="ik",
        files={"de": ("IK_T1_Endfassung.pdf", files.pdf())},
    )
    stored = document.current_version.files.get().file.name
    response = client.get("/de/dokumente/ik/download/")
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_media/{stored}"
    assert stored.startswith("documents/files/")
    assert response.content == b""
    # The name, type and caching stay ours; nginx passes them on with the file.
    assert response["Content-Disposition"] == 'inline; filename="Integrationskonzept-Teil-1-de.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.cookies


def test_a_new_version_and_a_rollback_move_the_address_nginx_gets(client, nginx_offload):
    document = DocumentFactory(slug="formular", files={"de": ("a.pdf", files.pdf())})
    first = document.current_version
    first_name = first.files.get().file.name
    outcome = version_create(
        document=document, upload=ContentFile(files.pdf(), name="b.pdf"), language="de"
    )
    second_name = outcome.version.files.get().file.name
    assert client.get("/de/dokumente/formular/download/")["X-Accel-Redirect"].endswith(second_name)
    document.refresh_from_db()
    document_set_current_version(document=document, version=first)
    assert client.get("/de/dokumente/formular/download/")["X-Accel-Redirect"].endswith(first_name)
    assert first_name != second_name


def test_word_files_keep_their_attachment_name(client, nginx_offload):
    DocumentFactory(title_de="Antrag 2026", slug="antrag", files={"de": ("x.docx", files.docx())})
    response = client.get("/de/dokumente/antrag/download/")
    assert response["Content-Disposition"] == 'attachment; filename="Antrag-2026-de.docx"'
    assert response["X-Accel-Redirect"].endswith(".docx")


def test_drafts_and_hidden_versions_are_never_handed_over(client, nginx_offload):
    DocumentFactory(slug="entwurf", is_published=False)
    hidden = DocumentFactory(slug="ohne-fassungen")
    response = client.get("/de/dokumente/entwurf/download/")
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response
    # Earlier versions only when the editors show them.
    version_url = f"/de/dokumente/ohne-fassungen/fassungen/{hidden.current_version.number}/"
    assert client.get(version_url + "download/").status_code == 404


def test_earlier_versions_shown_by_the_editors_are_handed_over_with_their_max_age(
    client, nginx_offload
):
    document = DocumentFactory(slug="bericht", show_earlier_versions=True)
    response = client.get("/de/dokumente/bericht/fassungen/1/download/")
    assert response["X-Accel-Redirect"].endswith(document.current_version.files.get().file.name)
    assert "max-age=86400" in response["Cache-Control"]


def test_the_editors_file_view_still_streams(admin_client, nginx_offload):
    document = DocumentFactory(slug="intern", is_published=False)
    document_file = document.current_version.files.get()
    response = admin_client.get(
        f"/admin/documents/document/{document.pk}/dateien/{document_file.pk}/"
    )
    assert response.status_code == 200
    assert "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_redirect_mode_needs_an_object_store(settings):
    settings.DOWNLOAD_OFFLOAD = "redirect"
    with pytest.raises(SystemCheckError, match="core.E004"):
        call_command("check")
    settings.DOWNLOAD_OFFLOAD = "x-sendfile"
    with pytest.raises(SystemCheckError, match="core.E003"):
        call_command("check")
