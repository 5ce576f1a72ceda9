"""The documents admin: list, search, filters, where a document is used, deletion."""

import datetime

import pytest
from django.core.files.base import ContentFile

from documents import selectors
from documents.models import Document, DocumentVersion
from documents.services import version_create

from . import files
from .factories import CategoryFactory, DocumentFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/documents/document/"


def _delete_url(document):
    return f"/admin/documents/document/{document.pk}/delete/"


def test_list_shows_category_year_languages_size_and_state(editor_client):
    DocumentFactory(
        title_de="Hinweise",
        category=CategoryFactory(title_de="Formulare"),
        year=2022,
        files={"de": ("h.pdf", files.pdf_of_size(30_000)), "en": ("n.pdf", files.pdf())},
    )
    content = editor_client.get(CHANGELIST).content.decode()
    assert "Hinweise" in content
    assert "Formulare" in content
    assert ">2022<" in content
    assert "DE, EN" in content
    assert "30 kB" in content
    assert '<td class="field-visibility">sichtbar</td>' in content


def test_search_finds_titles_and_text_inside_pdfs(editor_client):
    DocumentFactory(
        title_de="Integrationskonzept Teil 2",
        files={"de": ("t2.pdf", files.pdf("Handlungsfeld Wohnen und Nachbarschaft"))},
    )
    DocumentFactory(title_de="Sachbericht")
    by_title = editor_client.get(CHANGELIST, {"q": "Integrationskonzept"}).content.decode()
    by_text = editor_client.get(CHANGELIST, {"q": "Nachbarschaft"}).content.decode()
    assert "Integrationskonzept Teil 2" in by_title and "Sachbericht" not in by_title
    assert "Integrationskonzept Teil 2" in by_text and "Sachbericht" not in by_text


def test_filters_by_category_and_file_language(editor_client):
    forms = CategoryFactory(title_de="Formulare")
    DocumentFactory(title_de="Antrag", category=forms)
    DocumentFactory(title_de="Notes", files={"en": ("n.pdf", files.pdf())})
    by_category = editor_client.get(CHANGELIST, {"category__id__exact": forms.pk})
    by_language = editor_client.get(CHANGELIST, {"sprache": "en"})
    assert "Antrag" in by_category.content.decode()
    assert "Notes" not in by_category.content.decode()
    assert "Notes" in by_language.content.decode()
    assert "Antrag" not in by_language.content.decode()


def test_change_page_says_where_the_document_is_used(editor_client, monkeypatch):
    document = DocumentFactory()
    url = f"/admin/documents/document/{document.pk}/change/"
    assert "Nirgends. Das Dokument kann gelöscht werden." in (
        editor_client.get(url).content.decode()
    )
    # Any foreign key to Document counts; let the document's own versions stand in for one.
    monkeypatch.setattr(selectors, "INTERNAL_MODELS", frozenset())
    assert "Fassung: Fassung 1" in editor_client.get(url).content.decode()


def test_unused_document_is_deleted_with_its_files(
    editor_client, stored_files, django_capture_on_commit_callbacks
):
    document = DocumentFactory()
    assert stored_files()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(_delete_url(document), {"post": "yes"})
    assert response.status_code == 302
    assert not Document.objects.exists()
    assert stored_files() == []


def test_used_document_cannot_be_deleted_and_the_page_says_why(
    editor_client, monkeypatch, stored_files
):
    """Uses are found through Django's relations, so another app's key needs no registration."""
    document = DocumentFactory(title_de="Antrag 2022")
    before = stored_files()
    monkeypatch.setattr(selectors, "INTERNAL_MODELS", frozenset())

    page = editor_client.get(_delete_url(document)).content.decode()
    response = editor_client.post(_delete_url(document), {"post": "yes"})

    assert "wird noch verwendet und kann deshalb nicht gelöscht werden" in page
    assert "Fassung 1" in page
    assert response.status_code == 200
    assert Document.objects.filter(pk=document.pk).exists()
    assert stored_files() == before


