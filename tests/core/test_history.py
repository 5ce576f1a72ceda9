"""History and undo in the admin: who changed what when, readable differences, restore, recover."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from reversion.models import Revision, Version

from contacts.models import Person
from core.history import revision, revision_date, word_diff
from microprojects.models import FundingProgramme, Step
from tests.contacts.factories import MunicipalityFactory, PersonFactory
from tests.microprojects.factories import FundingProgrammeFactory, StepFactory
from tests.microprojects.test_admin import form_data

pytestmark = pytest.mark.django_db

PERSON = "/admin/contacts/person/{}/"


@pytest.fixture
def person(db):
    """Frau Richter, saved once through a revision as an admin save would."""
    with revision("Angelegt"):
        person = PersonFactory(
            last_name="Richter",
            slug="richter",
            phone="+4934332413431",
            job_title_de="Integrationskoordinatorin",
            job_title_ar="منسقة الاندماج",
        )
        person.municipalities.set([MunicipalityFactory(name="Borna")])
    return person


def edit(client, person, **changes):
    url = PERSON.format(person.pk) + "change/"
    data = form_data(client.get(url).content, "person_form")
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def versions(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def test_a_stored_state_holds_every_language_column(person):
    (version,) = versions(person)
    data = json.loads(version.serialized_data)[0]["fields"]
    # modeltranslation adds the columns after the model is defined; they are stored all the same.
    assert data["job_title_ar"] == "منسقة الاندماج"
    assert {
        f"job_title_{code}" for code in ("de", "en", "ar", "fa", "uk", "ru", "tr", "es")
    } <= set(data)
    assert version.field_dict["municipalities"] == [person.municipalities.get().pk]


def test_admin_save_records_editor_and_german_message(editor_client, editor, person):
    edit(editor_client, person, phone="03433 241-9999")
    latest = versions(person)[-1]
    assert latest.revision.user == editor
    assert "Telefon" in latest.revision.comment
    assert latest.field_dict["phone"] == "+4934332419999"


def test_history_lists_versions_with_berlin_time_user_as_text_and_comment(
    editor_client, editor, person
):
    edit(editor_client, person, phone="03433 241-9999")
    first = versions(person)[0].revision
    Revision.objects.filter(pk=first.pk).update(
        date_created=datetime.datetime(2025, 3, 12, 13, 3, tzinfo=datetime.UTC)
    )
    content = editor_client.get(PERSON.format(person.pk) + "history/").content.decode()
    assert "12. März 2025, 14:03 Uhr" in content
    assert "Erika Muster" in content
    assert "ohne Anmeldung (Befehl oder Import)" in content
    assert "Angelegt" in content
    # The editor may not open user accounts: the name is text, not a link.
    assert "/admin/auth/user/" not in content
    assert "object (" not in content


def test_version_page_shows_a_german_word_level_diff(editor_client, person):
    edit(
        editor_client,
        person,
        phone="03433 241-9999",
        job_title_ar="منسقة الاندماج الرئيسية",
        is_published="False",
    )
    latest = versions(person)[-1]
    response = editor_client.get(PERSON.format(person.pk) + f"history/{latest.pk}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Aufgabe (Arabisch)" in content
    assert "<ins> الرئيسية</ins>" in content
    assert "Telefon" in content and "<del>+4934332413431</del>" in content
    assert "<del>veröffentlicht</del>" in content and "<ins>Entwurf</ins>" in content
    assert "Nachname" not in content  # unchanged fields stay out
    assert "Diesen Stand wiederherstellen" in content


def test_restoring_an_earlier_state_shows_the_public_page_as_it_was(client, editor_client, person):
    first = versions(person)[0]
    town = person.municipalities.get()
    edit(
        editor_client,
        person,
        phone="03433 241-9999",
        job_title_ar="منسق",
        municipalities=str(MunicipalityFactory(name="Grimma").pk),
    )
    assert "241-9999" in client.get("/de/ansprechpersonen/richter/").content.decode()

    url = PERSON.format(person.pk) + f"history/{first.pk}/wiederherstellen/"
    preview = editor_client.get(url).content.decode()
    assert "Aufgabe (Arabisch)" in preview and "Zuständig für" in preview
    assert "<del>Grimma</del>" in preview and "<ins>Borna</ins>" in preview
    assert Person.objects.get(pk=person.pk).phone == "+4934332419999"  # showing changes nothing

    response = editor_client.post(url)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.phone == "+4934332413431"
    assert list(person.municipalities.all()) == [town]
    assert "241-3431" in client.get("/de/ansprechpersonen/richter/").content.decode()
    assert "منسقة الاندماج" in client.get("/ar/ansprechpersonen/richter/").content.decode()

    latest = versions(person)[-1]
    assert latest.revision.comment.startswith("Stand vom ")
    assert latest.revision.comment.endswith(" wiederhergestellt")
    history = editor_client.get(PERSON.format(person.pk) + "history/").content.decode()
    assert latest.revision.comment in history


def test_restoring_keeps_the_translation_status_of_the_stored_state(editor_client, person):
    first = versions(person)[0]
    edit(editor_client, person, job_title_de="Koordinatorin")  # Arabic is now outdated
    editor_client.post(PERSON.format(person.pk) + f"history/{first.pk}/wiederherstellen/")
    person.refresh_from_db()
    assert person.translation_sources == first.field_dict["translation_sources"]


def _free_for_deletion(person):
    """A person responsible for towns cannot be deleted (core.deletion); an editor first
    hands the towns on, which the history records like any edit."""
    with revision("Orte abgegeben"):
        person.municipalities.clear()
        person.save()


def test_deleted_person_is_recovered(editor_client, person):
    pk = person.pk
    refused = editor_client.post(PERSON.format(pk) + "delete/", {"post": "yes"})
    assert "kann deshalb nicht gelöscht werden" in refused.content.decode()
    assert Person.objects.filter(pk=pk).exists()

    _free_for_deletion(person)
    editor_client.post(PERSON.format(pk) + "delete/", {"post": "yes"})
    assert not Person.objects.filter(pk=pk).exists()

    changelist = editor_client.get("/admin/contacts/person/").content.decode()
    assert "Gelöschte wiederherstellen" in changelist
    listing = editor_client.get("/admin/contacts/person/geloescht/").content.decode()
    assert "Gelöschte Personen wiederherstellen" in listing
    assert "Frau Richter" in listing
    (deleted,) = Version.objects.get_deleted(Person)
    assert deleted.revision.comment == "Gelöscht"

    url = f"/admin/contacts/person/geloescht/{deleted.pk}/"
    assert "Integrationskoordinatorin" in editor_client.get(url).content.decode()
    response = editor_client.post(url)
    assert response.status_code == 302
    recovered = Person.objects.get(pk=pk)
    assert recovered.slug == "richter" and recovered.job_title_ar == "منسقة الاندماج"
    assert versions(recovered)[-1].revision.comment.startswith(
        "Gelöschten Eintrag wiederhergestellt"
    )
    assert (
        "Frau Richter"
        not in editor_client.get("/admin/contacts/person/geloescht/").content.decode()
    )


def test_recovering_refuses_an_address_taken_meanwhile(editor_client, person):
    _free_for_deletion(person)
    editor_client.post(PERSON.format(person.pk) + "delete/", {"post": "yes"})
    PersonFactory(slug="richter", last_name="Neu")
    (deleted,) = Version.objects.get_deleted(Person)
    response = editor_client.post(f"/admin/contacts/person/geloescht/{deleted.pk}/", follow=True)
    assert "Der Stand wurde nicht wiederhergestellt" in response.content.decode()
    assert Person.objects.filter(slug="richter").count() == 1


def test_restoring_a_programme_restores_its_steps(editor_client):
    with revision("Angelegt"):
        programme = FundingProgrammeFactory()
        kept = StepFactory(programme=programme, title_de="Antrag stellen")
        removed = StepFactory(programme=programme, title_de="Geld abrufen")
    first = versions(programme)[0]
    with revision("Umgebaut"):
        Step.objects.filter(pk=removed.pk).delete()
        kept.title_de = "Antrag schreiben"
        kept.save()
        StepFactory(programme=programme, title_de="Neuer Schritt")
        programme.save()

    url = f"/admin/microprojects/fundingprogramme/{programme.pk}/history/{first.pk}/"
    preview = editor_client.get(url + "wiederherstellen/").content.decode()
    assert "„Geld abrufen“ (kommt hinzu)" in preview
    assert "„Neuer Schritt“ (fällt weg)" in preview
    assert editor_client.post(url + "wiederherstellen/").status_code == 302
    titles = list(Step.objects.filter(programme=programme).values_list("title_de", flat=True))
    assert titles == ["Antrag stellen", "Geld abrufen"]
    assert FundingProgramme.objects.count() == 1


def test_history_needs_view_permission_and_restore_change_permission(
    client, django_user_model, person
):
    reader = django_user_model.objects.create_user("leser", password="pw", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_person"))
    client.force_login(reader)
    first = versions(person)[0]
    base = PERSON.format(person.pk) + f"history/{first.pk}/"
    assert client.get(PERSON.format(person.pk) + "history/").status_code == 200
    page = client.get(base).content.decode()
    assert "Diesen Stand wiederherstellen" not in page
    assert client.get(base + "wiederherstellen/").status_code == 403
    assert client.post(base + "wiederherstellen/").status_code == 403
    assert client.get("/admin/contacts/person/geloescht/").status_code == 403


def test_a_version_of_another_object_is_not_found(editor_client, person):
    other = PersonFactory()
    with revision():
        other.save()
    (version,) = versions(other)
    url = PERSON.format(person.pk) + f"history/{version.pk}/"
    assert editor_client.get(url).status_code == 404
    assert editor_client.post(url + "wiederherstellen/").status_code == 404


def test_xliff_import_is_one_revision_named_after_the_language(editor_client, editor, person):
    from translations.xliff import apply_import, plan_import

    xliff = f"""<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file source-language="de" target-language="tr" datatype="plaintext" original="kfi"><body>
