"""Reads of the contacts app that its pages and other parts of the site use.

Every function here runs a fixed number of queries, however many people or towns exist.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from . import languages
from .models import Municipality, Person, ResponsibilityOverview, Team
from .models import fold as _fold


def people_for_display(queryset, *, also=None):
    """Published people of `queryset` with everything a person card shows, in constant queries.

    `also` is the primary key of a person shown by a preview link though still a draft.
    """
    return (
        queryset.published(also=also)
        .select_related("office", "team")
        .prefetch_related(Prefetch("municipalities", queryset=Municipality.objects.all()))
    )


def _published_people():
    return list(people_for_display(Person.objects.all()))


def _teams_of(people):
    """All teams in order, each with its tasks and its people from `people`."""
    teams = list(Team.objects.prefetch_related("tasks"))
    for team in teams:
        team.published_people = [person for person in people if person.team_id == team.pk]
    return teams


def office_teams():
    """The teams with their tasks and published people, as the office page lists them."""
    return _teams_of(_published_people())


def contacts_overview(*, language=""):
    """The Ansprechpersonen page: teams with people, or everyone who speaks `language`."""
    people = _published_people()
    spoken = {code for person in people for code in person.languages}
    language_links = [
        languages.describe(code)
        for code, *_rest in languages.SPOKEN_LANGUAGES
        if code in spoken and code != "de"
    ]
    speakers = None
    if language:
        speakers = [person for person in people if language in person.languages]
    return {
        "teams": [team for team in _teams_of(people) if team.published_people],
        "people_without_team": [person for person in people if person.team_id is None],
        "language_links": language_links,
        "language": languages.describe(language) if language else None,
        "speakers": speakers,
    }


def published_person(slug, *, also=None):
    """The published person with this slug (or the previewed person `also`), or None."""
    return people_for_display(Person.objects.filter(slug=slug), also=also).first()


def general_contacts():
    """People the finder names for every town, e.g. the KOI."""
    return list(people_for_display(Person.objects.filter(team__is_general_contact=True)))


def responsibility_overview():
    return ResponsibilityOverview.objects.first()


# --- Towns and the Zuständigkeitsfinder -------------------------------------------------


def _words(text):
    return " ".join(re.findall(r"\w+", text))


def town_name_variants(text):
    """ "Rötha" matches "rotha", "roetha" and "Rötha"; punctuation counts as a space."""
    lowered = text.casefold()
    digraphs = lowered.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return {_words(lowered), _words(_fold(lowered)), _words(digraphs)}


def sort_key(municipality):
    return _fold(municipality.name)


def towns_by_person(municipalities):
    """Each published responsible person with their towns, in the people's order."""
    people = {}
    for town in municipalities:
        for person in town.published_people:
            people.setdefault(person.pk, (person, []))[1].append(town)
    ordered = sorted(
        people.values(), key=lambda item: (item[0].order, _fold(item[0].last_name), item[0].pk)
    )
    return [{"person": person, "towns": towns} for person, towns in ordered]


def municipalities_with_people():
    """Every town, sorted as a German reader expects, with its published responsible people."""
    people = people_for_display(Person.objects.all())
    towns = Municipality.objects.prefetch_related(
        Prefetch("responsible_people", queryset=people, to_attr="published_people"),
    )
    return sorted(towns, key=sort_key)


def alphabet(municipalities):
    """Towns grouped by their first letter for the A–Z list."""
    groups = {}
    for town in municipalities:
        groups.setdefault(_fold(town.name)[:1].upper(), []).append(town)
    return [{"letter": letter, "towns": towns} for letter, towns in groups.items()]


@dataclass
class FinderAnswer:
    """What the finder found for a query: one town, several, or none."""

    query: str
    by_postal_code: bool
    matches: list = field(default_factory=list)

    @property
    def found(self):
        return bool(self.matches)

    @property
    def is_choice(self):
        """Several towns start with the typed name: the reader picks one."""
        return not self.by_postal_code and len(self.matches) > 1


def find_municipalities(municipalities, *, postal_code="", name=""):
    """Towns for a five-digit postal code, or for an exact name or the beginning of one."""
    if postal_code:
        matches = [town for town in municipalities if postal_code in town.postal_codes]
        return FinderAnswer(query=postal_code, by_postal_code=True, matches=matches)
    typed = town_name_variants(name)
    exact = [town for town in municipalities if typed & town_name_variants(town.name)]
    if exact:
        return FinderAnswer(query=name, by_postal_code=False, matches=exact)
    matches = []
    for town in municipalities:
        starts = {
            start
            for variant in town_name_variants(town.name)
            for start in [variant, *_word_tails(variant)]
        }
        if any(start.startswith(query) for start in starts for query in typed if query):
            matches.append(town)
    return FinderAnswer(query=name, by_postal_code=False, matches=matches)


def _word_tails(variant):
    """ "regis breitingen" → "breitingen": a name may be typed from any of its words."""
    words = variant.split(" ")
    return [" ".join(words[i:]) for i in range(1, len(words))]


# --- Editors' warnings --------------------------------------------------------------------


def municipalities_without_responsible_person():
    """Towns where no person readers may see now is responsible: the finder names nobody."""
    covered = Person.objects.public().filter(municipalities__isnull=False).values("municipalities")
    towns = Municipality.objects.exclude(pk__in=covered)
    return sorted(towns, key=sort_key)


def people_already_responsible(municipalities, *, exclude_pk=None):
    """[(town, [people])]: published people who already cover one of these towns."""
    people = (
        Person.objects.filter(is_published=True, municipalities__in=municipalities)
        .exclude(visible_until__lte=timezone.now())
        .prefetch_related("municipalities")
        .distinct()
    )
    if exclude_pk is not None:
        people = people.exclude(pk=exclude_pk)
    people = list(people)
    shared = []
    for town in sorted(municipalities, key=sort_key):
        covering = [p for p in people if any(t.pk == town.pk for t in p.municipalities.all())]
        if covering:
            shared.append((town, covering))
    return shared


def _edit_distance(a, b, limit):
    """Optimal string alignment distance (a swap of neighbours counts once), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_row, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return row[-1]


def similar_email_addresses(email, *, exclude_pk=None, max_distance=2):
    """Addresses already in use that differ from `email` by one or two characters (typos)."""
    email = email.strip().lower()
    in_use = Person.objects.exclude(email="")
    if exclude_pk is not None:
        in_use = in_use.exclude(pk=exclude_pk)
    addresses = {address.lower() for address in in_use.values_list("email", flat=True)}
    return sorted(
        address
        for address in addresses
        if address != email and _edit_distance(email, address, max_distance) <= max_distance
    )