def test_bulk_delete_refuses_used_documents(editor_client, monkeypatch):
    used = DocumentFactory()
    monkeypatch.setattr(selectors, "INTERNAL_MODELS", frozenset())
    response = editor_client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [used.pk], "post": "yes"}
    )
    assert "werden noch verwendet" in response.content.decode()
    assert Document.objects.filter(pk=used.pk).exists()


def test_usage_discovery_covers_every_relation_from_other_apps():
    """Every foreign key or many-to-many to Document outside this app is checked."""
    from django.apps import apps
    from django.db.models import ForeignKey, ManyToManyField

    checked = {relation.related_model for relation in selectors._usage_relations()}
    for model in apps.get_models():
        if model._meta.app_label == "documents":
            continue
        for field in model._meta.get_fields():
            if (
                isinstance(field, ForeignKey | ManyToManyField)
                and field.related_model is Document
                and not (
                    isinstance(field, ManyToManyField)
                    and not field.remote_field.through._meta.auto_created
                )
            ):
                assert model in checked


def test_editors_can_fetch_any_versions_file_but_the_public_cannot(editor_client, client):
    data = files.pdf()
    document = DocumentFactory(is_published=False, files={"de": ("Entwurf.pdf", data)})
    stored = document.current_version.files.get()
    url = f"/admin/documents/document/{document.pk}/dateien/{stored.pk}/"
    response = editor_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Entwurf.pdf"'
    assert b"".join(response.streaming_content) == data
    client.logout()
    assert client.get(url).status_code == 302


def test_slug_cannot_change_once_the_address_exists(editor_client):
    from .admin_forms import submit_change

    document = DocumentFactory(slug="antrag-mikroprojekte")
    submit_change(editor_client, document, slug="anderer-name")
    document.refresh_from_db()
    assert document.slug == "antrag-mikroprojekte"


def test_form_linked_from_a_microprojects_step_cannot_be_deleted(editor_client, demo_content):
    """The microprojects app's own key to Document is found without any registration."""
    form = Document.objects.get(slug="antrag-mikroprojekte")
    usages = selectors.document_usages(document=form)
    assert usages, "the demo programme links the application form from one of its steps"

    page = editor_client.get(_delete_url(form)).content.decode()
    editor_client.post(_delete_url(form), {"post": "yes"})

    assert "wird noch verwendet" in page
    assert str(usages[0].objects[0]) in page.replace("&amp;", "&")
    assert Document.objects.filter(pk=form.pk).exists()


def _uploaded_by(user, created_at=None):
    document = DocumentFactory(files=False)
    outcome = version_create(
        document=document,
        upload=ContentFile(files.pdf(), name="a.pdf"),
        language="de",
        uploaded_by=user,
    )
    if created_at:
        DocumentVersion.objects.filter(pk=outcome.version.pk).update(created_at=created_at)
    return document


def test_uploader_is_plain_text_for_editors_who_may_not_open_user_pages(editor_client, editor):
    document = _uploaded_by(editor)
    content = editor_client.get(f"/admin/documents/document/{document.pk}/change/").content
    content = content.decode()
    assert '<span title="redakteurin">Erika Muster</span>' in content
    assert "/admin/auth/user/" not in content


def test_uploader_links_to_the_user_for_those_who_may_view_users(admin_client, editor):
    document = _uploaded_by(editor)
    content = admin_client.get(f"/admin/documents/document/{document.pk}/change/").content
    link = f'<a href="/admin/auth/user/{editor.pk}/change/" title="redakteurin">Erika Muster</a>'
    assert link in content.decode()


def test_version_choice_shows_the_time_in_berlin(editor_client, editor):
    summer_utc = datetime.datetime(2024, 7, 1, 3, 48, tzinfo=datetime.UTC)
    document = _uploaded_by(editor, created_at=summer_utc)
    content = editor_client.get(f"/admin/documents/document/{document.pk}/change/").content
    content = content.decode()
    assert "vom 01.07.2024 05:48" in content
    assert "03:48" not in content
