"""The funded projects' CSV columns: what the public export writes, the admin import reads."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from modeltranslation.translator import translator

from microprojects.columns import COLUMNS, normalise
from microprojects.models import FundedProject
from tests.microprojects.factories import FundedProjectFactory, MunicipalityFactory
from tests.microprojects.test_admin import IMPORT_URL, form_data
from tests.site_urls import XHTML, parse_html

pytestmark = pytest.mark.django_db
CSV_URL = "/{language}/mikroprojekte/gefoerderte-projekte/export.csv"
# The import sets these from its form, never from a column.
SET_BY_THE_FORM = {"is_published"}


@pytest.fixture
def projects():
    borna = MunicipalityFactory(name="Borna")
    grimma = MunicipalityFactory(name="Grimma")
    poesna = MunicipalityFactory(name="Großpösna")
    FundedProjectFactory(year=2023, municipality=borna, title_de="Vom Vorjahr")
    return [
        FundedProjectFactory(
            year=2024,
            title_de="Sprachcafé „Miteinander“",
            organisation="Verein Miteinander e. V.",
            municipality=borna,
            category="language_course",
            amount=Decimal("1234.56"),
            description_de='Deutsch üben; danach Kaffee, Kuchen und "Gespräche".',
        ),
        FundedProjectFactory(
            year=2024,
            title_de="Sommerfest am See",
            organisation="Bürgerverein Grimma, Ortsgruppe Nord",
            municipality=grimma,
            category="festival",
            amount=Decimal("2500.50"),
            # Starts like a formula, so the export escapes it; the import must undo that.
            description_de="- mit Kinderbetreuung\n- mit Dolmetschern",
        ),
        FundedProjectFactory(
            year=2024,
            title_de="Ausflug ins Muldental",
            organisation="Frauentreff",
            municipality=poesna,
            category="excursion",
            amount=Decimal("800"),
            description_de="",
        ),
        FundedProjectFactory(
            year=2024,
            title_de="=Rechnen lernen",
            organisation="@Jugendtreff",
            municipality=poesna,
            category="other",
            amount=Decimal("0.05"),
            description_de="Sonstiges",
        ),
    ]


def columns_of(project):
    return (
        project.year,
        project.title_de,
        project.organisation,
        project.municipality.name,
        project.category,
        project.amount,
        project.description_de,
    )


def import_file(editor_client, content, *, year="2024"):
    file = SimpleUploadedFile("export.csv", content, content_type="text/csv")
    preview = editor_client.post(IMPORT_URL, {"year": year, "file": file, "preview": "1"})
    data = form_data(preview.content, "import-confirm")
    data["publish"] = ["on"]
    data["confirm"] = ["1"]
    return preview, editor_client.post(IMPORT_URL, data)


@pytest.mark.parametrize(
    ("language", "delimiter", "header"),
    [
        (
            "de",
            ";",
            [
                "Jahr",
                "Projekt",
                "Träger",
                "Stadt oder Gemeinde",
                "Bereich",
                "Betrag (Euro)",
                "Kurzbeschreibung",
            ],
        ),
        (
            "en",
            ",",
            [
                "Year",
                "Project",
                "Organisation",
                "Town or municipality",
                "Area",
                "Amount (euros)",
                "Short description",
            ],
        ),
        (
            "ar",
            ",",
            [
                "السنة",
                "المشروع",
                "الجهة المنفّذة",
                "المدينة أو البلدة",
                "المجال",
                "المبلغ (يورو)",
                "وصف قصير",
            ],
        ),
    ],
)
def test_exported_file_reimports_every_column(
    client, editor_client, projects, language, delimiter, header
):
    exported = client.get(CSV_URL.format(language=language), {"year": "2024"}).content
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig")), delimiter=delimiter))
    assert rows[0] == header
    expected = sorted(columns_of(project) for project in projects)
    FundedProject.objects.filter(year=2024).delete()

    preview, response = import_file(editor_client, exported)

    assert "Vorschau: 4 Projekte für 2024" in preview.content.decode()
    assert response.status_code == 302
    imported = FundedProject.objects.filter(year=2024).select_related("municipality")
    assert sorted(columns_of(project) for project in imported) == expected
    assert all(project.is_published for project in imported)


def test_exported_file_reimported_over_its_projects_updates_them(client, editor_client, projects):
    exported = client.get(CSV_URL.format(language="en"), {"year": "2024"}).content
    preview, _response = import_file(editor_client, exported)
    assert preview.content.decode().count("<td>wird aktualisiert</td>") == 4
    assert FundedProject.objects.filter(year=2024).count() == 4


def stored_fields(project):
    """The model fields an import could write, a translated one under each language's name."""
    proxies = set(translator.get_options_for_model(FundedProject).fields)
    return {
        field.name: getattr(project, field.attname)
        for field in FundedProject._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in proxies
    }


