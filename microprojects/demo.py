"""Demo content: the Mikroprojekte programme from FACTS.md, its steps and example projects.

Texts are keyed by language; German is the source. The funded projects are invented
examples and say so in their titles; editors replace them with the real lists.
"""

import datetime
from decimal import Decimal

from contacts.models import Municipality, Person
from documents.models import Document

from .models import FundedProject, FundingProgramme, Step, StepDocument

PROGRAMME_SLUG = "mikroprojekte-integration"
SUBMISSION_EMAIL = "mikroprojekte-kfi@lk-l.de"
# The KIK advise on funding, especially Mikroprojekte (contacts demo slugs).
ADVISERS = ("eichardt", "goetschenberg", "loth")
FOOTNOTE = (
    "Diese Maßnahme wird mitfinanziert mit Steuermitteln auf Grundlage des vom "
    "Sächsischen Landtag beschlossenen Haushaltes."
)

PROGRAMME = {
    "status": FundingProgramme.Status.PAUSED,
    "status_date": datetime.date(2025, 2, 17),
    "max_amount_per_project": Decimal("5000"),
    "max_amount_per_language_course": Decimal("1000"),
    "deadline_day": 31,
    "deadline_month": 10,
    "submission_email": SUBMISSION_EMAIL,
    "submission_subject": "Antrag Mikroprojekt Integration",
    "de": {
        "title": "Mikroprojekte Integration",
        "summary": "Geld für kleine Projekte, die Zugewanderten das Ankommen im Landkreis "
        "Leipzig erleichtern. Einen Antrag stellen Ehrenamtliche, Vereine und "
        "Initiativen.",
        "status_title": "Derzeit keine Mittel verfügbar",
        "status_text": (
            "<p>Der Freistaat Sachsen hatte Anfang 2025 noch keinen beschlossenen Haushalt. "
            "Bisher ist nur knapp die Hälfte des nötigen Geldes freigegeben. Deshalb können "
            "wir Mikroprojekte auf absehbare Zeit nicht fördern.</p>"
            "<p>Vielleicht ist eine Förderung in der zweiten Jahreshälfte wieder möglich. "
            "Wir informieren alle Antragstellenden, sobald es Neues gibt.</p>"
        ),
        "eligible_applicants": (
            "ehrenamtliche Initiativen und Privatpersonen\n"
            "kommunale und freie Träger, die mit ihnen zusammenarbeiten\n"
            "Träger der freien Wohlfahrtspflege\n"
            "anerkannte Religionsgemeinschaften"
        ),
        "funded_areas": "Spracherwerb\nOrientierung im neuen Alltag\nKultur- und Sprachmittlung",
        "example_projects": (
            "Sprach- und Gesprächskurse\n"
            "Sprachmittlung\n"
            "Begegnungsprojekte mit kreativen, sportlichen oder handwerklichen Angeboten\n"
            "Kulturvermittlung für Familien, Frauen, Männer oder Kinder mit "
            "Migrationsgeschichte\n"
            "Familienpatenschaften\n"
            "Ausflüge, um die neue Heimatregion kennenzulernen\n"
            "Begegnungs- und Nachbarschaftsfeste"
        ),
        "legal_basis": (
            "<p>Seit 2025 kommt das Geld aus Zuweisungen nach der "
            "Kommunalintegrations-Arbeitsverordnung (KomIntAVO). Sie gilt seit dem 18. September "
            "2024. Aus diesen Zuweisungen bezahlt der Landkreis auch Pflichtaufgaben: kommunale "
            "Integrationsbeauftragte, Rückkehrberatung, Flüchtlingssozialarbeit und "
            "Integrationskoordination.</p>"
        ),
        "co_financing_note": (
            "<p>Mikroprojekte werden mit Steuermitteln bezahlt. Geförderte Projekte weisen in "
            "ihrer Öffentlichkeitsarbeit darauf hin: mit dem Logo des Freistaates Sachsen "
            "(siehe Schritt 5) und mit diesem Satz:</p>"
            f"<blockquote><p>{FOOTNOTE}</p></blockquote>"
        ),
    },
}

