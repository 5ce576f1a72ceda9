"""Editors keep the programme, its steps and forms, and the funded projects in the admin."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from microprojects.models import FundedProject, StepDocument
from microprojects.services import parse_amount
from tests.microprojects.factories import (
    DocumentFactory,
    FundedProjectFactory,
    FundingProgrammeFactory,
    MunicipalityFactory,
    StepDocumentFactory,
    StepFactory,
)
from tests.site_urls import XHTML, parse_html

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/microprojects/fundedproject/import/"


def form_data(content, form_id):
    """The values a browser would submit with the form of that id, as a dict of lists."""
    document, _errors = parse_html(content)
    form = next(f for f in document.iter(f"{XHTML}form") if f.get("id") == form_id)
    data = {}
    for element in form.iter():
        name = element.get("name")
        if not name:
            continue
        tag = element.tag.removeprefix(XHTML)
        if tag == "input":
            kind = element.get("type", "text")
            unchecked = kind in ("checkbox", "radio") and element.get("checked") is None
            if kind in ("submit", "file") or unchecked:
                continue
            default = "on" if kind in ("checkbox", "radio") else ""
            data.setdefault(name, []).append(element.get("value", default))
        elif tag == "textarea":
            data.setdefault(name, []).append(element.text or "")
        elif tag == "select":
            chosen = [
                o.get("value")
                for o in element.iter(f"{XHTML}option")
                if o.get("selected") is not None
            ]
            multiple = element.get("multiple") is not None
            data.setdefault(name, []).extend(chosen or ([] if multiple else [""]))
    return data


# --- Programme, steps and forms ----------------------------------------------------------


def test_editor_opens_the_programme_with_its_steps_inline(editor_client):
    programme = FundingProgrammeFactory()
    StepFactory(programme=programme, title_de="Geld abrufen")
    response = editor_client.get(f"/admin/microprojects/fundingprogramme/{programme.pk}/change/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Geld abrufen" in content
    assert "Status und Hinweis" in content


def test_forms_chosen_for_a_step_are_saved_in_the_chosen_order(editor_client):
    programme = FundingProgrammeFactory()
    step = StepFactory(programme=programme)
    first = DocumentFactory(title="Verwendungsnachweis")
    second = DocumentFactory(title="Sachbericht")
    url = f"/admin/microprojects/fundingprogramme/{programme.pk}/change/"
    data = form_data(editor_client.get(url).content, "fundingprogramme_form")
    data["steps-0-forms_0"] = [str(second.pk)]
    data["steps-0-forms_1"] = [""]
    data["steps-0-forms_2"] = [str(first.pk)]
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(
        StepDocument.objects.filter(step=step).order_by("order").values_list("document", flat=True)
    ) == [second.pk, first.pk]


def test_saving_without_touching_a_steps_forms_keeps_them(editor_client):
    link = StepDocumentFactory()
    url = f"/admin/microprojects/fundingprogramme/{link.step.programme.pk}/change/"
    data = form_data(editor_client.get(url).content, "fundingprogramme_form")
    data["status"] = ["paused"]
    assert editor_client.post(url, data).status_code == 302
    assert StepDocument.objects.filter(pk=link.pk).exists()


def test_editor_is_warned_about_unpublished_and_deleted_forms(editor_client):
    step = StepFactory(title_de="Projekt durchführen")
    StepDocumentFactory(step=step, document__title="Teilnehmerliste", document__is_published=False)
    gone = StepDocumentFactory(step=step, document__title="Logo")
    gone.document.delete()
    StepDocumentFactory(step=step, document__title="Alles gut")
    response = editor_client.get(
        f"/admin/microprojects/fundingprogramme/{step.programme.pk}/change/"
    )
    content = response.content.decode()
    assert "„Teilnehmerliste“ ist nicht veröffentlicht oder hat noch keine Datei" in content
    assert "Schritt „Projekt durchführen“: Ein Formular wurde gelöscht" in content
    assert "„Alles gut“" not in content


def test_programme_list_counts_form_problems(editor_client):
    StepDocumentFactory(document__is_published=False)
    content = editor_client.get("/admin/microprojects/fundingprogramme/").content.decode()
    assert '<td class="field-form_problems">1</td>' in content


# --- Funded projects ---------------------------------------------------------------------


def test_funded_projects_changelist_filters_searches_and_links_to_import(editor_client):
    FundedProjectFactory(title_de="Sprachcafé", organisation="Verein Miteinander")
    FundedProjectFactory(title_de="Sommerfest am See")
    response = editor_client.get("/admin/microprojects/fundedproject/", {"q": "Miteinander"})
    content = response.content.decode()
    assert "Sprachcafé" in content
    assert "Sommerfest am See" not in content
    assert f'href="{IMPORT_URL}"' in content
    assert (
        editor_client.get(
            "/admin/microprojects/fundedproject/", {"year__exact": "2024"}
        ).status_code
        == 200
    )


def upload(text, name="liste.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


GOOD_CSV = (
    "Projekt;Träger;Stadt oder Gemeinde;Bereich;Betrag;Kurzbeschreibung\n"
    "Sprachcafé;Verein Miteinander;Borna;Sprachkurs;1.000,00 €;Jeden Donnerstag\n"
    "Sommerfest;Bürgerverein;grimma;Fest;2500,5;\n"
)


@pytest.fixture
def towns():
    return MunicipalityFactory(name="Borna"), MunicipalityFactory(name="Grimma")


def test_import_preview_shows_rows_and_saves_nothing(editor_client, towns):
    response = editor_client.post(
        IMPORT_URL, {"year": "2024", "file": upload(GOOD_CSV), "preview": "1"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Vorschau: 2 Projekte für 2024" in content
    assert "Sprachcafé" in content and "Sommerfest" in content
    assert FundedProject.objects.count() == 0


def test_confirmed_import_saves_every_row(editor_client, towns):
    preview = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload(GOOD_CSV)})
    data = form_data(preview.content, "import-confirm")
    data["publish"] = ["on"]
    data["confirm"] = ["1"]
    response = editor_client.post(IMPORT_URL, data)
    assert response.status_code == 302
    projects = {p.title_de: p for p in FundedProject.objects.all()}
    assert set(projects) == {"Sprachcafé", "Sommerfest"}
    assert projects["Sprachcafé"].amount == Decimal("1000.00")
    assert projects["Sommerfest"].amount == Decimal("2500.50")
    assert projects["Sommerfest"].municipality == towns[1]
    assert projects["Sprachcafé"].category == "language_course"
    assert all(p.year == 2024 and p.is_published for p in projects.values())


def test_import_with_a_bad_row_reports_each_error_and_saves_nothing(editor_client, towns):
    text = GOOD_CSV + ("Ausflug;Verein;Atlantis;Ausflug;300\n;Verein;Borna;Quatsch;viel\n")
    response = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload(text)})
    content = response.content.decode()
    assert "Es wurde nichts gespeichert" in content
    assert "Die Stadt oder Gemeinde „Atlantis“ ist nicht bekannt." in content
    assert "„Projekt“ ist leer." in content
    assert "Den Bereich „Quatsch“ gibt es nicht." in content
    assert "„viel“ ist kein Betrag." in content
    assert "<td>4</td>" in content and "<td>5</td>" in content
    assert 'name="confirm"' not in content
    assert FundedProject.objects.count() == 0


def test_confirming_without_a_kept_file_saves_nothing(editor_client, towns):
    response = editor_client.post(
        IMPORT_URL, {"year": "2024", "token": "erfunden", "confirm": "1"}, follow=True
    )
    assert "Die Vorschau ist abgelaufen" in response.content.decode()
    assert FundedProject.objects.count() == 0


def test_import_rejects_rows_of_another_year_and_missing_columns(editor_client, towns):
    wrong_year = "Jahr;Projekt;Träger;Stadt;Bereich;Betrag\n2023;Fest;Verein;Borna;Fest;10\n"
    content = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload(wrong_year)})
    assert "Das Jahr 2023 passt nicht zum gewählten Jahr 2024." in content.content.decode()
    no_amount = "Projekt;Träger;Stadt;Bereich\nFest;Verein;Borna;Fest\n"
    content = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload(no_amount)})
    assert "Es fehlen Spalten: Betrag" in content.content.decode()


def test_import_reads_excel_csv_in_windows_1252_with_commas(editor_client, towns):
    text = (
        "Projekt,Träger,Gemeinde,Bereich,Betrag\r\n"
        '"Kochen, Erzählen",Frauentreff,Borna,Kulturvermittlung,"1.250,00"\r\n'
    )
    response = editor_client.post(
        IMPORT_URL, {"year": "2023", "file": upload(text, encoding="cp1252")}
    )
    content = response.content.decode()
    assert "Vorschau: 1 Projekt für 2023" in content
    assert "Kochen, Erzählen" in content and "Frauentreff" in content


def test_reimporting_a_year_updates_projects_instead_of_duplicating(editor_client, towns):
    existing = FundedProjectFactory(
        year=2024,
        title_de="Sprachcafé",
        organisation="Verein Miteinander",
        title_en="Language café",
        amount=Decimal("10"),
        is_published=False,
    )
    preview = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload(GOOD_CSV)})
    assert "wird aktualisiert" in preview.content.decode()
    data = form_data(preview.content, "import-confirm")
    data["confirm"] = ["1"]
    editor_client.post(IMPORT_URL, data)
    existing.refresh_from_db()
    assert existing.amount == Decimal("1000.00")
    assert existing.title_en == "Language café"
    assert existing.is_published is False
    assert FundedProject.objects.count() == 2


def test_duplicate_rows_in_one_file_are_an_error(editor_client, towns):
    text = GOOD_CSV + "Sprachcafé;Verein Miteinander;Borna;Sprachkurs;5\n"
    content = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload(text)}).content
    assert "Das Projekt steht schon in Zeile 2." in content.decode()


def test_import_needs_permission_to_add_funded_projects(client, django_user_model):
    user = django_user_model.objects.create_user(
        "leser", password="pw-for-tests-only", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="view_fundedproject"))
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code == 403
    changelist = client.get("/admin/microprojects/fundedproject/").content.decode()
    assert IMPORT_URL not in changelist


def test_import_page_requires_login(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.000,00 €", "1000.00"),
        ("1000", "1000"),
        ("2500,5", "2500.5"),
        ("1.250", "1250"),
        ("€1,234.50", "1234.50"),
        ("12.5", "12.5"),
        ("5 000 EUR", "5000"),
    ],
)
def test_amounts_are_read_as_spreadsheets_write_them(text, expected):
    assert parse_amount(text) == Decimal(expected)


def test_row_the_csv_reader_cannot_read_is_reported_and_nothing_saved(editor_client, towns):
    # A cell opening a quote that never closes runs past the csv module's field size limit.
    text = GOOD_CSV + 'Fest;Verein;Borna;Fest;"10' + "x" * 140_000 + "\n"
    response = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload(text)})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Die Datei hat 1 Fehler. Es wurde nichts gespeichert." in content
    assert "<td>4</td><td>Diese Zeile lässt sich nicht lesen" in content
    assert 'name="confirm"' not in content
    assert FundedProject.objects.count() == 0


def test_import_errors_name_columns_as_the_spreadsheet_heads_them(editor_client, towns):
    no_amount = "Projekt;Träger;Bereich\nFest;Verein;Fest\n"
    content = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload(no_amount)})
    assert "Es fehlen Spalten: Stadt oder Gemeinde, Betrag. Die erste" in content.content.decode()
    empty_town = "Projekt;Träger;Stadt/Gemeinde;Bereich;Betrag (Euro)\nFest;Verein;;Fest;10\n"
    content = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload(empty_town)})
    assert "„Stadt oder Gemeinde“ ist leer." in content.content.decode()