<trans-unit id="contacts.person.{person.pk}.job_title"><source>Integrationskoordinatorin</source>
<target>Entegrasyon koordinatörü</target></trans-unit></body></file></xliff>""".encode()
    assert apply_import(plan_import(xliff), user=editor) == 1
    latest = versions(person)[-1]
    assert latest.revision.comment == "Übersetzung importiert (XLIFF, Türkisch)"
    assert latest.revision.user == editor
    assert latest.field_dict["job_title_tr"] == "Entegrasyon koordinatörü"


def test_load_demo_records_one_revision_and_none_when_nothing_changed(db):
    call_command("load_demo", verbosity=0)
    assert list(Revision.objects.values_list("comment", flat=True)) == ["Demo-Inhalte geladen"]
    call_command("load_demo", verbosity=0)
    assert Revision.objects.count() == 1


def test_text_differences_are_escaped():
    old, new = word_diff("<b>alt</b> Text", "<b>neu</b> Text")
    assert "&lt;b&gt;" in old and "<b>" not in old + new
    assert "<del>alt</del>" in old and "<ins>neu</ins>" in new


def test_revision_date_is_in_berlin_time():
    moment = Revision(date_created=datetime.datetime(2025, 7, 1, 22, 30, tzinfo=datetime.UTC))
    assert revision_date(moment) == "2. Juli 2025, 00:30 Uhr"


def test_editors_get_no_rights_on_the_stored_history_itself(editor):
    assert not editor.get_all_permissions() & {
        f"reversion.{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("revision", "version")
    }
    assert editor.has_perm("contacts.change_person")


def test_every_admin_with_history_has_its_model_registered():
    from django.contrib import admin

    from core.history import is_registered
    from core.history_admin import HistoryAdmin

    admins = [a for a in admin.site._registry.values() if isinstance(a, HistoryAdmin)]
    assert len(admins) >= 11
    assert all(is_registered(a.model) for a in admins)
