"""Demo teams with their tasks, offices, towns, people and the responsibility overview."""

from contacts.models import (
    AlternativeName,
    Locality,
    Municipality,
    Office,
    OtherAuthority,
    Person,
    ResponsibilityOverview,
    Task,
    Team,
)
from demo.data import read

from . import ensure, field_values


def load():
    content = read("contacts")
    created = 0
    teams = {}
    for spec in content["teams"]:
        team, was_created = ensure(Team, spec, key=("abbreviation",), skip=("tasks",))
        # Tasks have no key of their own: a task an editor removed stays removed.
        if was_created:
            for order, text in enumerate(spec["tasks"], start=1):
                Task.objects.create(team=team, **field_values(Task, {"order": order, "text": text}))
                created += 1
        teams[team.abbreviation] = team
        created += was_created

    offices = {}
    for spec in content["offices"]:
        office, was_created = ensure(Office, spec, key=("street", "postal_code"))
        offices[spec["town"]] = office
        created += was_created

    towns = {}
    for spec in content["municipalities"]:
        town, was_created = ensure(Municipality, spec, key=("name",))
        towns[spec["name"]] = town
        created += was_created

    for model, table in ((Locality, "localities"), (AlternativeName, "alternative_names")):
        for spec in content[table]:
            created += ensure(
                model,
                spec,
                key=("municipality", "name"),
                municipality=towns[spec["municipality"]],
            )[1]

    for spec in content["other_authorities"]:
        created += ensure(OtherAuthority, spec, key=("name",))[1]

    for spec in content["people"]:
        person, was_created = ensure(
            Person,
            spec,
            key=("slug",),
            skip=("municipalities",),
            team=teams[spec["team"]],
            office=offices[spec["office"]],
        )
        if was_created:
            person.municipalities.set([towns[name] for name in spec["municipalities"]])
        created += was_created

    created += ensure(ResponsibilityOverview, content["responsibility_overview"], key=())[1]
    return created
