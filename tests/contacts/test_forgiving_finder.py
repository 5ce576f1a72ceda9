"""The finder forgives: typos, Ortsteile, other scripts, places outside the county, languages."""

import pytest

from contacts.models import AlternativeName, Locality, OtherAuthority

from .factories import MunicipalityFactory, OfficeFactory, PersonFactory, TeamFactory

FINDER = "/de/ansprechpersonen/zustaendigkeitsfinder/"


@pytest.fixture
def county(db):
    towns = {
        name: MunicipalityFactory(name=name, postal_codes=codes)
        for name, codes in {
            "Grimma": ["04668", "04680", "04688"],
            "Markkleeberg": ["04416"],
            "Markranstädt": ["04420"],
            "Borna": ["04552"],
        }.items()
    }
    Locality.objects.create(municipality=towns["Grimma"], name="Nerchau", postal_codes=["04685"])
    Locality.objects.create(
        municipality=towns["Markkleeberg"], name="Zöbigker", postal_codes=["04416"]
    )
    AlternativeName.objects.create(municipality=towns["Grimma"], name="غريما")
    AlternativeName.objects.create(municipality=towns["Grimma"], name="Гримма")
    OtherAuthority.objects.create(
        name="Stadt Leipzig",
        search_names="Leipzig\nЛейпциг",
        postal_code_prefixes="041, 042, 043",
        note_de="Die Stadt Leipzig hat eine eigene Verwaltung.",
    )
    OtherAuthority.objects.create(name="Landkreis Nordsachsen", search_names="Nordsachsen\nTorgau")
    kik = TeamFactory(abbreviation="KIK")
    people = {
        "goetschenberg": PersonFactory(
            last_name="Götschenberg",
            slug="goetschenberg",
            team=kik,
            municipalities=[towns["Grimma"]],
            languages=["de", "uk"],
        ),
        "loth": PersonFactory(
            last_name="Loth",
            slug="loth",
            team=kik,
            municipalities=[towns["Markkleeberg"], towns["Borna"]],
            languages=["de", "ar"],
        ),
    }
    return {"towns": towns, "people": people}


def _answer(client, query, **extra):
    response = client.get(FINDER, {"ort": query, **extra})
    assert response.status_code == 200
    content = response.content.decode()
    start = content.find('id="ergebnis"')
    return content[start : content.index('id="a-z"')] if start != -1 else ""


@pytest.mark.parametrize(
    ("typed", "town", "person"),
    [
        ("Grima", "Grimma", "Götschenberg"),
        ("grimmma", "Grimma", "Götschenberg"),
        ("Markleeberg", "Markkleeberg", "Loth"),
        ("Markkleberg", "Markkleeberg", "Loth"),
        ("Markranstadtt", "Markranstädt", None),
    ],
)
def test_typo_with_one_clear_match_answers_directly_and_says_so(
    client, county, typed, town, person
):
    answer = _answer(client, typed)
    assert f"Sie haben „<bdi>{typed}</bdi>“ eingegeben" in answer
    assert f"Wir zeigen Ihnen das Ergebnis für „<bdi>{town}</bdi>“" in answer
    assert f"Zuständig für <span>{town}</span>" in answer
    if person:
        assert person in answer
    assert "Kein Ort gefunden" not in answer


def test_typo_close_to_several_places_asks_did_you_mean_with_links(client, county):
    MunicipalityFactory(name="Bornau", postal_codes=["04999"])
    answer = _answer(client, "Bornaa")
    assert "Meinten Sie …?" in answer
    assert 'href="?ort=Borna#ergebnis"' in answer
    assert 'href="?ort=Bornau#ergebnis"' in answer
    assert "Zuständig für" not in answer


def test_did_you_mean_links_keep_the_chosen_language(client, county):
    MunicipalityFactory(name="Bornau", postal_codes=["04999"])
    answer = _answer(client, "Bornaa", sprache="ar")
    assert 'href="?ort=Borna&amp;sprache=ar#ergebnis"' in answer


def test_suggestions_are_translated(client, county):
    MunicipalityFactory(name="Bornau", postal_codes=["04999"])
    response = client.get(FINDER.replace("/de/", "/en/"), {"ort": "Bornaa"})
    assert "Did you mean …?" in response.content.decode()


