"""Editors' side: phone and e-mail checks, and the warnings on the contacts admin pages."""

import pytest

from contacts.models import Person, ResponsibilityOverview

from .factories import MunicipalityFactory, OfficeFactory, PersonFactory

ADD_PERSON = "/admin/contacts/person/add/"


def person_form(**overrides):
    data = {
        "salutation": "frau",
        "academic_title": "",
        "first_name": "",
        "last_name": "Loth",
        "slug": "loth",
        "job_title_de": "Kommunale Integrationskoordinatorin",
        "department_de": "",
        "team": "",
        "office": "",
        "room": "2.60",
        "phone": "03433 241-4742",
        "fax": "",
        "mobile": "",
        "email": "",
        "confirm_email": "",
        "consultation_hours_de": "",
        "photo_alt_de": "",
        "order": "0",
        "is_published": "True",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    "typed",
    [
        "03433 241-4742",
        "03433/2414742",
        "+49 3433 241 4742",
        "0049 3433 2414742",
        "(03433) 241 - 4742",
    ],
)
def test_phone_typed_in_any_common_way_is_stored_as_e164(editor_client, typed):
    response = editor_client.post(ADD_PERSON, person_form(phone=typed))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Person.objects.get(slug="loth").phone == "+4934332414742"


@pytest.mark.parametrize("typed", ["12345", "03433 241-47421234567", "Telefon", "+49 0"])
def test_invalid_phone_is_rejected_with_an_example(editor_client, typed):
    response = editor_client.post(ADD_PERSON, person_form(phone=typed))
    assert response.status_code == 200
    assert "Das ist keine gültige Telefonnummer" in response.content.decode()
    assert not Person.objects.filter(slug="loth").exists()


@pytest.mark.parametrize("typed", ["241-9999", "2414742", "49 3433 2414742"])
def test_phone_without_area_code_is_refused_on_the_field(editor_client, typed):
    person = PersonFactory(slug="loth", last_name="Loth", phone="+4934332414742")
    response = editor_client.post(
        f"/admin/contacts/person/{person.pk}/change/", person_form(phone=typed, room="9.99")
    )
    assert response.status_code == 200
    content = response.content.decode()
    errors = content[content.index('id="id_phone_error"') :]
    errors = errors[: errors.index("</ul>")]
    assert "Die Vorwahl fehlt. Bitte mit Vorwahl eingeben, zum Beispiel 03433 241-3431." in errors
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in content
    person.refresh_from_db()
    assert (person.phone, person.room) == ("+4934332414742", "2.60")


def test_phone_without_area_code_is_not_added(editor_client):
    response = editor_client.post(ADD_PERSON, person_form(phone="241-9999"))
    assert "Die Vorwahl fehlt." in response.content.decode()
    assert not Person.objects.filter(slug="loth").exists()


def test_invalid_fax_and_mobile_are_rejected_too(editor_client):
    response = editor_client.post(ADD_PERSON, person_form(fax="0", mobile="0151"))
    assert response.content.decode().count("Das ist keine gültige Telefonnummer") == 2


def test_stored_phone_is_shown_readably_in_the_form_and_german_style_in_the_list(editor_client):
    office = OfficeFactory(switchboard="+4934332410")
    person = PersonFactory(phone="+4934332414742", office=office)
    form = editor_client.get(f"/admin/contacts/person/{person.pk}/change/").content.decode()
    assert 'value="+49 3433 2414742"' in form
    listing = editor_client.get("/admin/contacts/person/").content.decode()
    assert "03433 241-4742" in listing


def test_invalid_email_is_rejected(editor_client):
    response = editor_client.post(ADD_PERSON, person_form(email="integrationshilfe@lk-l"))
    assert response.status_code == 200
    assert not Person.objects.filter(slug="loth").exists()


def test_email_one_typo_away_from_an_address_in_use_needs_confirmation(editor_client):
    PersonFactory(email="integrationshilfe@lk-l.de")
    response = editor_client.post(ADD_PERSON, person_form(email="integartionshilfe@lk-l.de"))
    content = response.content.decode()
    assert response.status_code == 200
    assert (
        "unterscheidet sich nur um ein oder zwei Zeichen von „integrationshilfe@lk-l.de“" in content
    )
    assert 'type="checkbox" name="confirm_email"' in content
    assert not Person.objects.filter(slug="loth").exists()

    confirmed = person_form(email="integartionshilfe@lk-l.de", confirm_email="on")
    assert editor_client.post(ADD_PERSON, confirmed).status_code == 302
    assert Person.objects.get(slug="loth").email == "integartionshilfe@lk-l.de"


def test_confirmation_checkbox_is_hidden_until_there_is_a_warning(editor_client):
    content = editor_client.get(ADD_PERSON).content.decode()
    assert 'type="hidden" name="confirm_email"' in content
    assert 'type="checkbox" name="confirm_email"' not in content


@pytest.mark.parametrize(
    "email",
    [
        "integrationshilfe@lk-l.de",
        "INTEGRATIONSHILFE@lk-l.de",
        "mikroprojekte-kfi@lk-l.de",
        "loth@example.org",
    ],
)
def test_same_shared_mailbox_or_a_clearly_different_address_saves_without_warning(
    editor_client, email
):
    PersonFactory(email="integrationshilfe@lk-l.de")
    assert editor_client.post(ADD_PERSON, person_form(email=email)).status_code == 302


