"""Demo content: the Integrationskonzept reports and the 2022 Mikroprojekte forms.

The files are generated here, small but real: the PDFs open in any viewer and the DOCX
files in any word processor, and all of them pass the same upload check as an editor's
file. Their text says that they are demo files, not the office's published documents.
"""

from django.core.files.base import ContentFile

from .demo_files import make_docx, make_pdf
from .models import Category, Document
from .selectors import OFFICE_REPORTS_CATEGORY
from .services import version_create

FORMS_CATEGORY = "antragsunterlagen-mikroprojekte"
# The microprojects app links its steps to these forms by slug.
MICROPROJECT_FORM_SLUGS = (
    "antrag-mikroprojekte",
    "hinweise-antragstellung",
    "teilnehmerliste-mikroprojekte",
    "teilnehmerliste-sprachkurse",
    "uebersicht-mikroprojekte",
    "mittelabforderung",
    "verwendungsnachweis",
    "zahlenmaessiger-nachweis",
    "sachbericht",
    "logo-sachsen",
)

DEMO_NOTE = (
    "Demo-Datei für die Entwicklung der Website. Sie ersetzt nicht das "
    "Original der Koordinierungsstelle für Integration."
)

CATEGORIES = [
    {
        "slug": OFFICE_REPORTS_CATEGORY,
        "order": 1,
        "title": {
            "de": "Integrationskonzept",
        },
    },
    {
        "slug": FORMS_CATEGORY,
        "order": 2,
        "title": {
            "de": "Antragsunterlagen Mikroprojekte",
        },
    },
]


def _field_lines(*labels):
    return [f"{label}: ______________________________" for label in labels]


TOWNS = [
    "Bad Lausick",
    "Böhlen",
    "Borna",
    "Brandis",
    "Colditz",
    "Frohburg",
    "Geithain",
    "Grimma",
    "Groitzsch",
    "Kitzscher",
    "Markkleeberg",
    "Markranstädt",
    "Naunhof",
    "Pegau",
    "Regis-Breitingen",
    "Rötha",
    "Trebsen/Mulde",
    "Wurzen",
    "Zwenkau",
]
MUNICIPALITIES = [
    "Belgershain",
    "Bennewitz",
    "Borsdorf",
    "Elstertrebnitz",
    "Großpösna",
    "Lossatal",
    "Machern",
    "Neukieritzsch",
    "Otterwisch",
    "Parthenstein",
    "Thallwitz",
]
PARTNERS = [
    "Die Landkreisverwaltung und die Verwaltungen der Städte und Gemeinden.",
    "Akteure der Integrationsarbeit in den Kommunen, im Landkreis, in Sachsen und beim Bund.",
    "Freie Träger, Vereine und Initiativen, Ehrenamtliche und die Zivilgesellschaft.",
]
KOI_TASKS = [
    "Anfragen und Angebote zur Integration koordinieren.",
    "Hauptamtliche und ehrenamtliche Strukturen, Initiativen und Vereine vernetzen.",
    "Gemeinsam eine Willkommens- und Anerkennungskultur entwickeln.",
    "Strukturelle Probleme erkennen und bei Lösungen helfen.",
    "Integrationsveranstaltungen organisieren, begleiten und besuchen.",
    "Die interkulturelle Öffnung öffentlicher Stellen voranbringen.",
]
KIK_TASKS = [
    "Integrationsarbeit vor Ort und den gesellschaftlichen Zusammenhalt stärken.",
    "Maßnahmen für Integration und Teilhabe vermitteln und entwickeln.",
    "Zu Maßnahmen beraten und den Wissenstransfer zwischen den Kommunen ausbauen.",
    "Zu Fördermöglichkeiten beraten, besonders zu Mikroprojekten.",
    "Anerkannte Geflüchtete nach der Ankunft im Landkreis als Lotsen begleiten.",
]