@pytest.mark.parametrize("query", ["Nerchau", "nerchau", "04685"])
def test_village_answers_with_its_town_and_says_it_belongs_to_it(client, county, query):
    answer = _answer(client, query)
    assert (
        '<span lang="de" dir="ltr">Nerchau</span> gehört zu <span lang="de" dir="ltr">Grimma</span>'
        in answer
    )
    assert "Götschenberg" in answer
    assert "Kein Ort gefunden" not in answer


def test_village_typed_with_a_typo_is_found_too(client, county):
    answer = _answer(client, "Zobiger")
    assert "Zöbigker</span> gehört zu" in answer and "Loth" in answer


def test_postal_code_the_town_itself_has_does_not_name_a_village(client, county):
    answer = _answer(client, "04416")
    assert "Zöbigker" not in answer
    assert "Loth" in answer


@pytest.mark.parametrize(
    "query",
    [
        "غريما",  # Arabic
        "غریما",  # the same with the Persian ye
        " غريما ",
        "Гримма",  # Cyrillic
        "гримма",
        "ГРИММА",
    ],
)
def test_town_name_in_arabic_or_cyrillic_script_finds_the_town(client, county, query):
    answer = _answer(client, query)
    assert "Zuständig für <span>Grimma</span>" in answer
    assert "Götschenberg" in answer
    assert "eingegeben" not in answer


@pytest.mark.parametrize("query", ["04109", "04357", "04229", "Leipzig", "leipzig", "Лейпциг"])
def test_city_of_leipzig_is_named_as_the_other_authority(client, county, query):
    answer = _answer(client, query)
    assert "gehört nicht zum Landkreis Leipzig" in answer
    assert '<strong lang="de" dir="ltr">Stadt Leipzig</strong>' in answer
    assert "Die Stadt Leipzig hat eine eigene Verwaltung." in answer
    assert "Kein Ort gefunden" not in answer
    assert "Götschenberg" not in answer


def test_city_of_leipzig_page_title_says_not_in_the_county(client, county):
    content = client.get(FINDER, {"ort": "04109"}).content.decode()
    assert "<title>Nicht im Landkreis Leipzig – Zuständigkeitsfinder" in content


def test_city_of_leipzig_answer_is_translated(client, county):
    content = client.get(FINDER.replace("/de/", "/uk/"), {"ort": "04109"}).content.decode()
    assert "не належить до району Лейпциг" in content
    # The editor's note has no Ukrainian text yet: it is shown in German and marked.
    assert "Die Stadt Leipzig hat eine eigene Verwaltung." in content


def test_a_county_postal_code_wins_over_an_authority_prefix(client, county):
    OtherAuthority.objects.create(name="Irgendwo", postal_code_prefixes="04")
    answer = _answer(client, "04668")
    assert "Götschenberg" in answer
    assert "Irgendwo" not in answer


@pytest.mark.parametrize("query", ["Torgau", "Nordsachsen", "Torgua"])
def test_neighbouring_county_is_named_by_its_name_or_town(client, county, query):
    answer = _answer(client, query)
    assert '<strong lang="de" dir="ltr">Landkreis Nordsachsen</strong>' in answer
    assert "gehört nicht zum Landkreis Leipzig" in answer


def test_unknown_input_explains_what_to_type_and_links_all_contacts(client, county):
    answer = _answer(client, "Qwertzuiop")
    assert "Kein Ort gefunden" in answer
    assert "Prüfen Sie Ihre Eingabe" in answer
    assert 'href="/de/ansprechpersonen/"' in answer
    assert "Meinten Sie" not in answer


@pytest.mark.parametrize(
    "query",
    [
        "\u202egrimma\u202c",  # right-to-left override
        "\u200fGrimma\u200e",  # direction marks
        "Gri\u0007mma",  # a control character
        "غريما" * 16,
        "Ä" * 100,
        "ß" * 99 + "x",
        "%s%(name)s{{ x }}",
    ],
)
def test_odd_input_gets_an_answer_never_an_error(client, county, query):
    response = client.get(FINDER, {"ort": query})
    assert response.status_code == 200