def test_every_field_the_import_writes_is_in_the_schema_exactly_once(editor_client):
    fields = [column.field for column in COLUMNS]
    assert len(fields) == len(set(fields))
    assert set(fields) <= set(stored_fields(FundedProject()))

    MunicipalityFactory(name="Borna")
    text = (
        "Jahr;Projekt;Träger;Stadt oder Gemeinde;Bereich;Betrag;Kurzbeschreibung\n"
        "2024;Fest;Verein;Borna;Fest;10;Kurz erklärt\n"
    )
    import_file(editor_client, text.encode())
    blank = stored_fields(FundedProject())
    created = stored_fields(FundedProject.objects.get())
    written = {name for name, value in created.items() if value != blank[name]}
    assert written - SET_BY_THE_FORM == set(fields)


def test_an_update_writes_only_the_columns_that_do_not_identify_the_project(editor_client):
    MunicipalityFactory(name="Grimma")
    existing = FundedProjectFactory(
        year=2024,
        title_de="Fest",
        organisation="Verein",
        title_en="Party",
        municipality=MunicipalityFactory(name="Borna"),
        category="festival",
        amount=Decimal("10"),
        description_de="alt",
        description_en="old",
        is_published=False,
    )
    before = stored_fields(existing)
    text = (
        "Projekt;Träger;Stadt oder Gemeinde;Bereich;Betrag;Kurzbeschreibung\n"
        "Fest;Verein;Grimma;Sprachkurs;99,90;neu\n"
    )
    import_file(editor_client, text.encode())
    after = stored_fields(FundedProject.objects.get())
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {column.field for column in COLUMNS if not column.identifies}


def test_no_heading_in_any_language_names_two_columns():
    owners = {}
    for column in COLUMNS:
        for name in column.names():
            owners.setdefault(normalise(name), set()).add(column.key)
    assert {name: keys for name, keys in owners.items() if len(keys) > 1} == {}


def test_import_still_accepts_the_names_editors_spreadsheets_use():
    accepted = {column.key: {normalise(name) for name in column.names()} for column in COLUMNS}
    known = {
        "year": ("Jahr", "Förderjahr"),
        "title": ("Projekt", "Projekttitel", "Titel"),
        "organisation": ("Träger", "Organisation", "Verein", "Antragsteller"),
        "municipality": (
            "Stadt oder Gemeinde",
            "Stadt/Gemeinde",
            "Gemeinde",
            "Stadt",
            "Kommune",
            "Ort",
        ),
        "category": ("Bereich", "Kategorie"),
        "amount": (
            "Betrag",
            "Betrag (Euro)",
            "Betrag in Euro",
            "Bewilligter Betrag",
            "Bewilligter Betrag (Euro)",
            "Betrag EUR",
            "Fördersumme",
        ),
        "description": ("Kurzbeschreibung", "Beschreibung"),
    }
    for key, names in known.items():
        assert {normalise(name) for name in names} <= accepted[key], key


def test_import_page_names_the_columns_as_before(editor_client):
    MunicipalityFactory(name="Borna")
    content = editor_client.get(IMPORT_URL).content.decode()
    assert (
        "Erste Zeile: Projekt; Träger; Stadt oder Gemeinde; Bereich; Betrag; optional "
        "Jahr und Kurzbeschreibung."
    ) in content
    file = SimpleUploadedFile(
        "liste.csv",
        "Projekt;Träger;Gemeinde;Bereich;Betrag\nFest;Verein;Borna;Fest;1.000\n".encode(),
    )
    preview = editor_client.post(IMPORT_URL, {"year": "2024", "file": file})
    document, _errors = parse_html(preview.content.decode())
    main = next(div for div in document.iter(f"{XHTML}div") if div.get("id") == "content-main")
    table = next(main.iter(f"{XHTML}table"))
    rows = [
        [(cell.tag.removeprefix(XHTML), "".join(cell.itertext())) for cell in row]
        for row in table.iter(f"{XHTML}tr")
    ]
    assert rows == [
        [
            ("th", "Zeile"),
            ("th", "Projekt"),
            ("th", "Träger"),
            ("th", "Stadt oder Gemeinde"),
            ("th", "Bereich"),
            ("th", "Betrag"),
            ("th", "Aktion"),
        ],
        [
            ("td", "2"),
            ("th", "Fest"),
            ("td", "Verein"),
            ("td", "Borna"),
            ("td", "Fest"),
            ("td", "1.000\xa0€"),
            ("td", "neu"),
        ],
    ]
    assert '<span dir="ltr" class="amount">1.000\xa0€</span>' in preview.content.decode()
