"""The Zuständigkeitsfinder: postal code or town name in, responsible people out."""

from urllib.parse import quote

import pytest

from tests.site_urls import heading_levels, parse_html, skipped_heading_levels

from .factories import MunicipalityFactory, PersonFactory, TeamFactory

FINDER = "/de/ansprechpersonen/zustaendigkeitsfinder/"


@pytest.fixture
def towns(db):
    names = {
        "Grimma": ["04668", "04680", "04688"],
        "Otterwisch": ["04668"],
        "Parthenstein": ["04668"],
        "Colditz": ["04680"],
        "Borna": ["04552"],
        "Borsdorf": ["04451"],
        "Rötha": ["04571", "04579"],
        "Regis-Breitingen": ["04565"],
        "Trebsen/Mulde": ["04687"],
    }
    return {
        name: MunicipalityFactory(name=name, postal_codes=codes) for name, codes in names.items()
    }


@pytest.fixture
def coordinators(towns):
    kik = TeamFactory(abbreviation="KIK", name_de="Kommunale Integrationskoordinatoren")
    loth = PersonFactory(
        last_name="Loth",
        slug="loth",
        team=kik,
        municipalities=[towns["Borna"], towns["Rötha"], towns["Regis-Breitingen"]],
    )
    goetschenberg = PersonFactory(
        last_name="Götschenberg",
        slug="goetschenberg",
        team=kik,
        municipalities=[
            towns["Grimma"],
            towns["Otterwisch"],
            towns["Colditz"],
            towns["Trebsen/Mulde"],
        ],
    )
    koi = TeamFactory(
        abbreviation="KOI", name_de="Koordinatorin Integration Asyl", is_general_contact=True
    )
    richter = PersonFactory(last_name="Richter", slug="richter", team=koi)
    return {"loth": loth, "goetschenberg": goetschenberg, "richter": richter}


def _get(client, query):
    response = client.get(FINDER, {"ort": query})
    assert response.status_code == 200
    return response, response.content.decode()


def _answer(content):
    """The part of the page after the form and before the A–Z list."""
    start = content.find('<div class="finder-answer"')
    return content[start : content.index('id="a-z"')] if start != -1 else ""


def test_finder_without_query_shows_the_form_and_every_town_a_to_z(client, towns):
    response = client.get(FINDER)
    content = response.content.decode()
    assert response.status_code == 200
    assert '<label for="ort">' in content
    assert "zum Beispiel 04552" in content
    assert "finder-answer" not in content
    assert "error-summary" not in content
    for name in towns:
        assert f'href="?ort={quote(name, safe="/")}#ergebnis"' in content
    # Sorted as German readers expect: "Rötha" between "Regis-Breitingen" and "Trebsen".
    order = [content.index(f">{name}<") for name in ("Regis-Breitingen", "Rötha", "Trebsen/Mulde")]
    assert order == sorted(order)


def test_finder_is_a_get_form_that_sets_no_cookie(client, towns):
    response = client.get(FINDER, {"ort": "Borna"})
    content = response.content.decode()
    assert 'method="get"' in content
    assert "csrfmiddlewaretoken" not in content
    assert not response.cookies


def test_town_name_names_the_responsible_coordinator_and_the_general_contact(client, coordinators):
    response, content = _get(client, "Borna")
    answer = _answer(content)
    assert "Zuständig für <span>Borna</span>" in answer
    assert "Frau Loth" in answer
    assert "tel:+4934332412731" in answer
    assert "Allgemeine Ansprechperson" in answer
    assert "Frau Richter" in answer
    assert "Götschenberg" not in answer
    assert "<title>Borna – Zuständigkeitsfinder" in content


@pytest.mark.parametrize("query", ["borna", "  BORNA ", "Borna 04552", "04552 Borna"])
def test_town_name_ignores_case_spaces_and_an_added_postal_code(client, coordinators, query):
    _response, content = _get(client, query)
    assert "Frau Loth" in _answer(content)


@pytest.mark.parametrize("query", ["Rötha", "Roetha", "rotha", "Röt"])
def test_town_name_with_umlaut_may_be_typed_without_it(client, coordinators, query):
    _response, content = _get(client, query)
    answer = _answer(content)
    assert "Zuständig für <span>Rötha</span>" in answer
    assert "Frau Loth" in answer


@pytest.mark.parametrize("query", ["Breitingen", "Mulde", "Trebsen"])
def test_town_name_may_start_at_any_word_of_it(client, coordinators, query):
    _response, content = _get(client, query)
    assert "Zuständig für" in _answer(content)


def test_beginning_of_several_town_names_offers_a_choice(client, coordinators):
    _response, content = _get(client, "Bor")
    answer = _answer(content)
    assert "Mehrere Orte passen zu „<bdi>Bor</bdi>“" in answer
    assert "?ort=Borna" in answer and "?ort=Borsdorf" in answer
    assert "Grimma" not in answer
    assert "person-card" not in answer


def test_choice_of_several_towns_is_not_titled_as_nothing_found(client, coordinators):
    _response, content = _get(client, "Bor")
    assert "<title>Bor – Zuständigkeitsfinder" in content
    assert "Kein Ort gefunden" not in content


def test_unique_postal_code_names_the_town_and_its_coordinator(client, coordinators):
    _response, content = _get(client, "04552")
    answer = _answer(content)
    assert "Zuständig für <span>Borna</span>" in answer
    assert "Frau Loth" in answer
    assert "<title>04552 – Zuständigkeitsfinder" in content


