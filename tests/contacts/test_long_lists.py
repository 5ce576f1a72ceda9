"""With many people the contacts page comes in pages; the office page shows each team's first."""

import re

import pytest

from contacts import selectors
from contacts.models import Person
from pages.models import Page

from .factories import PersonFactory, TaskFactory, TeamFactory

pytestmark = pytest.mark.usefixtures("no_page_cache")


def _cards(body):
    return re.findall(r'class="person-card__name"><a href="[^"]+">([^<]+)</a>', body)


@pytest.fixture
def crowd(db):
    """Two teams of 40 and 30 people, and 5 people without a team: 75 on two pages of 50."""
    first = TeamFactory(abbreviation="AAA", order=1)
    second = TeamFactory(abbreviation="BBB", order=2)
    TaskFactory(team=first, text_de="Erste Aufgabe des ersten Teams")
    TaskFactory(team=second, text_de="Aufgabe des zweiten Teams")
    for n in range(40):
        PersonFactory(team=first, last_name=f"Erster{n:02d}", languages=["ar"] if n < 3 else [])
    for n in range(30):
        PersonFactory(team=second, last_name=f"Zweiter{n:02d}", languages=["far"] if n < 2 else [])
    for n in range(5):
        PersonFactory(team=None, last_name=f"Ohne{n:02d}")
    PersonFactory(team=first, last_name="Entwurf", is_published=False)
    return first, second


def test_contacts_page_lists_fifty_people_per_page_team_by_team(client, crowd):
    first_page = client.get("/de/ansprechpersonen/").content.decode()
    names = _cards(first_page)
    assert len(names) == selectors.PEOPLE_PER_PAGE == 50
    assert "<title>Ansprechpersonen – Seite 1 von 2" in first_page
    assert 'href="?page=2" rel="next"' in first_page
    # The first team starts here with its tasks; the second starts on this page and goes on.
    assert "Erste Aufgabe des ersten Teams" in first_page
    assert "Aufgabe des zweiten Teams" in first_page
    assert [n for n in names if "Erster" in n][-1].endswith("Erster39")

    second_page = client.get("/de/ansprechpersonen/", {"page": 2}).content.decode()
    names = _cards(second_page)
    assert len(names) == 25
    assert "<title>Ansprechpersonen – Seite 2 von 2" in second_page
    # The second team continues: its heading says so and its tasks are not repeated.
    assert "(BBB)</span> – Fortsetzung</h2>" in second_page
    assert "Aufgabe des zweiten Teams" not in second_page
    assert names[-1].endswith("Ohne04") and "Weitere Ansprechpersonen" in second_page
    assert "Entwurf" not in first_page + second_page


def test_every_published_person_is_on_exactly_one_page(client, crowd):
    seen = []
    for number in (1, 2):
        seen += _cards(client.get("/de/ansprechpersonen/", {"page": number}).content.decode())
    assert len(seen) == len(set(seen)) == Person.objects.public().count() == 75


def test_a_page_number_out_of_range_or_garbage_shows_a_page(client, crowd):
    for value in ("99", "0", "x", "-1", "1e9"):
        response = client.get("/de/ansprechpersonen/", {"page": value})
        assert response.status_code == 200
        assert _cards(response.content.decode())


def test_language_filter_matches_whole_codes_in_sql(client, crowd):
    body = client.get("/de/ansprechpersonen/", {"sprache": "ar"}).content.decode()
    names = _cards(body)
    assert len(names) == 3
    assert all(any(name.endswith(f"Erster{n:02d}") for name in names) for n in range(3))
    # "fa" is not found inside the made-up code "far".
    assert selectors.speakers_of("fa") == []


def test_team_filter_lists_one_team_and_an_unknown_one_lists_everyone(client, crowd):
    body = client.get("/de/ansprechpersonen/", {"team": "bbb"}).content.decode()
    assert len(_cards(body)) == 30 and all("Zweiter" in name for name in _cards(body))
    assert "Alle Ansprechpersonen</a>" in body
    body = client.get("/de/ansprechpersonen/", {"team": "ZZZ"}).content.decode()
    assert len(_cards(body)) == 50


def test_office_page_shows_each_teams_first_people_and_links_to_the_rest(client, crowd):
    Page.objects.create(key=Page.Key.OFFICE, title_de="Koordinierungsstelle")
    body = client.get("/de/koordinierungsstelle/").content.decode()
    names = _cards(body)
    limit = selectors.OFFICE_PEOPLE_PER_TEAM
    assert len([n for n in names if "Erster" in n]) == limit
    assert len([n for n in names if "Zweiter" in n]) == limit
    assert 'href="/de/ansprechpersonen/?team=AAA">Alle Ansprechpersonen dieses Teams (40)' in body
    assert 'href="/de/ansprechpersonen/?team=BBB">Alle Ansprechpersonen dieses Teams (30)' in body


@pytest.mark.parametrize(
    "path", ["/de/ansprechpersonen/", "/de/ansprechpersonen/?page=2", "/de/koordinierungsstelle/"]
)
def test_long_lists_keep_their_query_count(client, db, path, django_assert_max_num_queries):
    Page.objects.create(key=Page.Key.OFFICE, title_de="Koordinierungsstelle")
    team = TeamFactory()
    TaskFactory.create_batch(2, team=team)
    PersonFactory.create_batch(60, team=team)
    client.get(path)
    with django_assert_max_num_queries(9) as few:
        assert client.get(path).status_code == 200
    PersonFactory.create_batch(150, team=TeamFactory())
    PersonFactory.create_batch(20, team=None)
    with django_assert_max_num_queries(9) as many:
        assert client.get(path).status_code == 200
    assert len(many) == len(few)