REPORT_SECTIONS = {
    "integrationskonzept-teil-1": [
        (
            "Worum es geht",
            [
                DEMO_NOTE,
                "Der erste Teil des Integrationskonzepts beschreibt die Ausgangslage im "
                "Landkreis Leipzig: wer neu zu uns kommt, welche Angebote es gibt und wo "
                "Lücken bestehen.",
            ],
        ),
        (
            "Ausgangslage im Landkreis",
            [
                "Der Landkreis Leipzig besteht aus 19 Städten und 11 Gemeinden. Zugewanderte "
                "leben in allen Teilen des Landkreises, in den Städten ebenso wie in kleinen "
                "Gemeinden. Die Wege zu Beratung, Sprachkursen und Behörden sind oft lang.",
                "Viele Menschen engagieren sich ehrenamtlich in Initiativen, Vereinen und "
                "Kirchgemeinden. Sie begleiten Zugewanderte im Alltag und schaffen Orte der "
                "Begegnung.",
            ],
        ),
        (
            "Handlungsbedarf",
            [
                "Die Analyse zeigt Bedarf bei Spracherwerb und Orientierung, bei der "
                "Vernetzung der Akteure und bei der interkulturellen Öffnung der Verwaltung.",
                "Diese Punkte greift der zweite Teil des Konzepts mit Zielen und "
                "Handlungsfeldern auf.",
            ],
        ),
        (
            "Vorgehen",
            [
                "Grundlage der Situationsanalyse sind Gespräche mit Kommunen, freien Trägern, "
                "Vereinen und Ehrenamtlichen sowie öffentlich verfügbare Statistiken.",
            ],
        ),
        (
            "Die Städte und Gemeinden des Landkreises",
            [
                "Städte: " + ", ".join(TOWNS) + ".",
                "Gemeinden: " + ", ".join(MUNICIPALITIES) + ".",
            ],
        ),
        ("Partner der Integrationsarbeit", PARTNERS),
    ],
    "integrationskonzept-teil-2": [
        (
            "Worum es geht",
            [
                DEMO_NOTE,
                "Der zweite Teil des Integrationskonzepts legt Ziele und Handlungsfelder für "
                "die Integrationsarbeit der nächsten Jahre fest.",
            ],
        ),
        (
            "Handlungsfelder",
            [
                "Sprache und Bildung: Sprachkurse und Gesprächskreise sollen im ganzen "
                "Landkreis gut erreichbar sein.",
                "Arbeit und Ausbildung: Zugewanderte sollen schneller den Weg in Ausbildung "
                "und Arbeit finden.",
                "Gesellschaftliche Teilhabe: Begegnung, Ehrenamt und Vereinsleben verbinden "
                "Alteingesessene und Neuzugewanderte.",
                "Interkulturelle Öffnung: Verwaltung und Einrichtungen stellen sich auf "
                "vielfältige Bürgerinnen und Bürger ein.",
            ],
        ),
        (
            "Umsetzung",
            [
                "Die Koordinierungsstelle für Integration begleitet die Umsetzung, berichtet "
                "regelmäßig und schreibt das Konzept gemeinsam mit den Akteuren fort.",
            ],
        ),
        ("Aufgaben der Koordinatorin Integration Asyl", KOI_TASKS),
        ("Aufgaben der Kommunalen Integrationskoordinatoren", KIK_TASKS),
        ("Partner der Integrationsarbeit", PARTNERS),
    ],
    "zwischenbericht-integrationskonzept": [
        (
            "Worum es geht",
            [
                DEMO_NOTE,
                "Der 1. Zwischenbericht beschreibt, was seit dem Beschluss des "
                "Integrationskonzepts umgesetzt wurde und wo nachgesteuert werden muss.",
            ],
        ),
        (
            "Stand der Umsetzung",
            [
                "Für jedes Handlungsfeld nennt der Bericht die begonnenen Maßnahmen, die "
                "beteiligten Partner und die nächsten Schritte.",
            ],
        ),
        ("Koordinierung im Landkreis", KOI_TASKS),
        ("Unterstützung der Städte und Gemeinden", KIK_TASKS),
        (
            "Mikroprojekte",
            [
                "Ehrenamtliche Initiativen, Vereine und Träger können für kleine Projekte zu "
                "Spracherwerb, Orientierung sowie Kultur- und Sprachmittlung eine Förderung "
                "beantragen: höchstens 5.000 Euro je Projekt und 1.000 Euro je Sprachkurs.",
            ],
        ),
        (
            "Ausblick",
            [
                "Das Integrationskonzept wird gemeinsam mit den Partnern fortgeschrieben. "
                "Der nächste Bericht nimmt die Ergebnisse der Handlungsfelder erneut auf.",
            ],
        ),
    ],
}

