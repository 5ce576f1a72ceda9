import csv
import io
from decimal import Decimal

import pytest

from tests.microprojects.factories import FundedProjectFactory, MunicipalityFactory
from tests.site_urls import parse_html

pytestmark = pytest.mark.django_db
URL = "/de/mikroprojekte/gefoerderte-projekte/"
CSV_URL = "/de/mikroprojekte/gefoerderte-projekte/export.csv"


@pytest.fixture
def projects():
    borna = MunicipalityFactory(name="Borna")
    grimma = MunicipalityFactory(name="Grimma")
    return [
        FundedProjectFactory(
            year=2023,
            municipality=borna,
            category="festival",
            amount=Decimal("800"),
            title_de="Nachbarschaftsfest",
        ),
        FundedProjectFactory(
            year=2024,
            municipality=borna,
            category="language_course",
            amount=Decimal("1000"),
            title_de="Sprachcafé",
        ),
        FundedProjectFactory(
            year=2024,
            municipality=grimma,
            category="excursion",
            amount=Decimal("2500.50"),
            title_de="Ausflug ins Muldental",
        ),
        FundedProjectFactory(
            year=2024, municipality=grimma, is_published=False, title_de="Noch nicht freigegeben"
        ),
    ]


def test_list_shows_published_projects_with_count_and_totals(client, projects):
    content = client.get(URL).content.decode()
    assert "3 geförderte Projekte" in content
    assert "Noch nicht freigegeben" not in content
    tfoot = content[content.index("<tfoot>") : content.index("</tfoot>")]
    assert "Summe 2024 (2 Projekte)" in tfoot
    assert "3.500,50\xa0€" in tfoot
    assert "Summe 2023 (1 Projekt)" in tfoot
    assert "4.300,50\xa0€" in tfoot


def test_filter_by_year_narrows_list_and_totals(client, projects):
    content = client.get(URL, {"year": "2023"}).content.decode()
    assert "1 gefördertes Projekt" in content
    assert "Nachbarschaftsfest" in content
    assert "Sprachcafé" not in content
    assert '<option value="2023" selected>' in content


def test_filters_combine_municipality_and_category(client, projects):
    grimma = projects[2].municipality
    content = client.get(URL, {"municipality": grimma.pk, "category": "excursion"}).content
    content = content.decode()
    assert "Ausflug ins Muldental" in content
    assert "Sprachcafé" not in content
    assert "1 gefördertes Projekt" in content


def test_invalid_filter_value_is_ignored(client, projects):
    response = client.get(URL, {"year": "abc", "category": "nonsense"})
    assert response.status_code == 200
    assert "3 geförderte Projekte" in response.content.decode()


def test_invalid_filter_value_leaves_the_valid_filters_in_force(client, projects):
    content = client.get(URL, {"year": "2024", "category": "nonsense"}).content.decode()
    assert "2 geförderte Projekte" in content
    assert "Nachbarschaftsfest" not in content


def test_filter_form_is_a_plain_get_form_with_an_apply_button(client, projects):
    response = client.get(URL)
    content = response.content.decode()
    assert '<form class="projects-filter" method="get"' in content
    assert ">Anwenden</button>" in content
    assert "csrfmiddlewaretoken" not in content
    assert not response.cookies


def test_municipality_options_are_only_towns_with_published_projects(client, projects):
    MunicipalityFactory(name="Zwenkau")
    content = client.get(URL).content.decode()
    assert 'lang="de" dir="ltr">Borna</option>' in content
    assert "Zwenkau" not in content


def test_table_is_an_accessible_scroll_region_with_caption_and_scoped_headers(client, projects):
    content = client.get(URL).content.decode()
    assert (
        '<div class="table-region" role="region" tabindex="0" aria-labelledby="projects-caption">'
    ) in content
    assert '<caption id="projects-caption">' in content
    assert '<th scope="col" class="numeric">Betrag</th>' in content
    assert '<th scope="row">Sprachcafé<span class="projects-table__description">' in content
    assert (
        '<td class="numeric" data-label="Betrag">'
        '<span dir="ltr" class="amount">1.000\xa0€</span></td>' in content
    )