MAILTO = f'<a href="mailto:{SUBMISSION_EMAIL}"><span dir="ltr">{SUBMISSION_EMAIL}</span></a>'

STEPS = [
    {
        "forms": ["uebersicht-mikroprojekte"],
        "de": {
            "title": "Beraten lassen",
            "explanation": "<p>Sprechen Sie mit der Koordinierungsstelle oder mit der "
            "Kommunalen Integrationskoordinatorin für Ihren Ort über Ihre "
            "Idee. Das Team hilft bei der Planung und beim Antrag. Auf Wunsch "
            "hilft es auch bei der Öffentlichkeitsarbeit und gibt gute "
            "Beispiele an andere Kommunen weiter.</p>",
        },
    },
    {
        "forms": ["antrag-mikroprojekte", "hinweise-antragstellung"],
        "de": {
            "title": "Antrag zur Vorprüfung schicken",
            "explanation": "<p>Füllen Sie den Antrag aus und lesen Sie die Hinweise. "
            f"Schicken Sie den Antrag bis zum Stichtag per E-Mail an {MAILTO}. "
            "Das Team prüft ihn vorab.</p>",
        },
    },
    {
        "forms": [],
        "de": {
            "title": "Bewilligung erhalten",
            "explanation": "<p>Ist der Antrag förderfähig, erhalten Sie eine Bewilligung. "
            "Sie nennt den Betrag, den Sie bekommen.</p>",
        },
    },
    {
        "forms": ["mittelabforderung"],
        "de": {
            "title": "Geld abrufen",
            "explanation": "<p>Mit der Mittelabforderung rufen Sie das bewilligte Geld ab.</p>",
        },
    },
    {
        "forms": ["teilnehmerliste-mikroprojekte", "teilnehmerliste-sprachkurse", "logo-sachsen"],
        "de": {
            "title": "Projekt durchführen",
            "explanation": "<p>Führen Sie Ihr Projekt durch. Die Teilnehmenden tragen sich "
            "in die Teilnehmerliste ein; für Sprachkurse gibt es eine eigene "
            "Liste. Auf Einladungen und Aushängen zeigen Sie das Logo des "
            "Freistaates Sachsen.</p>",
        },
    },
    {
        "forms": ["verwendungsnachweis", "zahlenmaessiger-nachweis", "sachbericht"],
        "de": {
            "title": "Verwendung nachweisen",
            "explanation": "<p>Nach dem Projekt zeigen Sie, wofür Sie das Geld ausgegeben "
            "haben: mit dem Verwendungsnachweis, dem zahlenmäßigen Nachweis "
            "und einem kurzen Sachbericht.</p>",
        },
    },
]