REPORTS = [
    {
        "slug": "integrationskonzept-teil-1",
        "year": 2018,
        "order": 1,
        "file": "Integrationskonzept_Teil_1_Situationsanalyse.pdf",
        "show_earlier_versions": True,
        "de": {
            "title": "Integrationskonzept Teil 1 – Situationsanalyse",
            "description": "<p>Die Situationsanalyse von 2018 beschreibt die Ausgangslage der "
            "Integration im Landkreis Leipzig.</p>",
        },
    },
    {
        "slug": "integrationskonzept-teil-2",
        "year": 2019,
        "order": 2,
        "file": "Integrationskonzept_Teil_2_Ziele_und_Handlungsfelder.pdf",
        "show_earlier_versions": True,
        "de": {
            "title": "Integrationskonzept Teil 2 – Ziele und Handlungsfelder",
            "description": "<p>Der zweite Teil von 2019 legt Ziele und Handlungsfelder für die "
            "Integrationsarbeit der nächsten Jahre fest.</p>",
        },
    },
    {
        "slug": "zwischenbericht-integrationskonzept",
        "year": None,
        "order": 3,
        "file": "1_Zwischenbericht_Integrationskonzept.pdf",
        "show_earlier_versions": True,
        "de": {
            "title": "1. Zwischenbericht zum Integrationskonzept",
            "description": "<p>Was seit dem Beschluss des Integrationskonzepts umgesetzt "
            "wurde.</p>",
        },
    },
]

