"""The contacts pages run a fixed number of queries, however many people and towns exist."""

import pytest

from contacts.models import Municipality
from pages.models import Page

from .factories import MunicipalityFactory, PersonFactory, TaskFactory, TeamFactory

# The views' own queries: every request reaches the view, none comes from the page cache.
pytestmark = pytest.mark.usefixtures("no_page_cache")

PAGES = [
    "/de/ansprechpersonen/",
    "/de/ansprechpersonen/?sprache=en",
    "/de/ansprechpersonen/zustaendigkeiten/",
    "/de/ansprechpersonen/zustaendigkeitsfinder/",
    "/de/ansprechpersonen/zustaendigkeitsfinder/?ort=04999",
    "/de/ansprechpersonen/zustaendigkeitsfinder/?ort=Ort",
    "/de/koordinierungsstelle/",
]


def _add_people(count):
    team = TeamFactory(is_general_contact=True)
    TaskFactory.create_batch(3, team=team)
    for _ in range(count):
        towns = MunicipalityFactory.create_batch(2, postal_codes=["04999"])
        PersonFactory(team=team, languages=["en", "ar"], municipalities=towns)
    # People without a team are listed too.
    PersonFactory(team=None, municipalities=list(Municipality.objects.all()[:3]))


def _queries(client, django_assert_max_num_queries, path, limit):
    # The first request also reads which fixed pages are drafts; that is cached for a minute.
    client.get(path)
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", PAGES)
def test_query_count_does_not_grow_with_the_number_of_people(
    client, db, path, django_assert_max_num_queries
):
    Page.objects.create(key=Page.Key.OFFICE, title_de="Koordinierungsstelle")
    # The finder also reads Ortsteile, other names, other authorities and spoken languages.
    limit = 12 if "zustaendigkeitsfinder" in path else 8
    _add_people(2)
    few = _queries(client, django_assert_max_num_queries, path, limit)
    _add_people(15)
    many = _queries(client, django_assert_max_num_queries, path, limit)
    assert many == few


def test_person_page_and_vcard_use_a_fixed_number_of_queries(
    client, db, django_assert_max_num_queries
):
    person = PersonFactory(municipalities=MunicipalityFactory.create_batch(20))
    # The fourth asks once whether the town assignment is still an example (the marker).
    with django_assert_max_num_queries(4):
        assert client.get(person.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(f"{person.get_absolute_url()}kontakt.vcf").status_code == 200