def test_postal_code_shared_by_three_towns_lists_each_of_them(client, coordinators):
    _response, content = _get(client, "04668")
    answer = _answer(content)
    for name in ("Grimma", "Otterwisch", "Parthenstein"):
        assert f"Zuständig für <span>{name}</span>" in answer
    assert "gehört zu 3 Orten" in answer
    assert "Colditz" not in answer


def test_town_without_responsible_person_points_to_the_general_contact(client, coordinators):
    _response, content = _get(client, "Parthenstein")
    answer = _answer(content)
    assert "Für diesen Ort ist gerade niemand eingetragen" in answer
    assert "Frau Richter" in answer


def test_postal_code_with_spaces_is_read_as_the_code(client, coordinators):
    _response, content = _get(client, "04 552")
    assert "Frau Loth" in _answer(content)


@pytest.mark.parametrize("query", ["٠٤٥٥٢", "۰۴۵۵۲", "٠٤٥٥٢ Borna"])
def test_postal_code_in_arabic_or_persian_digits_is_read_as_the_code(client, coordinators, query):
    _response, content = _get(client, query)
    assert "Zuständig für <span>Borna</span>" in _answer(content)


@pytest.mark.parametrize("query", ["01067", "99999"])
def test_unknown_postal_code_gets_a_message_and_the_full_list(client, coordinators, query):
    _response, content = _get(client, query)
    answer = _answer(content)
    assert "Kein Ort gefunden" in answer
    assert f'<span dir="ltr">{query}</span> gehört zu keiner Stadt' in answer
    assert "error-summary" not in content
    assert "Alle Städte und Gemeinden von A bis Z" in content
    assert "?ort=Grimma" in content
    assert f'value="{query}"' in content


@pytest.mark.parametrize("query", ["Leipzig", "xyz", "Qwertz"])
def test_unknown_town_name_gets_a_message_and_the_full_list(client, coordinators, query):
    _response, content = _get(client, query)
    assert "Kein Ort gefunden" in _answer(content)
    assert "?ort=Borna" in content


def _assert_error_pattern(content, message, typed):
    """The four parts of the UX guide's error pattern."""
    summary = content[content.index('class="error-summary"') : content.index("<h1>")]
    assert 'href="#ort"' in summary and message in summary
    assert '<span class="visually-hidden">Fehler:</span>' in content
    assert message in content[content.index('id="ort-error"') :]
    assert "<title>Fehler: " in content
    assert 'aria-invalid="true"' in content
    assert f'value="{typed}"' in content


@pytest.mark.parametrize("query", ["0466", "046681", "4552", "123456789"])
def test_malformed_postal_code_shows_the_error_pattern(client, towns, query):
    _response, content = _get(client, query)
    _assert_error_pattern(content, "Eine Postleitzahl hat genau fünf Ziffern", query)
    assert "?ort=Grimma" in content


@pytest.mark.parametrize("query", ["", "   ", "!!!", "-"])
def test_empty_query_asks_for_a_postal_code_or_town(client, towns, query):
    _response, content = _get(client, query)
    _assert_error_pattern(
        content, "Geben Sie Ihre Postleitzahl oder den Namen Ihres Ortes ein", query
    )


def test_very_long_query_gets_a_helpful_message_not_an_error_page(client, towns):
    query = "Grimma" * 2000
    _response, content = _get(client, query)
    _assert_error_pattern(content, "Ihre Eingabe ist zu lang", query)
    assert "?ort=Grimma" in content


def test_markup_in_the_query_is_shown_as_text(client, towns):
    _response, content = _get(client, '<script>alert("x")</script>')
    assert "<script>alert" not in content
    assert "&lt;script&gt;" in content


def test_null_character_in_the_query_is_a_message_not_a_crash(client, towns):
    response = client.get(FINDER + "?ort=Gri%00mma")
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_unpublished_coordinator_is_not_named_by_the_finder(client, coordinators):
    coordinators["loth"].is_published = False
    coordinators["loth"].save()
    _response, content = _get(client, "Borna")
    answer = _answer(content)
    assert "Loth" not in content
    assert "Für diesen Ort ist gerade niemand eingetragen" in answer
    assert "Frau Richter" in answer


def test_finder_results_keep_headings_in_order(client, coordinators):
    for query in ("04668", "Bor", "xyz", "0466", "Borna"):
        _response, content = _get(client, query)
        document, errors = parse_html(content)
        levels = heading_levels(document.getroot() if hasattr(document, "getroot") else document)
        assert levels.count(1) == 1
        assert skipped_heading_levels(levels) == []
        assert errors == []


def test_finder_in_arabic_marks_german_town_names(client, coordinators):
    response = client.get("/ar/ansprechpersonen/zustaendigkeitsfinder/", {"ort": "04552"})
    content = response.content.decode()
    assert '<span lang="de" dir="ltr">Borna</span>' in content
    assert '<html lang="ar" dir="rtl" data-script="Arab">' in content


def test_shared_postal_codes_of_the_demo_list_every_town(client, demo_content):
    expected = {
        "04668": ["Grimma", "Otterwisch", "Parthenstein"],
        "04808": ["Lossatal", "Thallwitz", "Wurzen"],
        "04683": ["Belgershain", "Naunhof"],
        "04523": ["Elstertrebnitz", "Pegau"],
        "04680": ["Colditz", "Grimma"],
    }
    for code, names in expected.items():
        _response, content = _get(client, code)
        answer = _answer(content)
        for name in names:
            assert f"Zuständig für <span>{name}</span>" in answer, (code, name)