def test_unchanged_address_is_not_questioned_again(editor_client):
    PersonFactory(email="integrationshilfe@lk-l.de")
    person = PersonFactory(slug="loth", last_name="Loth", email="integartionshilfe@lk-l.de")
    response = editor_client.post(
        f"/admin/contacts/person/{person.pk}/change/",
        person_form(email="integartionshilfe@lk-l.de", room="2.02"),
    )
    assert response.status_code == 302


def test_contacts_admin_pages_list_towns_without_a_responsible_person(editor_client):
    borna = MunicipalityFactory(name="Borna")
    MunicipalityFactory(name="Zwenkau")
    rotha = MunicipalityFactory(name="Rötha")
    PersonFactory(municipalities=[borna])
    PersonFactory(is_published=False, municipalities=[rotha])
    for path in ("/admin/contacts/", "/admin/contacts/person/", "/admin/contacts/municipality/"):
        content = editor_client.get(path).content.decode()
        assert "Für diese 2 Orte ist keine veröffentlichte Person zuständig" in content, path
        warning = content[content.index("Für diese 2 Orte") :]
        warning = warning[: warning.index("</li>")]
        assert "Rötha" in warning and "Zwenkau" in warning
        assert "Borna" not in warning


def test_no_town_warning_when_every_town_is_covered(editor_client):
    PersonFactory(municipalities=[MunicipalityFactory()])
    content = editor_client.get("/admin/contacts/person/").content.decode()
    assert "keine veröffentlichte Person zuständig" not in content


def test_example_mapping_is_labelled_in_the_admin(editor_client):
    ResponsibilityOverview.objects.create(is_example=True)
    for path in ("/admin/contacts/", "/admin/contacts/person/", "/admin/contacts/municipality/"):
        content = editor_client.get(path).content.decode()
        assert "Zuordnung der Städte und Gemeinden zu den Personen ist ein Beispiel" in content


def test_postal_codes_are_checked_and_kept_in_order(editor_client):
    data = {
        "name": "Grimma",
        "kind": "stadt",
        "postal_codes": "04668; 04680,04688 04668",
        "official_key": "",
        "Person_municipalities-TOTAL_FORMS": "0",
        "Person_municipalities-INITIAL_FORMS": "0",
        "localities-TOTAL_FORMS": "0",
        "localities-INITIAL_FORMS": "0",
        "alternative_names-TOTAL_FORMS": "0",
        "alternative_names-INITIAL_FORMS": "0",
    }
    response = editor_client.post("/admin/contacts/municipality/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    from contacts.models import Municipality

    assert Municipality.objects.get(name="Grimma").postal_codes == ["04668", "04680", "04688"]
    data.update(name="Colditz", postal_codes="0468")
    content = editor_client.post("/admin/contacts/municipality/add/", data).content.decode()
    assert "Eine Postleitzahl hat genau fünf Ziffern" in content


def test_slug_of_a_fixed_page_is_refused(editor_client):
    response = editor_client.post(ADD_PERSON, person_form(slug="zustaendigkeiten"))
    assert response.status_code == 200
    assert "ist schon die Adresse einer anderen Seite" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/contacts/",
        "/admin/contacts/team/",
        "/admin/contacts/team/add/",
        "/admin/contacts/office/",
        "/admin/contacts/office/add/",
        "/admin/contacts/person/",
        ADD_PERSON,
        "/admin/contacts/municipality/",
        "/admin/contacts/municipality/add/",
        "/admin/contacts/responsibilityoverview/",
        "/admin/contacts/responsibilityoverview/add/",
    ],
)
def test_editors_can_open_every_contacts_admin_page(editor_client, path):
    assert editor_client.get(path).status_code == 200


def test_only_one_responsibility_overview_can_be_added(editor_client):
    ResponsibilityOverview.objects.create()
    assert editor_client.get("/admin/contacts/responsibilityoverview/add/").status_code == 403


def test_staff_without_permission_cannot_add_the_responsibility_overview(client, django_user_model):
    staff = django_user_model.objects.create_user("ohne-rechte", is_staff=True)
    client.force_login(staff)
    response = client.post("/admin/contacts/responsibilityoverview/add/", {"is_example": "on"})
    assert response.status_code == 403
    assert not ResponsibilityOverview.objects.exists()


def test_languages_are_chosen_with_checkboxes_and_shown_on_the_page(editor_client, client):
    data = person_form()
    data["languages"] = ["uk", "ar"]
    assert editor_client.post(ADD_PERSON, data).status_code == 302
    person = Person.objects.get(slug="loth")
    assert person.languages == ["uk", "ar"]
    content = client.get("/de/ansprechpersonen/loth/").content.decode()
    assert "<dt>Sprachen</dt><dd>Ukrainisch, Arabisch</dd>" in content


def test_unknown_language_code_is_refused(editor_client):
    data = person_form()
    data["languages"] = ["xx"]
    response = editor_client.post(ADD_PERSON, data)
    assert response.status_code == 200
    assert not Person.objects.filter(slug="loth").exists()


@pytest.mark.parametrize("typed", ["03433 241-4742", "241 4742", "+49 3433 2414742"])
def test_editor_finds_a_person_by_the_phone_number_as_germans_write_it(editor_client, typed):
    PersonFactory(last_name="Loth", slug="loth", phone="+4934332414742")
    PersonFactory(last_name="Richter", slug="richter", phone="+4934332413431")
    content = editor_client.get("/admin/contacts/person/", {"q": typed}).content.decode()
    assert "Loth" in content
    assert "Richter" not in content