# (year, town, category, amount, German, English, Arabic) – each: (title, description).
EXAMPLE_PROJECTS = [
    (
        2022,
        "Borna",
        "language_course",
        "950.00",
        (
            "Gesprächskreis Deutsch für Frauen",
            "Wöchentliches Treffen zum Deutschsprechen im Alltag, mit Kinderbetreuung.",
        ),
    ),
    (
        2022,
        "Grimma",
        "festival",
        "2400.00",
        (
            "Interkulturelles Nachbarschaftsfest",
            "Ein Fest mit Musik und Essen aus vielen Ländern für alle im Viertel.",
        ),
    ),
    (
        2022,
        "Wurzen",
        "excursion",
        "1800.00",
        (
            "Familienausflug ins Leipziger Neuseenland",
            "Ein Tagesausflug, um die Seen und Orte der Region kennenzulernen.",
        ),
    ),
    (
        2023,
        "Markkleeberg",
        "language_mediation",
        "3200.00",
        (
            "Sprachmittlung bei Elternabenden",
            "Ehrenamtliche übersetzen bei Elternabenden und Gesprächen in Kita und Schule.",
        ),
    ),
    (
        2023,
        "Colditz",
        "encounter",
        "4100.00",
        (
            "Interkultureller Gemeinschaftsgarten",
            "Alteingesessene und Zugezogene legen gemeinsam einen Garten an und pflegen ihn.",
        ),
    ),
    (
        2023,
        "Naunhof",
        "culture_mediation",
        "2750.00",
        (
            "Küchen der Welt: Kochen und Erzählen",
            "Frauen kochen Gerichte ihrer Heimat und erzählen davon.",
        ),
    ),
    (
        2023,
        "Böhlen",
        "family_sponsorship",
        "1500.00",
        (
            "Familienpatenschaften",
            "Familien aus dem Ort begleiten neu angekommene Familien durch das erste Jahr.",
        ),
    ),
    (
        2023,
        "Brandis",
        "language_course",
        "1000.00",
        ("Sprachcafé am Markt", "Jeden Donnerstag Deutsch üben bei Kaffee und Kuchen."),
    ),
    (
        2024,
        "Frohburg",
        "encounter",
        "3500.00",
        (
            "Fußball verbindet",
            "Ein offenes Fußballtraining für Kinder und Jugendliche aus allen Ländern.",
        ),
    ),
    (
        2024,
        "Zwenkau",
        "festival",
        "5000.00",
        ("Begegnungsfest am See", "Ein Sommerfest am Zwenkauer See mit Vereinen und Initiativen."),
    ),
    (
        2024,
        "Bad Lausick",
        "other",
        "1250.00",
        ("Nähwerkstatt für alle", "Gemeinsam nähen, reparieren und dabei Deutsch sprechen."),
    ),
    (
        2024,
        "Geithain",
        "culture_mediation",
        "900.50",
        (
            "Erzählcafé: Heimat hier und dort",
            "Ältere Menschen von hier und Zugewanderte erzählen sich von ihrer Heimat.",
        ),
    ),
]
EXAMPLE_LABEL = "(Beispiel)"
# A no-break space keeps "e. V." together when the table cell wraps.
EXAMPLE_ORGANISATION = "Beispielverein {town} e.\u00a0V."


def _translated(texts):
    """German field values; translations come from integration_site/demo_translations."""
    return {f"{name}_de": value for name, value in texts["de"].items()}


def _load_programme():
    created = 0
    plain = {key: value for key, value in PROGRAMME.items() if len(key) > 2}
    programme, was_created = FundingProgramme.objects.get_or_create(
        slug=PROGRAMME_SLUG,
        defaults={**plain, **_translated(PROGRAMME)},
    )
    created += was_created
    programme.contact_persons.add(*Person.objects.filter(slug__in=ADVISERS))
    documents = Document.objects.in_bulk(
        [slug for step in STEPS for slug in step["forms"]], field_name="slug"
    )
    for order, spec in enumerate(STEPS, start=1):
        step, was_created = Step.objects.get_or_create(
            programme=programme,
            order=order,
            defaults=_translated(spec),
        )
        created += was_created
        for position, slug in enumerate(spec["forms"], start=1):
            # A form the documents demo did not create is left out, not invented here.
            if slug in documents:
                _link, was_created = StepDocument.objects.get_or_create(
                    step=step,
                    document=documents[slug],
                    defaults={"order": position},
                )
                created += was_created
    return created


def _load_examples():
    created = 0
    towns = Municipality.objects.in_bulk([spec[1] for spec in EXAMPLE_PROJECTS], field_name="name")
    for year, town, category, amount, *texts in EXAMPLE_PROJECTS:
        if town not in towns:
            continue
        ((title, description),) = texts
        _project, was_created = FundedProject.objects.get_or_create(
            year=year,
            title_de=f"{title} {EXAMPLE_LABEL}",
            organisation=EXAMPLE_ORGANISATION.format(town=town),
            defaults={
                "municipality": towns[town],
                "category": category,
                "amount": Decimal(amount),
                "description_de": description,
            },
        )
        created += was_created
    return created


def load():
    return _load_programme() + _load_examples()