def test_german_names_are_marked_german_in_other_languages(client, projects):
    content = client.get("/ar/mikroprojekte/gefoerderte-projekte/").content.decode()
    assert '<span lang="de" dir="ltr">Borna</span>' in content


def test_pagination_puts_the_page_number_in_the_title_and_keeps_filters(client):
    FundedProjectFactory.create_batch(30, year=2022)
    content = client.get(URL, {"year": "2022", "page": "2"}).content.decode()
    title = content[content.index("<title>") : content.index("</title>")]
    assert "Seite 2 von 2" in title
    assert 'href="?year=2022&amp;page=1"' in content
    assert "30 geförderte Projekte" in content
    assert content.count("<tr>") == 5 + 1 + 1  # rows on page 2, header row, total row


def test_no_results_says_so(client, projects):
    content = client.get(URL, {"year": "2023", "category": "excursion"}).content.decode()
    assert "0 geförderte Projekte" in content
    assert "<table" not in content


def test_list_page_html_is_valid(client, projects):
    _document, errors = parse_html(client.get(URL).content)
    assert errors == []


def test_csv_link_keeps_the_filter_and_states_its_row_count(client, projects):
    content = client.get(URL, {"year": "2024", "page": "1"}).content.decode()
    assert f'href="{CSV_URL}?year=2024"' in content
    assert "als CSV-Datei herunterladen (2 Zeilen)" in content


def test_csv_export_has_headers_for_excel_and_the_filtered_rows(client, projects):
    response = client.get(CSV_URL, {"year": "2024"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="gefoerderte-mikroprojekte-2024.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Jahr",
        "Projekt",
        "Träger",
        "Stadt oder Gemeinde",
        "Bereich",
        "Betrag (Euro)",
        "Kurzbeschreibung",
    ]
    assert len(rows) == 3
    titles = {row[1] for row in rows[1:]}
    assert titles == {"Sprachcafé", "Ausflug ins Muldental"}
    amounts = {row[5] for row in rows[1:]}
    assert amounts == {"1000,00", "2500,50"}


def test_csv_export_in_english_uses_commas_and_decimal_points(client, projects):
    response = client.get("/en/mikroprojekte/gefoerderte-projekte/export.csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows[0]) == 7
    assert "2500.50" in {row[5] for row in rows[1:]}


def test_csv_export_filename_spells_out_umlauts(client):
    town = MunicipalityFactory(name="Großpösna")
    FundedProjectFactory(municipality=town)
    response = client.get(CSV_URL, {"municipality": town.pk})
    assert (
        'filename="gefoerderte-mikroprojekte-grosspoesna.csv"' in (response["Content-Disposition"])
    )


def test_csv_export_neutralises_spreadsheet_formulas(client):
    FundedProjectFactory(organisation='=HYPERLINK("http://example.com")')
    text = client.get(CSV_URL).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_list_queries_do_not_grow_with_projects(client, django_assert_max_num_queries):
    for index in range(40):
        FundedProjectFactory(
            municipality=MunicipalityFactory(name=f"Ort {index % 7}"), year=2020 + index % 5
        )
    # The first request also reads which fixed pages are drafts; that is cached for a minute.
    client.get(URL)
    with django_assert_max_num_queries(5):
        response = client.get(URL)
    assert response.status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(CSV_URL).status_code == 200


def test_ignored_filter_value_is_explained_next_to_its_select(client, projects):
    content = client.get(URL, {"year": "1999", "municipality": "abc"}).content.decode()
    assert "3 geförderte Projekte" in content
    # Marked invalid only together with a message the select points to.
    assert 'class="error-summary"' in content and 'href="#id_year"' in content
    assert 'aria-invalid="true" aria-describedby="id_year_error"' in content
    assert '<span class="error-message" id="id_year_error">' in content
