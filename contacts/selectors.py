"""Reads of the contacts app that its pages and other parts of the site use.

Every function here runs a fixed number of queries, however many people or towns exist.
"""

import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.utils import timezone
from rapidfuzz import fuzz, process

from core.publication import visible_q

from . import languages
from .models import Municipality, OtherAuthority, Person, ResponsibilityOverview, Team
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


# Long lists come in pages; the office page shows the first people of each team.
PEOPLE_PER_PAGE = 50
OFFICE_PEOPLE_PER_TEAM = 12


def _in_list_order(queryset):
    """Team by team in the editors' order, people without a team last."""
    return queryset.order_by(
        F("team__order").asc(nulls_last=True), "team__pk", *Person._meta.ordering
    )


def _speaking(queryset, code):
    """People who advise in `code`; the codes are kept comma-separated in one column."""
    return queryset.filter(
        Q(languages=code)
        | Q(languages__startswith=f"{code},")
        | Q(languages__endswith=f",{code}")
        | Q(languages__contains=f",{code},")
    )


def _teams_with_counts():
    """All teams in order with their tasks and `published_count`, in two queries."""
    return list(
        Team.objects.prefetch_related("tasks").annotate(
            published_count=Count("people", filter=visible_q("people__"))
        )
    )


def office_teams():
    """The teams with their tasks and their first published people, as the office page shows them.

    Each team carries `published_people` (at most OFFICE_PEOPLE_PER_TEAM) and
    `published_count`; the contacts page lists the rest, team by team.
    """
    teams = _teams_with_counts()
    people = list(
        people_for_display(Person.objects.filter(team__isnull=False))
        .annotate(place=Window(RowNumber(), partition_by=F("team"), order_by=Person._meta.ordering))
        .filter(place__lte=OFFICE_PEOPLE_PER_TEAM)
        .order_by(*Person._meta.ordering)
    )
    for team in teams:
        team.published_people = [person for person in people if person.team_id == team.pk]
        team.starts_here = True
        team.has_more = team.published_count > len(team.published_people)
    return teams


def contacts_overview(*, language="", team="", page=None):
    """The Ansprechpersonen page, PEOPLE_PER_PAGE people at a time.

    Everyone team by team, or only who speaks `language`, or only the team abbreviated
    `team`. A team may continue on the next page; its tasks show where it starts.
    """
    queryset = people_for_display(Person.objects.all())
    if language:
        queryset = _speaking(queryset, language)
    team_filter = Team.objects.filter(abbreviation__iexact=team).first() if team else None
    if team_filter is not None:  # an unknown abbreviation lists everyone
        queryset = queryset.filter(team=team_filter)
    page = Paginator(_in_list_order(queryset), PEOPLE_PER_PAGE).get_page(page)
    people = list(page.object_list)
    context = {
        "page_obj": page,
        "count": page.paginator.count,
        "language_links": spoken_languages(),
        "language": languages.describe(language) if language else None,
        "team_filter": team_filter,
        "speakers": people if language else None,
    }
    if language:
        return context
    offset = page.start_index() - 1 if people else 0
    shown, first_index = [], 0
    for candidate in _teams_with_counts():
        if team_filter is None or candidate.pk == team_filter.pk:
            candidate.published_people = [p for p in people if p.team_id == candidate.pk]
            candidate.starts_here = first_index >= offset
            if candidate.published_people:
                shown.append(candidate)
        if team_filter is None:
            first_index += candidate.published_count
    context["teams"] = shown
    context["people_without_team"] = [person for person in people if person.team_id is None]
    return context


def spoken_languages():
    """The languages (other than German) someone published advises in, in the list's order."""
    spoken = {
        code
        for codes in Person.objects.public().values_list("languages", flat=True).distinct()
        for code in codes
    }
    return [
        languages.describe(code)
        for code, *_rest in languages.SPOKEN_LANGUAGES
        if code in spoken and code != "de"
    ]


def speakers_of(language):
    """Published people who advise in `language`."""
    return list(_in_list_order(_speaking(people_for_display(Person.objects.all()), language)))


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
        "localities",
    )
    return sorted(towns, key=sort_key)


def alphabet(municipalities):
    """Towns grouped by their first letter for the A–Z list."""
    groups = {}
    for town in municipalities:
        groups.setdefault(_fold(town.name)[:1].upper(), []).append(town)
    return [{"letter": letter, "towns": towns} for letter, towns in groups.items()]


def finder_towns():
    """Every town with its Ortsteile and other names: what the finder matches against.

    The people come only for the towns found (`with_published_people`), so the finder does
    not read everyone to answer for one town.
    """
    towns = Municipality.objects.prefetch_related("localities", "alternative_names")
    return sorted(towns, key=sort_key)


def with_published_people(towns):
    """`towns`, each with `published_people`: two queries however many people exist."""
    people = people_for_display(Person.objects.all())
    prefetch_related_objects(
        towns, Prefetch("responsible_people", queryset=people, to_attr="published_people")
    )
    return towns


def other_authorities():
    return list(OtherAuthority.objects.all())


