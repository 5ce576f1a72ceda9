"""The demo content: the seed page's people, both teams, two offices and all 30 towns."""

from django.core.management import call_command

from contacts.models import Municipality, Office, Person, ResponsibilityOverview, Team
from contacts.selectors import municipalities_without_responsible_person
from demo.loaders import contacts as demo_contacts


def test_demo_has_the_four_people_of_the_seed_page(demo_content):
    people = {p.last_name: p for p in Person.objects.select_related("office", "team")}
    assert set(people) == {"Richter", "Eichardt", "Götschenberg", "Loth"}
    assert {p.room for p in people.values()} == {"414", "2.60", "2.02"}
    assert people["Richter"].phone == "+4934332413431"
    assert people["Richter"].fax == "+4934332417149"
    assert people["Richter"].phone_display == "03433 241-3431"
    assert people["Richter"].office.street_line == "Südstraße 80, Gebäude 62"
    assert people["Richter"].team.abbreviation == "KOI"
    assert people["Eichardt"].phone_display == "03433 241-2731"
    assert people["Eichardt"].fax_display == "03433 241-7149"
    assert people["Götschenberg"].phone_display == "03433 241-3304"
    assert people["Götschenberg"].fax == ""
    assert people["Loth"].phone_display == "03433 241-4742"
    assert {p.office.town for p in people.values()} == {"Grimma", "Markkleeberg"}
    assert {p.email for p in people.values()} == {"integrationshilfe@lk-l.de"}


def test_demo_never_contains_the_seed_pages_mailbox_typo(client, demo_content):
    assert not Person.objects.filter(email__icontains="integartion").exists()
    for path in ("/de/ansprechpersonen/", "/de/koordinierungsstelle/"):
        assert "integartion" not in client.get(path).content.decode()


def test_demo_has_both_teams_with_their_tasks_in_three_languages(demo_content):
    koi = Team.objects.get(abbreviation="KOI")
    kik = Team.objects.get(abbreviation="KIK")
    assert koi.is_general_contact and not kik.is_general_contact
    assert koi.tasks.count() == 8
    assert kik.tasks.count() == 5
    for team in (koi, kik):
        assert team.name_en and team.name_ar and team.description_ar
        assert all(task.text_en and task.text_ar for task in team.tasks.all())
    assert all(p.job_title_en and p.job_title_ar for p in Person.objects.all())


def test_demo_has_all_30_municipalities_with_their_postal_codes(demo_content):
    assert Municipality.objects.filter(kind=Municipality.Kind.TOWN).count() == 19
    assert Municipality.objects.filter(kind=Municipality.Kind.MUNICIPALITY).count() == 11
    assert Municipality.objects.get(name="Grimma").postal_codes == ["04668", "04680", "04688"]
    assert Municipality.objects.get(name="Neukieritzsch").postal_codes == ["04575", "04574"]
    assert Office.objects.count() == 2


def test_demo_distribution_covers_every_town_and_is_labelled_as_an_example(demo_content):
    assert municipalities_without_responsible_person() == []
    assert ResponsibilityOverview.objects.get().is_example


def test_loading_the_demo_twice_changes_nothing(demo_content):
    before = (Person.objects.count(), Municipality.objects.count(), Team.objects.count())
    person = Person.objects.get(slug="loth")
    person.municipalities.clear()  # an editor's change survives a second run
    call_command("load_demo", verbosity=0)
    after = (Person.objects.count(), Municipality.objects.count(), Team.objects.count())
    assert after == before
    assert not person.municipalities.exists()
    assert demo_contacts.load() == 0