FORMS = [
    {
        "slug": "antrag-mikroprojekte",
        "kind": "docx",
        "file": "Antrag_Foerderung_Mikroprojekte_2022.docx",
        "de": {
            "title": "Antrag Förderung Mikroprojekte 2022",
            "description": "<p>Mit diesem Formular beantragen Sie die Förderung eines "
            "Mikroprojekts. Senden Sie es zur Vorprüfung per E-Mail an "
            "mikroprojekte-kfi@lk-l.de.</p>",
        },
        "sections": [
            (
                "1. Antragstellerin oder Antragsteller",
                _field_lines("Name oder Initiative", "Anschrift", "Telefon", "E-Mail"),
            ),
            (
                "2. Das Projekt",
                _field_lines("Titel des Projekts", "Zeitraum", "Ort", "Zielgruppe")
                + ["Beschreibung des Vorhabens (bitte kurz erläutern):", "", "", ""],
            ),
            (
                "3. Kosten und Finanzierung",
                _field_lines(
                    "Gesamtkosten in Euro", "beantragte Förderung in Euro", "Eigenmittel in Euro"
                ),
            ),
            (
                "4. Erklärung",
                [
                    "Ich versichere, dass die Angaben richtig sind.",
                    *_field_lines("Ort, Datum", "Unterschrift"),
                ],
            ),
        ],
    },
    {
        "slug": "hinweise-antragstellung",
        "kind": "pdf",
        "file": "Hinweise_zur_Antragsstellung.pdf",
        "english_title": "Notes on applying",
        "de": {
            "title": "Hinweise zur Antragsstellung",
            "description": "<p>Was Sie vor dem Antrag wissen sollten: wer antragsberechtigt "
            "ist, was gefördert wird und welche Fristen gelten.</p>",
        },
        "sections": [
            (
                "Wer kann einen Antrag stellen?",
                [
                    "Ehrenamtliche Initiativen oder Privatpersonen sowie mit ihnen "
                    "kooperierende kommunale oder freie Träger, Träger der freien "
                    "Wohlfahrtspflege und anerkannte Religionsgemeinschaften."
                ],
            ),
            (
                "Was wird gefördert?",
                [
                    "Projekte zu Spracherwerb, Orientierung sowie Kultur- und Sprachmittlung, zum "
                    "Beispiel Sprach- oder Gesprächskurse, Begegnungsprojekte oder Ausflüge in die "
                    "neue Heimatregion."
                ],
            ),
            (
                "Wie hoch ist die Förderung?",
                ["Höchstens 5.000 Euro je Projekt und höchstens 1.000 Euro je Sprachkurs."],
            ),
            (
                "Bis wann?",
                [
                    "Stichtag ist der 31. Oktober des laufenden Jahres. Senden Sie den Antrag zur "
                    "Vorprüfung per E-Mail an mikroprojekte-kfi@lk-l.de."
                ],
            ),
        ],
        "sections_en": [
            (
                "Who can apply?",
                [
                    "Volunteer initiatives or private persons, and municipal or independent "
                    "providers working with them, welfare organisations and recognised religious "
                    "communities."
                ],
            ),
            (
                "What can be funded?",
                [
                    "Projects for language learning, orientation and cultural and language "
                    "mediation, for example language or conversation courses, meeting projects or "
                    "trips to get to know the new home region."
                ],
            ),
            (
                "How much funding is there?",
                ["At most 5,000 euros per project and at most 1,000 euros per language course."],
            ),
            (
                "By when?",
                [
                    "The deadline is 31 October of the current year. Send the application "
                    "by e-mail to mikroprojekte-kfi@lk-l.de for a first check."
                ],
            ),
        ],
    },
    {
        "slug": "teilnehmerliste-mikroprojekte",
        "kind": "pdf",
        "file": "Teilnehmerliste_Mikroprojekte.pdf",
        "de": {
            "title": "Teilnehmerliste Mikroprojekte",
            "description": "<p>Tragen Sie hier ein, wer an Ihrem Projekt teilgenommen hat.</p>",
        },
        "sections": [
            ("Angaben zum Projekt", _field_lines("Projekt", "Träger", "Datum")),
            (
                "Teilnehmende",
                [
                    f"{n}. Name: ____________________  Unterschrift: __________"
                    for n in range(1, 21)
                ],
            ),
        ],
    },
    {
        "slug": "teilnehmerliste-sprachkurse",
        "kind": "pdf",
        "file": "Teilnehmerliste_Sprachkurse.pdf",
        "de": {
            "title": "Teilnehmerliste Sprachkurse",
            "description": "<p>Anwesenheitsliste für geförderte Sprachkurse, je Kurstermin.</p>",
        },
        "sections": [
            ("Angaben zum Kurs", _field_lines("Kurs", "Kursleitung", "Termin")),
            (
                "Anwesenheit",
                [f"{n}. Name: ____________________  anwesend: ja / nein" for n in range(1, 21)],
            ),
        ],
    },
    {
        "slug": "uebersicht-mikroprojekte",
        "kind": "pdf",
        "file": "Übersicht_Mikroprojekte_Landkreis_Leipzig.pdf",
        "de": {
            "title": "Übersicht Mikroprojekte im Landkreis Leipzig",
            "description": "<p>Beispiele für Mikroprojekte, die im Landkreis gefördert wurden.</p>",
        },
        "sections": [
            (
                "Beispiele",
                [
                    "Sprach- und Gesprächskurse",
                    "Sprachmittlung",
                    "Begegnungsprojekte mit kreativen, sportlichen oder handwerklichen Angeboten",
                    "Familienpatenschaften",
                    "Begegnungs- und Nachbarschaftsfeste",
                ],
            ),
        ],
    },
    {
        "slug": "mittelabforderung",
        "kind": "docx",
        "file": "Mittelabforderung_2022.docx",
        "de": {
            "title": "Mittelabforderung 2022",
            "description": "<p>Mit diesem Formular fordern Sie nach der Bewilligung das "
            "Fördergeld an.</p>",
        },
        "sections": [
            (
                "Mittelabforderung",
                _field_lines(
                    "Projekt",
                    "Bescheid vom",
                    "angeforderter Betrag in Euro",
                    "IBAN",
                    "Kontoinhaber",
                    "Ort, Datum",
                    "Unterschrift",
                ),
            ),
        ],
    },
    {
        "slug": "verwendungsnachweis",
        "kind": "docx",
        "file": "Verwendungsnachweis_2022.docx",
        "de": {
            "title": "Verwendungsnachweis 2022",
            "description": "<p>Nach dem Projekt weisen Sie hiermit nach, wofür das Geld "
            "verwendet wurde.</p>",
        },
        "sections": [
            (
                "Verwendungsnachweis",
                _field_lines(
                    "Projekt",
                    "Bescheid vom",
                    "Zeitraum",
                    "bewilligter Betrag in Euro",
                    "verwendeter Betrag in Euro",
                ),
            ),
            ("Anlagen", ["Zahlenmäßiger Nachweis", "Sachbericht", "Teilnehmerliste"]),
        ],
    },
    {
        "slug": "zahlenmaessiger-nachweis",
        "kind": "docx",
        "file": "Zahlenmaessiger_Nachweis_2022.docx",
        "de": {
            "title": "Zahlenmäßiger Nachweis 2022",
            "description": "<p>Einnahmen und Ausgaben des Projekts, Teil des "
            "Verwendungsnachweises.</p>",
        },
        "sections": [
            ("Einnahmen", _field_lines("Fördermittel", "Eigenmittel", "Spenden")),
            ("Ausgaben", _field_lines("Honorare", "Sachkosten", "Fahrtkosten", "Summe")),
        ],
    },
    {
        "slug": "sachbericht",
        "kind": "docx",
        "file": "Sachbericht_2022.docx",
        "de": {
            "title": "Sachbericht 2022",
            "description": "<p>Beschreiben Sie, wie das Projekt verlaufen ist, Teil des "
            "Verwendungsnachweises.</p>",
        },
        "sections": [
            (
                "Sachbericht",
                [
                    "Was haben Sie gemacht?",
                    "",
                    "Wen haben Sie erreicht?",
                    "",
                    "Was hat gut funktioniert, was nicht?",
                    "",
                ],
            ),
        ],
    },
    {
        "slug": "logo-sachsen",
        "kind": "pdf",
        "file": "Logo_Sachsen.pdf",
        "de": {
            "title": "Logo Sachsen für geförderte Projekte",
            "description": "<p>Geförderte Projekte weisen in ihrer Öffentlichkeitsarbeit mit "
            "diesem Logo auf die Förderung durch den Freistaat Sachsen hin.</p>",
        },
        "sections": [
            (
                None,
                [
                    "Platzhalter für das Logo. Im Original steht hier das Förderlogo des "
                    "Freistaates Sachsen.",
                    "",
                    "Diese Maßnahme wird mitfinanziert mit Steuermitteln auf Grundlage des vom "
                    "Sächsischen Landtag beschlossenen Haushaltes.",
                ],
            ),
        ],
        # Two bands in the Saxon colours, white and green, framed; drawn, not an image.
        "drawing": b"0.2 0.5 0.25 rg 64 560 467 60 re f 0 0 0 RG 1 w 64 560 467 120 re S\n",
    },
]


