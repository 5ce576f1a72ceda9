"""Demo content: the office's teams, offices and people from the seed page, and the 30 towns.

Texts are keyed by language; German is the source. The seed page misspells the shared
mailbox once ("integartionshilfe@"); the demo uses the right address everywhere.
"""

from .models import Municipality, Office, Person, ResponsibilityOverview, Task, Team

MAILBOX = "integrationshilfe@lk-l.de"
DEPARTMENT = "FB Grundsatzangelegenheiten Soziales"

TEAMS = [
    {
        "abbreviation": "KOI",
        "is_general_contact": True,
        "order": 1,
        "de": {
            "name": "Koordinatorin Integration Asyl",
            "description": "Die Koordinatorin Integration Asyl unterstützt den Landkreis Leipzig "
            "beim Integrationsmanagement. Dazu gehört zum Beispiel:",
        },
        "tasks": [
            {
                "de": "Anfragen und Angebote zur Integration koordinieren",
            },
            {
                "de": "hauptamtliche Strukturen vernetzen",
            },
            {
                "de": "Ehrenamtliche, Initiativen, Vereine und Zivilgesellschaft vernetzen",
            },
            {
                "de": "gemeinsam eine Willkommens- und Anerkennungskultur entwickeln",
            },
            {
                "de": "strukturelle Probleme erkennen und bei Lösungen helfen",
            },
            {
                "de": "Integrationsveranstaltungen organisieren, begleiten und besuchen",
            },
            {
                "de": "die interkulturelle Öffnung öffentlicher Stellen voranbringen",
            },
            {
                "de": "das Integrationskonzept des Landkreises Leipzig",
            },
        ],
    },
    {
        "abbreviation": "KIK",
        "is_general_contact": False,
        "order": 2,
        "de": {
            "name": "Kommunale Integrationskoordinatoren",
            "description": "Die Kommunalen Integrationskoordinatorinnen unterstützen die Städte "
            "und Gemeinden im Landkreis beim Integrationsmanagement, zum Beispiel:",
        },
        "tasks": [
            {
                "de": "Integrationsarbeit vor Ort und gesellschaftlicher Zusammenhalt",
            },
            {
                "de": "Maßnahmen für Integration und Teilhabe vermitteln und entwickeln",
            },
            {
                "de": "Beratung zu Maßnahmen, Vernetzung und Wissenstransfer zwischen den Kommunen",
            },
            {
                "de": "Beratung zu Fördermöglichkeiten, besonders zu Mikroprojekten",
            },
            {
                "de": "Lotsen für anerkannte Geflüchtete nach der Ankunft im Landkreis",
            },
        ],
    },
]

OFFICES = [
    {
        "street": "Südstraße 80",
        "building": "Gebäude 62",
        "postal_code": "04668",
        "town": "Grimma",
        "switchboard": "+4934332410",
        "order": 1,
        "de": {"name": "Standort Grimma"},
    },
    {
        "street": "Hauptstraße 101",
        "building": "",
        "postal_code": "04416",
        "town": "Markkleeberg",
        "switchboard": "+4934332410",
        "order": 2,
        "de": {"name": "Standort Markkleeberg"},
    },
]

KOI_TITLE = {
    "de": "Koordinatorin Integration Asyl",
}
KIK_TITLE = {
    "de": "Kommunale Integrationskoordinatorin",
}

# Towns per person are an EXAMPLE distribution: the real mapping is not published as text.
PEOPLE = [
    {
        "slug": "richter",
        "last_name": "Richter",
        "team": "KOI",
        "office": "Grimma",
        "room": "414",
        "phone": "+4934332413431",
        "fax": "+4934332417149",
        "order": 1,
        "job_title": KOI_TITLE,
        "towns": [],
    },
    {
        "slug": "eichardt",
        "last_name": "Eichardt",
        "team": "KIK",
        "office": "Markkleeberg",
        "room": "2.60",
        "phone": "+4934332412731",
        "fax": "+4934332417149",
        "order": 2,
        "job_title": KIK_TITLE,
        "towns": [
            "Belgershain",
            "Bennewitz",
            "Borsdorf",
            "Brandis",
            "Lossatal",
            "Machern",
            "Naunhof",
            "Parthenstein",
            "Thallwitz",
            "Wurzen",
        ],
    },
    {
        "slug": "goetschenberg",
        "last_name": "Götschenberg",
        "team": "KIK",
        "office": "Markkleeberg",
        "room": "2.02",
        "phone": "+4934332413304",
        "fax": "",
        "order": 3,
        "job_title": KIK_TITLE,
        "towns": [
            "Bad Lausick",
            "Colditz",
            "Frohburg",
            "Geithain",
            "Grimma",
            "Kitzscher",
            "Otterwisch",
            "Trebsen/Mulde",
        ],
    },
    {
        "slug": "loth",
        "last_name": "Loth",
        "team": "KIK",
        "office": "Markkleeberg",
        "room": "2.60",
        "phone": "+4934332414742",
        "fax": "",
        "order": 4,
        "job_title": KIK_TITLE,
        "towns": [
            "Böhlen",
            "Borna",
            "Elstertrebnitz",
            "Groitzsch",
            "Großpösna",
            "Markkleeberg",
            "Markranstädt",
            "Neukieritzsch",
            "Pegau",
            "Regis-Breitingen",
            "Rötha",
            "Zwenkau",
        ],
    },
]

