"""Demo content for the site-wide pages and notices.

German only: the translations live in `demo_translations/<language>.po`, one catalogue per
language, and `load_demo` fills them in after every app has loaded its German texts.
"""

import datetime

from .models import Notice, Page

PAGES = {
    Page.Key.HOME: {
        "de": {
            "title": "Integration im Landkreis Leipzig",
            "summary": "Die Koordinierungsstelle für Integration verbindet Zugewanderte, "
            "Ehrenamtliche, Vereine und Kommunen im Landkreis Leipzig.",
            "body": "<p>Sie sind neu im Landkreis Leipzig? Sie engagieren sich für andere? "
            "Hier finden Sie, wer Ihnen in Ihrer Stadt oder Gemeinde hilft, was die "
            "Koordinierungsstelle für Integration macht und wie Ihr Projekt gefördert "
            "werden kann.</p>",
        },
    },
    Page.Key.OFFICE: {
        "de": {
            "title": "Koordinierungsstelle für Integration",
            "summary": "Wir verbinden alle, die im Landkreis Leipzig an Integration arbeiten.",
            "body": (
                "<p>Die Koordinierungsstelle für Integration (KfI) leitet die Erstellung und "
                "Fortschreibung des Integrationskonzepts des Landkreises Leipzig. 2018 "
                "entstand der erste Teil als Situationsanalyse. 2019 folgte der zweite Teil "
                "„Ziele und Handlungsfelder“ für die Integrationsarbeit der nächsten Jahre.</p>"
                "<h2>Mit wem wir zusammenarbeiten</h2>"
                "<p>Die Koordinierungsstelle ist die Schnittstelle zwischen:</p>"
                "<ul><li>der Landkreisverwaltung</li><li>den Verwaltungen der Städte und "
                "Gemeinden</li><li>Akteuren der Integrationsarbeit in den Kommunen, im "
                "Landkreis, in Sachsen und beim Bund</li><li>freien Trägern, Vereinen und "
                "Initiativen</li><li>Ehrenamtlichen</li><li>der Zivilgesellschaft</li></ul>"
                # The reports are listed below the teams by the documents app.
            ),
        },
    },
    Page.Key.IMPRINT: {
        "de": {
            "title": "Impressum",
            "summary": "Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 "
            "Medienstaatsvertrag (MStV).",
            "body": (
                "<h2>Anbieter</h2>"
                "<address>Landratsamt Landkreis Leipzig<br>Stauffenbergstraße 4<br>"
                "04552 Borna</address>"
                "<p>Der Landkreis Leipzig ist eine Körperschaft des öffentlichen Rechts. "
                "Er wird vertreten durch den Landrat.</p>"
                "<h2>Kontakt</h2>"
                '<p>Telefon: <span dir="ltr">03433 241-0</span><br>E-Mail: '
                '<a href="mailto:integrationshilfe@lk-l.de">integrationshilfe@lk-l.de</a></p>'
                "<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>"
                "<p>Koordinierungsstelle für Integration, FB Grundsatzangelegenheiten Soziales, "
                "Anschrift wie oben.</p>"
            ),
        },
    },
    Page.Key.PRIVACY: {
        "de": {
            "title": "Datenschutzerklärung",
            "summary": "Wie wir mit Ihren Daten umgehen, wenn Sie diese Website besuchen.",
            "body": (
                "<h2>Verantwortlicher</h2><p>Landratsamt Landkreis Leipzig, Stauffenbergstraße "
                "4, 04552 Borna.</p>"
                "<h2>Datenschutzbeauftragter</h2><p>Sie erreichen den behördlichen "
                "Datenschutzbeauftragten unter der Anschrift des Landratsamts.</p>"
                "<h2>Was beim Besuch gespeichert wird</h2><p>Der Server verarbeitet Ihre "
                "IP-Adresse, um die Seite auszuliefern. Protokolle werden nach sieben Tagen "
                "gelöscht. Diese Website setzt keine Cookies, lädt nichts von anderen Anbietern "
                "und verwendet keine Analyse- oder Werbedienste.</p>"
                "<h2>Rechtsgrundlage</h2><p>Art. 6 Abs. 1 Buchstabe e DSGVO in Verbindung mit "
                "dem Sächsischen Datenschutzdurchführungsgesetz (SächsDSDG).</p>"
                "<h2>Empfänger</h2><p>Daten werden nicht an Dritte weitergegeben.</p>"
                "<h2>Ihre Rechte</h2><p>Sie haben das Recht auf Auskunft, Berichtigung, "
                "Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch "
                "(Art. 15 bis 21 DSGVO).</p>"
                "<h2>Beschwerde</h2><p>Sie können sich bei der Sächsischen Datenschutz- und "
                "Transparenzbeauftragten beschweren.</p>"
            ),
        },
    },
    Page.Key.ACCESSIBILITY: {
        "de": {
            "title": "Erklärung zur Barrierefreiheit",
            "summary": "Der Landkreis Leipzig will diese Website für alle Menschen "
            "zugänglich machen.",
            "body": (
                "<p>Diese Erklärung gilt für die Website der Koordinierungsstelle für "
                "Integration. Grundlage sind das Barrierefreie-Websites-Gesetz Sachsen "
                "(BfWebG), die BfWebVO und die BITV 2.0.</p>"
                "<h2>Stand der Vereinbarkeit</h2><p>Die Website ist weitgehend mit der BITV "
                "2.0 (WCAG 2.1, Stufe AA) vereinbar.</p>"
                "<h2>Nicht barrierefreie Inhalte</h2><p>Ältere PDF-Dokumente sind nicht "
                "vollständig barrierefrei. Auf Anfrage senden wir Ihnen eine barrierefreie "
                "Fassung.</p>"
                "<h2>Erstellung dieser Erklärung</h2><p>Die Erklärung beruht auf einer "
                "Selbstbewertung mit automatischen Prüfungen (axe-core) und Tests mit "
                "Tastatur und Bildschirmleser.</p>"
                "<h2>Barrieren melden</h2><p>Sie stoßen auf eine Barriere? Schreiben Sie uns: "
                '<a href="mailto:integrationshilfe@lk-l.de">integrationshilfe@lk-l.de</a>. '
                "Wir antworten innerhalb eines Monats.</p>"
                "<h2>Durchsetzungsverfahren</h2><p>Wenn wir nicht zufriedenstellend antworten, "
                "können Sie sich an die Durchsetzungsstelle bei der Sächsischen Staatskanzlei "
                'wenden: <a href="https://www.durchsetzungsstelle.sachsen.de">'
                "Durchsetzungsstelle Sachsen</a>.</p>"
            ),
        },
    },
    Page.Key.EASY_LANGUAGE: {
        "de": {
            "title": "Leichte Sprache",
            "summary": "Hier erklären wir die Website in Leichter Sprache.",
            "body": (
                "<h2>Was ist die Koordinierungsstelle für Integration?</h2>"
                "<p>Viele Menschen kommen neu in den Landkreis Leipzig.</p>"
                "<p>Die Koordinierungsstelle hilft dabei, dass alle gut zusammen leben.</p>"
                "<h2>Was finden Sie auf der Website?</h2>"
                "<ul><li>Wer in Ihrer Stadt hilft.</li><li>Berichte zum Herunterladen.</li>"
                "<li>Geld für kleine Projekte. Das heißt: Mikroprojekte.</li></ul>"
                "<h2>So benutzen Sie die Website</h2>"
                "<p>Oben auf jeder Seite ist ein Menü. Dort wählen Sie auch Ihre Sprache.</p>"
                "<h2>Barrierefreiheit</h2>"
                "<p>Wir wollen, dass alle die Website benutzen können. Etwas geht nicht? "
                "Schreiben Sie uns eine E-Mail.</p>"
            ),
        },
    },
    Page.Key.SIGN_LANGUAGE: {
        "de": {
            "title": "Gebärdensprache",
            "summary": "Informationen zu dieser Website in Deutscher Gebärdensprache (DGS).",
            "body": (
                "<p>Hier zeigen wir Videos in Deutscher Gebärdensprache. Sie erklären, was die "
                "Website bietet, wie Sie sich zurechtfinden und das Wichtigste aus der "
                "Erklärung zur Barrierefreiheit.</p>"
                "<p>Die Videos werden gerade erstellt. Jedes Video hat Untertitel und kann "
                "heruntergeladen werden.</p>"
            ),
        },
    },
}

NOTICES = [
    {
        "published_on": datetime.date(2025, 3, 1),
        "is_highlighted": True,
        "link_url": "https://www.integreat.app/landkreisleipzig",
        "de": {
            "title": "Neu: die Integreat-App für den Landkreis Leipzig",
            "text": "<p>In der Integreat-App finden Sie jetzt alles rund um das Leben im "
            "Landkreis Leipzig – in Ihrer Sprache und kostenlos: Wohnen, Arbeit, "
            "Behörden und wo Sie Hilfe bekommen.</p>",
            "link_text": "Zur Integreat-App Landkreis Leipzig",
        },
    },
]


def _german(texts):
    return {f"{name}_de": value for name, value in texts["de"].items()}


def load():
    created = 0
    for key, texts in PAGES.items():
        _page, was_created = Page.objects.get_or_create(key=key, defaults=_german(texts))
        created += was_created
    for notice in NOTICES:
        texts = {"de": notice["de"]}
        plain = {name: value for name, value in notice.items() if name != "de"}
        _notice, was_created = Notice.objects.get_or_create(
            title_de=texts["de"]["title"],
            defaults={**plain, **_german(texts)},
        )
        created += was_created
    return created
