"""A town given to a second person: the admin asks, and the public pages then name both."""

import pytest

from contacts.models import Person

from .factories import MunicipalityFactory, PersonFactory
from .test_admin import ADD_PERSON, person_form

pytestmark = pytest.mark.django_db
CONFIRM_BOX = 'type="checkbox" name="confirm_shared_towns"'


def _change_url(person):
    return f"/admin/contacts/person/{person.pk}/change/"


@pytest.fixture
def grimma():
    return MunicipalityFactory(name="Grimma", postal_codes=["04668"])


def test_town_another_published_person_covers_needs_confirmation(editor_client, grimma):
    PersonFactory(first_name="Ines", last_name="Götschenberg", municipalities=[grimma])

    response = editor_client.post(ADD_PERSON, person_form(municipalities=[grimma.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Grimma ist bereits Frau Ines Götschenberg zugeordnet. Trotzdem speichern?" in content
    assert CONFIRM_BOX in content
    assert not Person.objects.filter(slug="loth").exists()

    confirmed = person_form(municipalities=[grimma.pk], confirm_shared_towns="on")
    assert editor_client.post(ADD_PERSON, confirmed).status_code == 302
    assert list(
        grimma.responsible_people.order_by("last_name").values_list("last_name", flat=True)
    ) == [
        "Götschenberg",
        "Loth",
    ]


def test_every_shared_town_and_every_other_person_is_named(editor_client, grimma):
    borna = MunicipalityFactory(name="Borna")
    PersonFactory(last_name="Richter", municipalities=[grimma, borna])
    PersonFactory(last_name="Kaiser", salutation="herr", municipalities=[grimma])

    content = editor_client.post(
        ADD_PERSON, person_form(municipalities=[grimma.pk, borna.pk])
    ).content.decode()

    assert "Borna ist bereits Frau Richter zugeordnet." in content
    assert (
        "Grimma ist bereits Herr Kaiser und Frau Richter zugeordnet." in content
        or "Grimma ist bereits Frau Richter und Herr Kaiser zugeordnet." in content
    )


@pytest.mark.parametrize(
    "other", [{"is_published": False}, {"visible_until": "2020-01-01T00:00:00Z"}]
)
def test_town_of_a_person_readers_do_not_see_is_given_without_asking(editor_client, grimma, other):
    PersonFactory(last_name="Entwurf", municipalities=[grimma], **other)

    response = editor_client.post(ADD_PERSON, person_form(municipalities=[grimma.pk]))

    assert response.status_code == 302


def test_towns_the_person_already_had_are_not_asked_about_again(editor_client, grimma):
    PersonFactory(last_name="Richter", municipalities=[grimma])
    loth = PersonFactory(last_name="Loth", slug="loth", municipalities=[grimma])
    borna = MunicipalityFactory(name="Borna")

    response = editor_client.post(
        _change_url(loth),
        person_form(
            municipalities=[grimma.pk, borna.pk],
            phone="03433 241-2731",
            email=loth.email,
            job_title_de=loth.job_title_de,
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(loth.municipalities.all()) == {grimma, borna}


def test_without_a_shared_town_the_box_stays_hidden(editor_client, grimma):
    content = editor_client.get(ADD_PERSON).content.decode()
    assert 'type="hidden" name="confirm_shared_towns"' in content
    assert CONFIRM_BOX not in content


def test_table_and_finder_name_both_people_of_a_shared_town(client, grimma):
    PersonFactory(last_name="Richter", slug="richter", municipalities=[grimma])
    PersonFactory(last_name="Loth", slug="loth", municipalities=[grimma])

    table = client.get("/de/ansprechpersonen/zustaendigkeiten/").content.decode()
    finder = client.get("/de/ansprechpersonen/zustaendigkeitsfinder/", {"ort": "04668"})
    row = table[table.index("Grimma") : table.index("</tr>", table.index("Grimma"))]
    answer = finder.content.decode()

    assert 'href="/de/ansprechpersonen/richter/"' in row
    assert 'href="/de/ansprechpersonen/loth/"' in row
    assert "Zuständig für" in answer
    assert "Richter" in answer and "Loth" in answer
    by_person = table[table.index("Nach Ansprechperson") :]
    assert by_person.count("Grimma") == 2
