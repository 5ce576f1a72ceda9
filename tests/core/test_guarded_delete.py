"""Deleting what public pages refer to is refused with a German list of the references."""

import pytest

from contacts.models import Municipality, Office, Person, Team
from documents.models import Category, Document
from microprojects.models import FundingProgramme
from tests.contacts.factories import MunicipalityFactory, OfficeFactory, PersonFactory, TeamFactory
from tests.documents.factories import CategoryFactory, DocumentFactory
from tests.microprojects.factories import (
    FundedProjectFactory,
    FundingProgrammeFactory,
    StepDocumentFactory,
    StepFactory,
)

pytestmark = pytest.mark.django_db
REFUSED = "wird noch verwendet und kann deshalb nicht gelöscht werden"


def _delete_url(obj):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/delete/"


def _change_url(obj):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"


def _refused(client, obj):
    """The delete page's text; a confirmed delete must leave the object in place."""
    page = client.get(_delete_url(obj))
    client.post(_delete_url(obj), {"post": "yes"})
    assert type(obj).objects.filter(pk=obj.pk).exists()
    return page.content.decode()


def test_person_who_is_the_programmes_contact_and_covers_towns_is_kept(editor_client):
    person = PersonFactory(
        last_name="Eichardt", municipalities=[MunicipalityFactory(name="Grimma")]
    )
    programme = FundingProgrammeFactory()
    programme.contact_persons.add(person)

    page = _refused(editor_client, person)

    assert f"Person „Frau Eichardt“ {REFUSED}" in page
    assert f'Förderprogramm: <a href="{_change_url(programme)}">Mikroprojekte Integration</a>' in (
        page
    )
    grimma = Municipality.objects.get(name="Grimma")
    assert f'Stadt oder Gemeinde: <a href="{_change_url(grimma)}">Grimma</a>' in page
    assert "„Veröffentlichung“ stattdessen auf „Entwurf“" in page
    assert "object (" not in page


def test_person_nobody_refers_to_is_deleted(editor_client):
    person = PersonFactory()
    response = editor_client.post(_delete_url(person), {"post": "yes"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()


def test_team_with_people_and_office_with_people_are_kept(editor_client):
    team = TeamFactory(name_de="Kommunale Integrationskoordinatoren", abbreviation="KIK")
    office = OfficeFactory(name_de="Standort Grimma")
    person = PersonFactory(last_name="Loth", team=team, office=office)

    team_page = _refused(editor_client, team)
    office_page = _refused(editor_client, office)

    link = f'Person: <a href="{_change_url(person)}">Frau Loth</a>'
    assert f"Team „Kommunale Integrationskoordinatoren (KIK)“ {REFUSED}" in team_page
    assert link in team_page
    assert REFUSED in office_page and link in office_page
    assert Team.objects.filter(pk=team.pk).exists() and Office.objects.filter(pk=office.pk).exists()


def test_municipality_with_funded_projects_is_kept(editor_client):
    project = FundedProjectFactory(title_de="Sprachcafé", year=2023)

    page = _refused(editor_client, project.municipality)

    assert f'Gefördertes Projekt: <a href="{_change_url(project)}">Sprachcafé (2023)</a>' in page


def test_category_with_documents_is_kept(editor_client):
    category = CategoryFactory(title_de="Formulare")
    document = DocumentFactory(title_de="Sachbericht", category=category)

    page = _refused(editor_client, category)

    assert f'Dokument: <a href="{_change_url(document)}">Sachbericht</a>' in page
    assert Category.objects.filter(pk=category.pk).exists()


def test_form_of_a_programme_step_links_to_the_programme(editor_client):
    programme = FundingProgrammeFactory()
    step = StepFactory(programme=programme, title_de="Antrag stellen")
    link = StepDocumentFactory(step=step, document__title="Antragsformular")
    document = Document.objects.get(pk=link.document_id)

    page = _refused(editor_client, document)

    assert f'Förderprogramm: <a href="{_change_url(programme)}">Mikroprojekte Integration</a>' in (
        page
    )
    assert "Formular eines Schritts: Antrag stellen: Antragsformular" in page


def test_bulk_delete_refuses_referenced_people_and_names_each(editor_client):
    kept = PersonFactory(last_name="Richter", municipalities=[MunicipalityFactory(name="Borna")])
    free = PersonFactory(last_name="Frei")

    response = editor_client.post(
        "/admin/contacts/person/",
        {"action": "delete_selected", "_selected_action": [kept.pk, free.pk], "post": "yes"},
    )

    page = response.content.decode()
    assert "werden noch verwendet und können deshalb nicht gelöscht werden" in page
    assert "„Frau Richter“" in page and "Borna" in page
    assert Person.objects.filter(pk__in=[kept.pk, free.pk]).count() == 2


def test_programme_is_never_deleted_and_the_page_says_what_to_do_instead(
    editor_client, admin_client
):
    programme = FundingProgrammeFactory()

    for client in (editor_client, admin_client):
        page = client.get(_delete_url(programme))
        client.post(_delete_url(programme), {"post": "yes"})
        changelist = client.get("/admin/microprojects/fundingprogramme/").content.decode()

        assert page.status_code == 403
        assert "kann nicht gelöscht werden" in page.content.decode()
        assert "setzen Sie den Status auf „beendet“" in page.content.decode()
        assert 'value="delete_selected"' not in changelist
        assert FundingProgramme.objects.filter(pk=programme.pk).exists()
    change = editor_client.get(_change_url(programme)).content.decode()
    assert _delete_url(programme) not in change
