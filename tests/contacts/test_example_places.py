"""Ortsteile, other spellings and other authorities the office has not confirmed are examples.

The demo's places come from general knowledge, except Nerchau (04685), which the office
named. Readers see "Beispiel:" wherever the finder's answer rests on such an entry; editors
find each one under „Was ansteht“ and switch the mark off once it is checked.
"""

import pytest

from contacts.models import AlternativeName, Locality, OtherAuthority

FINDER = "/de/ansprechpersonen/zustaendigkeitsfinder/"
TABLE = "/de/ansprechpersonen/zustaendigkeiten/"
EXAMPLE = '<p class="example-note"><strong>Beispiel:</strong>'


def _answer(client, query, language="de"):
    response = client.get(FINDER.replace("/de/", f"/{language}/"), {"ort": query})
    assert response.status_code == 200
    content = response.content.decode()
    return content[content.index('id="ergebnis"') : content.index('id="a-z"')]


@pytest.mark.parametrize(
    "query",
    [
        "Mutzschen",  # an Ortsteil from general knowledge
        "Гримма",  # a spelling the maintainers wrote
        "Leipzig",  # another authority
        "04109",  # its postal codes
        "Torgau",  # a neighbouring county's town
    ],
)
def test_demo_answers_that_rest_on_unconfirmed_places_say_example(client, demo_content, query):
    answer = _answer(client, query)
    assert EXAMPLE in answer
    assert "noch nicht von der" in answer


# Grimma and its postal codes are in FACTS.md; Nerchau was named by the office. A postal
# code Grimma has itself names only Grimma, not the Ortsteile that share it.
@pytest.mark.parametrize("query", ["Nerchau", "04685", "Grimma", "04668", "04688"])
def test_answers_from_confirmed_facts_carry_no_example_note(client, demo_content, query):
    answer = _answer(client, query)
    assert "Zuständig für" in answer and "Grimma" in answer
    assert "Mutzschen" not in answer
    assert "noch nicht von der Koordinierungsstelle bestätigt" not in answer


def test_note_is_translated_and_goes_when_the_editor_confirms(client, demo_content):
    arabic = _answer(client, "Mutzschen", language="ar")
    assert EXAMPLE not in arabic
    assert '<p class="example-note">' in arabic
    Locality.objects.filter(name="Mutzschen").update(is_example=False)
    assert '<p class="example-note">' not in _answer(client, "Mutzschen", language="ar")


def test_demo_marks_everything_but_nerchau(demo_content):
    assert list(Locality.objects.filter(is_example=False).values_list("name", flat=True)) == [
        "Nerchau"
    ]
    assert not AlternativeName.objects.filter(is_example=False).exists()
    assert not OtherAuthority.objects.filter(is_example=False).exists()


def test_responsibility_table_lists_ortsteile_and_marks_examples(client, demo_content):
    content = client.get(TABLE).content.decode()
    grimma = content[content.index("<span>Grimma</span>") : content.index("<span>Groitzsch</span>")]
    assert 'data-label="Ortsteile"' in grimma
    for place in ("Großbothen", "Mutzschen", "Nerchau"):
        assert f">{place}</span>" in grimma
    # Nerchau's own postal code is named; examples carry a star explained below the table.
    assert '<span dir="ltr">04685</span>' in grimma
    nerchau = grimma[grimma.index(">Nerchau</span>") :]
    assert not nerchau.split("</td>")[0].count("(Beispiel)")
    assert grimma.count("(Beispiel)") == 2
    assert "Ortsteile mit * sind noch nicht von der Koordinierungsstelle bestätigt." in content


def test_table_says_nothing_about_examples_once_all_are_confirmed(client, demo_content):
    Locality.objects.update(is_example=False)
    content = client.get(TABLE).content.decode()
    assert "Ortsteile mit *" not in content
    assert "(Beispiel)" not in content


def test_responsibility_table_queries_do_not_grow_with_villages(
    client, demo_content, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(TABLE)
    grimma = Locality.objects.get(name="Nerchau").municipality
    Locality.objects.bulk_create(
        Locality(municipality=grimma, name=f"Dorf {number}", postal_codes=["04668"])
        for number in range(60)
    )
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert client.get(TABLE).status_code == 200


def test_attention_lists_unconfirmed_places_with_links(admin_client, demo_content):
    content = admin_client.get("/admin/").content.decode()
    section = content[content.index("Beispielangaben im Zuständigkeitsfinder") :]
    grimma = Locality.objects.get(name="Nerchau").municipality
    assert f"/admin/contacts/municipality/{grimma.pk}/change/" in section
    assert "Mutzschen" in section and "Гримма" in section
    leipzig = OtherAuthority.objects.get(name="Stadt Leipzig")
    assert f"/admin/contacts/otherauthority/{leipzig.pk}/change/" in section
    Locality.objects.update(is_example=False)
    AlternativeName.objects.update(is_example=False)
    OtherAuthority.objects.update(is_example=False)
    content = admin_client.get("/admin/").content.decode()
    assert "Beispielangaben im Zuständigkeitsfinder" not in content


def test_editor_confirms_a_village_on_its_town(editor_client, demo_content):
    grimma = Locality.objects.get(name="Nerchau").municipality
    page = editor_client.get(f"/admin/contacts/municipality/{grimma.pk}/change/").content.decode()
    assert "Beispiel, noch nicht bestätigt" in page
    authority = OtherAuthority.objects.get(name="Stadt Leipzig")
    listing = editor_client.get("/admin/contacts/otherauthority/?is_example__exact=1")
    assert authority.name in listing.content.decode()


@pytest.mark.parametrize(("query", "places"), [("Mutzschen", True), ("Nerchau", False)])
def test_search_answer_marks_the_example_mapping_and_unconfirmed_places(
    client, demo_content, query, places
):
    content = client.get("/de/suche/", {"q": query}).content.decode()
    answer = content[content.index('class="search-answer"') :]
    answer = answer[: answer.index("</section>")]
    assert "Diese Zuordnung der Städte und Gemeinden ist noch nicht verbindlich." in answer
    assert ("noch nicht von der Koordinierungsstelle bestätigt" in answer) is places