@dataclass
class FinderAnswer:
    """What the finder found for a query: towns, a place outside the county, suggestions."""

    query: str
    by_postal_code: bool
    matches: list = field(default_factory=list)
    # (Ortsteil, town) pairs: "Nerchau gehört zu Grimma".
    localities: list = field(default_factory=list)
    # The name the typed text was taken for ("Grima" → "Grimma"), when it was a typo.
    corrected: str = ""
    # Other places the reader may have meant, as names to search for.
    suggestions: list = field(default_factory=list)
    authority: object = None
    # Other spellings a town was found by ("Гримма" → Grimma).
    aliases: list = field(default_factory=list)

    @property
    def rests_on_examples(self):
        """Whether the answer used an Ortsteil, spelling or authority not yet confirmed."""
        return (
            any(place.is_example for place, _town in self.localities)
            or any(alias.is_example for alias in self.aliases)
            or bool(self.authority and self.authority.is_example)
        )

    @property
    def found(self):
        return bool(self.matches)

    @property
    def is_choice(self):
        """Several towns start with the typed name: the reader picks one."""
        return not self.by_postal_code and len(self.matches) > 1


# Arabic letters Persian keyboards write differently: ي/ی, ك/ک, ى/ی, ة/ه.
_SCRIPT_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"})
# rapidfuzz's ratio (0–100): "Grima" ~ "Grimma" is 91, "Markleeberg" ~ "Markkleeberg" 96.
FUZZY_CUTOFF = 80
FUZZY_MIN_LENGTH = 4
# A best guess this far ahead of the next one is taken without asking.
FUZZY_LEAD = 10


def _search_key(text):
    return _words(_fold(text.translate(_SCRIPT_VARIANTS)))


def find_municipalities(municipalities, *, postal_code="", name="", authorities=()):
    """Towns for a postal code or a name (town, Ortsteil, other spelling); forgives typos."""
    if postal_code:
        return _find_by_postal_code(municipalities, postal_code, authorities)
    return _find_by_name(municipalities, name, authorities)


def _find_by_postal_code(municipalities, code, authorities):
    answer = FinderAnswer(query=code, by_postal_code=True)
    for town in municipalities:
        inside = [place for place in town.localities.all() if code in place.postal_codes]
        if code in town.postal_codes or inside:
            answer.matches.append(town)
        if code not in town.postal_codes:
            answer.localities += [(place, town) for place in inside]
    if not answer.matches:
        answer.authority = next(
            (a for a in authorities if any(code.startswith(p) for p in a.prefixes)), None
        )
    return answer


def _find_by_name(municipalities, name, authorities):
    answer = FinderAnswer(query=name, by_postal_code=False)
    typed = town_name_variants(name) | {_search_key(name)}
    for town in municipalities:
        if typed & _variants(town.name):
            answer.matches.append(town)
            continue
        aliases = [a for a in town.alternative_names.all() if typed & _variants(a.name)]
        if aliases:
            answer.matches.append(town)
            answer.aliases += aliases
            continue
        places = [p for p in town.localities.all() if typed & _variants(p.name)]
        if places:
            answer.matches.append(town)
            answer.localities += [(place, town) for place in places]
    if answer.matches:
        return answer
    answer.authority = next(
        (a for a in authorities if any(typed & _variants(n) for n in _authority_names(a))), None
    )
    if answer.authority:
        return answer
    answer.matches = _starting_with(municipalities, typed)
    if answer.matches:
        return answer
    return _typo(municipalities, name, authorities, answer)


def _variants(text):
    return town_name_variants(text) | {_search_key(text)}


def _authority_names(authority):
    return [authority.name, *authority.search_name_list]


def _starting_with(municipalities, typed):
    matches = []
    for town in municipalities:
        names = [town.name, *(alias.name for alias in town.alternative_names.all())]
        starts = {
            start
            for other in names
            for variant in _variants(other)
            for start in [variant, *_word_tails(variant)]
        }
        if any(start.startswith(query) for start in starts for query in typed if query):
            matches.append(town)
    return matches


def _typo(municipalities, name, authorities, answer):
    """The one place a typo most likely meant, or a few to choose from ("Meinten Sie …?")."""
    key = _search_key(name)
    if len(key) < FUZZY_MIN_LENGTH:
        return answer
    # Each searchable name points to what it finds and to the name shown to the reader.
    targets = []
    for town in municipalities:
        targets += [(town.name, town, town.name)]
        targets += [(alias.name, town, town.name) for alias in town.alternative_names.all()]
        targets += [(place.name, town, place.name) for place in town.localities.all()]
    for authority in authorities:
        targets += [(n, authority, n) for n in _authority_names(authority)]
    scores = process.extract(
        key,
        [_search_key(text) for text, _target, _shown in targets],
        scorer=fuzz.ratio,
        score_cutoff=FUZZY_CUTOFF,
        limit=None,
    )
    best = {}
    for _choice, score, index in scores:
        _text, target, shown = targets[index]
        if score > best.get(shown, (0, None))[0]:
            best[shown] = (score, target)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])
    clearly_ahead = len(ranked) > 1 and ranked[0][1][0] >= ranked[1][1][0] + FUZZY_LEAD
    if len(ranked) == 1 or clearly_ahead:
        shown, (_score, _target) = ranked[0]
        corrected = _find_by_name(municipalities, shown, authorities)
        corrected.query, corrected.corrected = name, shown
        return corrected
    answer.suggestions = [shown for shown, _value in ranked[:5]]
    return answer


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