TOWN, MUNICIPALITY = Municipality.Kind.TOWN, Municipality.Kind.MUNICIPALITY
MUNICIPALITIES = [
    ("Bad Lausick", TOWN, ["04651"]),
    ("Böhlen", TOWN, ["04564"]),
    ("Borna", TOWN, ["04552"]),
    ("Brandis", TOWN, ["04821", "04824"]),
    ("Colditz", TOWN, ["04680"]),
    ("Frohburg", TOWN, ["04654", "04655"]),
    ("Geithain", TOWN, ["04643", "04657"]),
    ("Grimma", TOWN, ["04668", "04680", "04688"]),
    ("Groitzsch", TOWN, ["04539"]),
    ("Kitzscher", TOWN, ["04567"]),
    ("Markkleeberg", TOWN, ["04416"]),
    ("Markranstädt", TOWN, ["04420"]),
    ("Naunhof", TOWN, ["04683"]),
    ("Pegau", TOWN, ["04523", "04460"]),
    ("Regis-Breitingen", TOWN, ["04565"]),
    ("Rötha", TOWN, ["04571", "04579"]),
    ("Trebsen/Mulde", TOWN, ["04687"]),
    ("Wurzen", TOWN, ["04808"]),
    ("Zwenkau", TOWN, ["04442"]),
    ("Belgershain", MUNICIPALITY, ["04683"]),
    ("Bennewitz", MUNICIPALITY, ["04828"]),
    ("Borsdorf", MUNICIPALITY, ["04451"]),
    ("Elstertrebnitz", MUNICIPALITY, ["04523"]),
    ("Großpösna", MUNICIPALITY, ["04463"]),
    ("Lossatal", MUNICIPALITY, ["04808"]),
    ("Machern", MUNICIPALITY, ["04827"]),
    ("Neukieritzsch", MUNICIPALITY, ["04575", "04574"]),
    ("Otterwisch", MUNICIPALITY, ["04668"]),
    ("Parthenstein", MUNICIPALITY, ["04668"]),
    ("Thallwitz", MUNICIPALITY, ["04808"]),
]


def _translated(texts):
    """German field values; translations come from integration_site/demo_translations."""
    return {f"{name}_de": value for name, value in texts["de"].items()}


def load():
    created = 0
    teams = {}
    for spec in TEAMS:
        team, was_created = Team.objects.get_or_create(
            abbreviation=spec["abbreviation"],
            defaults={
                "is_general_contact": spec["is_general_contact"],
                "order": spec["order"],
                **_translated(spec),
            },
        )
        if was_created:
            for order, task in enumerate(spec["tasks"], start=1):
                Task.objects.create(
                    team=team, order=order, **{f"text_{code}": text for code, text in task.items()}
                )
                created += 1
        teams[team.abbreviation] = team
        created += was_created

    offices = {}
    for spec in OFFICES:
        plain = {key: value for key, value in spec.items() if key != "de"}
        office, was_created = Office.objects.get_or_create(
            street=spec["street"],
            postal_code=spec["postal_code"],
            defaults={**plain, **_translated(spec)},
        )
        offices[office.town] = office
        created += was_created

    towns = {}
    for name, kind, codes in MUNICIPALITIES:
        town, was_created = Municipality.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "postal_codes": codes},
        )
        towns[name] = town
        created += was_created

    for spec in PEOPLE:
        person, was_created = Person.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "salutation": Person.Salutation.MS,
                "last_name": spec["last_name"],
                "team": teams[spec["team"]],
                "office": offices[spec["office"]],
                "room": spec["room"],
                "phone": spec["phone"],
                "fax": spec["fax"],
                "email": MAILBOX,
                "order": spec["order"],
                "department_de": DEPARTMENT,
                **{f"job_title_{code}": text for code, text in spec["job_title"].items()},
            },
        )
        if was_created:
            person.municipalities.set([towns[name] for name in spec["towns"]])
        created += was_created

    _overview, was_created = ResponsibilityOverview.objects.get_or_create(
        defaults={"is_example": True},
    )
    created += was_created
    return created