def _german(entry):
    """German field values; translations come from integration_site/demo_translations."""
    return {f"{name}_de": value for name, value in entry["de"].items()}


def _file(entry, sections, *, language="de-DE"):
    title = entry["de"]["title"] if language == "de-DE" else entry["english_title"]
    if entry.get("kind", "pdf") == "docx":
        return make_docx(title, sections, language=language)
    return make_pdf(title, sections, language=language, drawing=entry.get("drawing", b""))


def _document(category, entry, *, order, sections):
    document, created = Document.objects.get_or_create(
        slug=entry["slug"],
        defaults={
            "category": category,
            "year": entry.get("year", 2022),
            "order": order,
            "is_published": True,
            "show_earlier_versions": entry.get("show_earlier_versions", False),
            **_german(entry),
        },
    )
    if created:
        version_create(
            document=document,
            language="de",
            note="Demo",
            upload=ContentFile(_file(entry, sections), name=entry["file"]),
        )
        if entry.get("english_title"):
            english = entry["file"].replace(".pdf", "_EN.pdf")
            version_create(
                document=document,
                language="en",
                note="Demo: English version",
                upload=ContentFile(
                    _file(entry, entry["sections_en"], language="en-GB"), name=english
                ),
            )
    return created


def load():
    created = 0
    categories = {}
    for entry in CATEGORIES:
        category, was_created = Category.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "order": entry["order"],
                "title_de": entry["title"]["de"],
            },
        )
        categories[entry["slug"]] = category
        created += was_created
    for entry in REPORTS:
        created += _document(
            categories[OFFICE_REPORTS_CATEGORY],
            entry,
            order=entry["order"],
            sections=REPORT_SECTIONS[entry["slug"]],
        )
    for order, entry in enumerate(FORMS, start=1):
        created += _document(
            categories[FORMS_CATEGORY], entry, order=order, sections=entry["sections"]
        )
    return created