def test_form_sends_the_reader_to_the_answer(client, county):
    content = client.get(FINDER, {"ort": "Grimma"}).content.decode()
    assert 'action="/de/ansprechpersonen/zustaendigkeitsfinder/#ergebnis"' in content
    assert '<div class="finder-answer" id="ergebnis" tabindex="-1">' in content


def test_language_filter_adds_the_advisers_who_speak_it(client, county):
    answer = _answer(client, "Grimma", sprache="ar")
    assert "Ansprechpersonen, die Arabisch sprechen" in answer
    speakers = answer[answer.index("die Arabisch sprechen") :]
    assert "Loth" in speakers and "Götschenberg" not in speakers


def test_language_filter_offers_only_languages_someone_speaks(client, county):
    content = client.get(FINDER).content.decode()
    select = content[content.index('<select id="sprache"') : content.index("</select>")]
    assert 'value="ar"' in select and 'value="uk"' in select
    assert 'value="fa"' not in select and 'value="de"' not in select


def test_language_nobody_speaks_says_so_kindly(client, county):
    answer = _answer(client, "Grimma", sprache="fa")
    assert "Im Moment berät niemand in dieser Sprache" in answer


def test_unknown_language_code_is_ignored(client, county):
    answer = _answer(client, "Grimma", sprache="<xx>")
    assert "Götschenberg" in answer
    assert "sprechen" not in answer


def test_consultation_hours_marked_as_example_everywhere_they_appear(client, county):
    person = county["people"]["goetschenberg"]
    person.consultation_hours_de = "Dienstag 9 bis 12 Uhr"
    person.details_are_example = True
    person.save()
    for url in (
        person.get_absolute_url(),
        "/de/ansprechpersonen/",
        FINDER + "?ort=Grimma",
    ):
        content = client.get(url).content.decode()
        hours = content[content.index("<dt>Sprechzeiten</dt>") :]
        hours = hours[: hours.index("</dd>")]
        assert '<strong class="example-mark">Beispiel:</strong>' in hours, url
        assert "Dienstag 9 bis 12 Uhr" in hours, url


def test_real_consultation_hours_carry_no_example_mark(client, county):
    person = county["people"]["goetschenberg"]
    person.consultation_hours_de = "Dienstag 9 bis 12 Uhr"
    person.save()
    content = client.get(person.get_absolute_url()).content.decode()
    assert "Dienstag 9 bis 12 Uhr" in content
    assert "example-mark" not in content


def test_without_own_hours_the_office_opening_hours_are_shown(client, county):
    office = OfficeFactory(opening_hours_de="Montag bis Freitag 8 bis 12 Uhr")
    person = PersonFactory(slug="ohne-zeiten", office=office)
    content = client.get(person.get_absolute_url()).content.decode()
    hours = content[content.index("<dt>Sprechzeiten</dt>") :]
    assert "Öffnungszeiten des Standorts:" in hours[: hours.index("</dd>")]
    # Shown once: the visit section below does not repeat them.
    assert content.count("Montag bis Freitag 8 bis 12 Uhr") == 1


def test_own_hours_and_the_office_opening_hours_are_both_shown_once(client, county):
    office = OfficeFactory(opening_hours_de="Montag bis Freitag 8 bis 12 Uhr")
    person = PersonFactory(slug="mit-zeiten", office=office, consultation_hours_de="Dienstag 9 Uhr")
    content = client.get(person.get_absolute_url()).content.decode()
    assert content.count("Dienstag 9 Uhr") == 1
    assert content.count("Montag bis Freitag 8 bis 12 Uhr") == 1
    assert "<h3>Öffnungszeiten</h3>" in content


def _finder_queries(client, django_assert_max_num_queries, query):
    client.get(FINDER, query)
    with django_assert_max_num_queries(12) as captured:
        assert client.get(FINDER, query).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "query",
    [
        {"ort": "Nerchau", "sprache": "ar"},
        {"ort": "Grima"},
        {"ort": "04109"},
        {"ort": "Qwertzuiop"},
        {"ort": "04685"},
    ],
)
def test_query_count_does_not_grow_with_villages_and_other_names(
    client, county, django_assert_max_num_queries, query
):
    few = _finder_queries(client, django_assert_max_num_queries, query)
    for number in range(60):
        town = MunicipalityFactory()
        Locality.objects.create(municipality=town, name=f"Dorf {number}", postal_codes=["04999"])
        AlternativeName.objects.create(municipality=town, name=f"Другое {number}")
        OtherAuthority.objects.create(name=f"Behörde {number}", search_names=f"Ort {number}")
        PersonFactory(municipalities=[town], languages=["ar"])
    many = _finder_queries(client, django_assert_max_num_queries, query)
    assert many == few


# --- With the demo content ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Nerchau", "Grimma"),
        ("04685", "Grimma"),
        ("Grima", "Grimma"),
        ("Markkleberg", "Markkleeberg"),
        ("غريما", "Grimma"),
        ("Гримма", "Grimma"),
        ("04109", "Stadt Leipzig"),
        ("Leipzig", "Stadt Leipzig"),
        ("Torgau", "Landkreis Nordsachsen"),
        ("Zeitz", "Burgenlandkreis"),
    ],
)
def test_demo_finder_answers_the_issue_examples(client, demo_content, query, expected):
    answer = _answer(client, query)
    assert f"Zuständig für <span>{expected}</span>" in answer or (
        f'<strong lang="de" dir="ltr">{expected}</strong>' in answer
    )
    assert "Kein Ort gefunden" not in answer


def test_demo_people_show_example_hours_and_languages(client, demo_content):
    content = client.get("/de/ansprechpersonen/loth/").content.decode()
    assert content.count('<strong class="example-mark">Beispiel:</strong>') == 2


# --- Admin ----------------------------------------------------------------------------------


def test_editor_adds_a_village_and_another_name_inline_on_the_town(editor_client, county):
    grimma = county["towns"]["Grimma"]
    url = f"/admin/contacts/municipality/{grimma.pk}/change/"
    content = editor_client.get(url).content.decode()
    assert "Ortsteile" in content and "Name des Ortsteils" in content
    assert "ndere Namen (andere Schrift, frühere Namen)" in content
    assert "object (" not in content
    data = {
        "name": "Grimma",
        "kind": grimma.kind,
        "postal_codes": "04668, 04680, 04688",
        "official_key": "",
        "Person_municipalities-TOTAL_FORMS": "0",
        "Person_municipalities-INITIAL_FORMS": "0",
        "localities-TOTAL_FORMS": "1",
        "localities-INITIAL_FORMS": "0",
        "localities-0-name": "Mutzschen",
        "localities-0-postal_codes": "04688",
        "alternative_names-TOTAL_FORMS": "1",
        "alternative_names-INITIAL_FORMS": "0",
        "alternative_names-0-name": "Grimma an der Mulde",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert grimma.localities.filter(name="Mutzschen", postal_codes=["04688"]).exists()
    assert grimma.alternative_names.filter(name="Grimma an der Mulde").exists()
    data.update({"localities-0-postal_codes": "4688"})
    content = editor_client.post(url, data).content.decode()
    assert "Eine Postleitzahl hat genau fünf Ziffern" in content


def test_other_authority_admin_is_german_and_checks_the_prefixes(editor_client, county):
    content = editor_client.get("/admin/contacts/otherauthority/").content.decode()
    assert "andere Behörden (außerhalb des Landkreises)" in content
    assert "Stadt Leipzig" in content and "object (" not in content
    content = editor_client.get("/admin/contacts/otherauthority/add/").content.decode()
    for label in ("Suchbegriffe", "Postleitzahlen", "Hinweis", "Website"):
        assert label in content
    response = editor_client.post(
        "/admin/contacts/otherauthority/add/",
        {
            "name": "Landkreis Mittelsachsen",
            "search_names": "Döbeln",
            "postal_code_prefixes": "04x",
        },
    )
    assert response.status_code == 200
    assert "„04x“ ist keine Postleitzahl und kein Anfang einer." in response.content.decode()
    assert not OtherAuthority.objects.filter(name="Landkreis Mittelsachsen").exists()


def test_person_admin_offers_the_example_switch_in_german(editor_client, county):
    person = county["people"]["loth"]
    content = editor_client.get(f"/admin/contacts/person/{person.pk}/change/").content.decode()
    assert "Sprechzeiten und Sprachen sind ein Beispiel" in content
