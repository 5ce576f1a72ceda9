"""The Ansprechpersonen overview, the person pages, vCards and JSON-LD."""

import json
import re

import pytest
import vobject

from contacts.models import Municipality, Team
from tests.site_urls import XHTML, parse_html

from .factories import MunicipalityFactory, OfficeFactory, PersonFactory, TaskFactory, TeamFactory

DETAIL_ORDER = ["Aufgabe", "Raum", "Adresse", "Telefon", "Fax", "E-Mail", "Sprechzeiten"]


@pytest.fixture
def richter(db):
    koi = TeamFactory(
        abbreviation="KOI",
        name_de="Koordinatorin Integration Asyl",
        name_en="Integration and Asylum Coordinator",
        is_general_contact=True,
    )
    TaskFactory(team=koi, text_de="Anfragen koordinieren", text_en="coordinating requests")
    office = OfficeFactory(
        name_de="Standort Grimma",
        street="Südstraße 80",
        building="Gebäude 62",
        postal_code="04668",
        town="Grimma",
    )
    return PersonFactory(
        last_name="Richter",
        slug="richter",
        team=koi,
        office=office,
        room="414",
        phone="+4934332413431",
        fax="+4934332417149",
        email="integrationshilfe@lk-l.de",
        job_title_de="Koordinatorin Integration Asyl",
        job_title_en="Integration and Asylum Coordinator",
        department_de="FB Grundsatzangelegenheiten Soziales",
        consultation_hours_de="Dienstag 9 bis 12 Uhr\nnicht in den Schulferien",
        languages=["de", "en", "ar"],
        municipalities=[MunicipalityFactory(name="Grimma", postal_codes=["04668"])],
    )


def _dl_terms(html):
    document, _errors = parse_html(html)
    root = document.getroot() if hasattr(document, "getroot") else document
    dl = next(root.iter(f"{XHTML}dl"))
    return ["".join(dt.itertext()).strip() for dt in dl.iter(f"{XHTML}dt")]


def test_overview_shows_teams_with_tasks_and_people(client, richter):
    content = client.get("/de/ansprechpersonen/").content.decode()
    assert (
        '<h2 id="team-koi">Koordinatorin Integration Asyl <span dir="ltr">(KOI)</span></h2>'
        in content
    )
    assert "<li>Anfragen koordinieren</li>" in content
    assert '<a href="/de/ansprechpersonen/richter/">Frau Richter</a></h3>' in content
    assert "Englisch, Arabisch" in content


def test_person_page_lists_details_in_the_fixed_order(client, richter):
    response = client.get("/de/ansprechpersonen/richter/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Frau Richter</h1>" in content
    terms = _dl_terms(content)
    assert [term for term in terms if term in DETAIL_ORDER] == DETAIL_ORDER
    assert "Dienstag 9 bis 12 Uhr<br>nicht in den Schulferien" in content


def test_phone_is_shown_german_style_and_dialled_in_e164(client, richter):
    content = client.get("/de/ansprechpersonen/richter/").content.decode()
    assert (
        '<a class="icon-link icon-link--phone" href="tel:+4934332413431">'
        '<span dir="ltr">03433 241-3431</span></a>'
    ) in content
    assert '<span dir="ltr">03433 241-7149</span>' in content
    assert "tel:+4934332417149" not in content  # fax is text, not a link


def test_phone_without_switchboard_is_shown_in_national_format(client, richter):
    richter.office.switchboard = ""
    richter.office.save()
    content = client.get("/de/ansprechpersonen/richter/").content.decode()
    assert '<span dir="ltr">03433 2413431</span>' in content


def test_person_page_links_the_office_on_openstreetmap_without_embedding_it(client, richter):
    content = client.get("/de/ansprechpersonen/richter/").content.decode()
    assert (
        "https://www.openstreetmap.org/search?query=S%C3%BCdstra%C3%9Fe+80%2C+04668+Grimma"
        in content
    )
    assert "<iframe" not in content
    richter.office.latitude, richter.office.longitude = "51.236000", "12.725000"
    richter.office.save()
    content = client.get("/de/ansprechpersonen/richter/").content.decode()
    assert "https://www.openstreetmap.org/?mlat=51.236000&amp;mlon=12.725000" in content


def test_person_page_in_english_translates_the_job_and_marks_german_fallbacks(client, richter):
    content = client.get("/en/ansprechpersonen/richter/").content.decode()
    assert "Integration and Asylum Coordinator" in content
    assert '<span lang="de" dir="ltr">FB Grundsatzangelegenheiten Soziales</span>' in content
    assert '<span lang="de" dir="ltr">Richter</span>' in content


def test_breadcrumb_marks_the_german_name_in_another_language(client, richter):
    content = client.get("/ar/ansprechpersonen/richter/").content.decode()
    crumb = content[content.index('<span aria-current="page"') :]
    crumb = crumb[: crumb.index("</li>")]
    assert '<span lang="de" dir="ltr">Richter</span>' in crumb
    german = client.get("/de/ansprechpersonen/richter/").content.decode()
    assert '<span aria-current="page">Frau Richter</span>' in german


def _json_ld(content):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_person_page_carries_valid_schema_org_json_ld(client, richter):
    data = _json_ld(client.get("/de/ansprechpersonen/richter/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Person"
    assert data["familyName"] == "Richter"
    assert data["honorificPrefix"] == "Frau"
    assert data["jobTitle"] == "Koordinatorin Integration Asyl"
    assert data["telephone"] == "+4934332413431"
    assert data["faxNumber"] == "+4934332417149"
    assert data["email"] == "mailto:integrationshilfe@lk-l.de"
    assert data["url"] == "http://testserver/de/ansprechpersonen/richter/"
    assert data["knowsLanguage"] == ["de", "en", "ar"]
    address = data["workLocation"]["address"]
    assert address == {
        "@type": "PostalAddress",
        "streetAddress": "Südstraße 80, Gebäude 62",
        "postalCode": "04668",
        "addressLocality": "Grimma",
        "addressCountry": "DE",
    }
    assert data["worksFor"]["@type"] == "GovernmentOrganization"


def test_json_ld_cannot_be_broken_out_of_by_editor_text(client, richter):
    richter.job_title_de = "</script><script>alert(1)</script>"
    richter.save()
    content = client.get("/de/ansprechpersonen/richter/").content.decode()
    assert "<script>alert(1)" not in content
    assert _json_ld(content)["jobTitle"] == "</script><script>alert(1)</script>"


def _vcard(client, path="/de/ansprechpersonen/richter/kontakt.vcf"):
    response = client.get(path)
    assert response.status_code == 200
    return response, response.content.decode("utf-8")


def _unfold(text):
    return text.replace("\r\n ", "")


def test_vcard_downloads_as_utf8_with_crlf_lines(client, richter):
    response, text = _vcard(client)
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="richter.vcf"'
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_vcard_holds_the_contact_details(client, richter):
    _response, text = _vcard(client)
    lines = _unfold(text).split("\r\n")
    assert "N:Richter;;;Frau;" in lines
    assert "FN:Frau Richter" in lines
    assert "TITLE:Koordinatorin Integration Asyl" in lines
    assert "TEL;TYPE=WORK,VOICE:+4934332413431" in lines
    assert "TEL;TYPE=WORK,FAX:+4934332417149" in lines
    assert "EMAIL;TYPE=INTERNET,WORK:integrationshilfe@lk-l.de" in lines
    assert "ADR;TYPE=WORK:;Gebäude 62\\, Raum 414;Südstraße 80;Grimma;;04668;Deutschland" in lines
    assert "NOTE:Dienstag 9 bis 12 Uhr\\nnicht in den Schulferien" in lines
    assert "URL:http://testserver/de/ansprechpersonen/richter/" in lines


def test_vcard_escapes_commas_semicolons_and_backslashes(client, richter):
    richter.first_name = "Anna; Maria"
    richter.academic_title = "Dr."
    richter.job_title_de = "Koordinatorin, Integration\\Asyl"
    richter.save()
    _response, text = _vcard(client)
    lines = _unfold(text).split("\r\n")
    assert "N:Richter;Anna\\; Maria;;Frau,Dr.;" in lines
    assert "FN:Dr. Anna\\; Maria Richter" in lines
    assert "TITLE:Koordinatorin\\, Integration\\\\Asyl" in lines


def test_vcard_folds_long_lines_without_splitting_characters(client, richter):
    richter.consultation_hours_de = "Sprechzeit nach Vereinbarung – " * 10
    richter.save()
    _response, text = _vcard(client)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "Sprechzeit nach Vereinbarung – " * 3 in _unfold(text)


def _property_names(text):
    """Property names as a lenient reader sees them, which also ends a line at a lone CR or LF,
    NEL, a vertical tab or form feed, U+2028 or U+2029."""
    lines = _unfold(text).splitlines()
    return [re.split(r"[;:]", line, maxsplit=1)[0] for line in lines if line]


CARD_PROPERTIES = [
    "BEGIN",
    "VERSION",
    "ADR",
    "EMAIL",
    "FN",
    "N",
    "NOTE",
    "ORG",
    "ROLE",
    "TEL",
    "TEL",
    "TITLE",
    "URL",
    "END",
]


LINE_BREAKS = ["\r", "\r\n", "\n", "\x85", "\x0b", "\x0c", "\x1e", "\u2028", "\u2029"]


@pytest.mark.parametrize("line_break", LINE_BREAKS)
def test_vcard_line_breaks_in_translated_text_add_no_properties(client, richter, line_break):
    richter.job_title_ar = line_break.join(
        ["منسقة الاندماج", "EMAIL;TYPE=INTERNET:evil@example.org", "TEL;TYPE=CELL:+491701234567"]
    )
    richter.consultation_hours_ar = line_break.join(
        ["الثلاثاء 9-12", "URL:https://example.org/", "END:VCARD", "BEGIN:VCARD"]
    )
    richter.save()
    _response, text = _vcard(client, "/ar/ansprechpersonen/richter/kontakt.vcf")
    assert sorted(_property_names(text)) == sorted(CARD_PROPERTIES)
    card = vobject.readOne(text)
    assert [line.value for line in card.contents["email"]] == ["integrationshilfe@lk-l.de"]
    assert sorted(line.params["TYPE"] for line in card.contents["tel"]) == [
        ["WORK", "FAX"],
        ["WORK", "VOICE"],
    ]
    assert [line.value for line in card.contents["url"]] == [
        "http://testserver/ar/ansprechpersonen/richter/"
    ]
    assert card.title.value == (
        "منسقة الاندماج\nEMAIL;TYPE=INTERNET:evil@example.org\nTEL;TYPE=CELL:+491701234567"
    )
    assert card.note.value.split("\n") == [
        "الثلاثاء 9-12",
        "URL:https://example.org/",
        "END:VCARD",
        "BEGIN:VCARD",
    ]


@pytest.mark.parametrize("line_break", LINE_BREAKS)
def test_vcard_line_breaks_in_names_and_the_address_add_no_properties(client, richter, line_break):
    richter.first_name = f"Anna{line_break}EMAIL:evil@example.org"
    richter.last_name = f"Richter{line_break}TEL:+491700000000"
    richter.room = f"414{line_break}NOTE:evil"
    richter.team.name_de = f"KOI{line_break}TEL:+491701234567"
    richter.team.save()
    richter.office.street = f"Südstraße 80{line_break}URL:https://example.org/"
    richter.office.building = f"Gebäude 62{line_break}END:VCARD"
    richter.office.town = f"Grimma{line_break}BEGIN:VCARD"
    richter.office.save()
    richter.save()
    _response, text = _vcard(client)
    assert sorted(_property_names(text)) == sorted(CARD_PROPERTIES)
    card = vobject.readOne(text)
    assert card.n.value.given == "Anna\nEMAIL:evil@example.org"
    assert card.n.value.family == "Richter\nTEL:+491700000000"
    assert card.role.value == "KOI\nTEL:+491701234567"
    assert card.adr.value.street == "Südstraße 80\nURL:https://example.org/"
    assert card.adr.value.extended == "Gebäude 62\nEND:VCARD, Raum 414\nNOTE:evil"
    assert card.adr.value.city == "Grimma\nBEGIN:VCARD"


@pytest.mark.parametrize(
    ("language", "job_title", "hours"),
    [
        (
            "uk",
            "Координаторка з питань інтеграції; біженці, мігранти та їхні родини. " * 2,
            "Вівторок 9–12; четвер 13–16, крім шкільних канікул.\n" * 3,
        ),
        (
            "ar",
            "منسقة الاندماج واللجوء، مكتب غريما؛ " * 4,
            "الثلاثاء من 9 إلى 12، الخميس من 13 إلى 16؛ ما عدا العطل المدرسية\n" * 3,
        ),
    ],
)
def test_vcard_long_translated_values_fold_and_read_back(
    client, richter, language, job_title, hours
):
    setattr(richter, f"job_title_{language}", job_title)
    setattr(richter, f"consultation_hours_{language}", hours)
    richter.save()
    _response, text = _vcard(client, f"/{language}/ansprechpersonen/richter/kontakt.vcf")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    card = vobject.readOne(text)
    assert card.title.value == job_title
    assert card.note.value == hours


def test_vcard_medium_length_arabic_title_reads_back(client, richter):
    # 60 characters but 107 octets: vobject 0.9.9 only folds lines of 75 characters or more,
    # so this line stays whole (75 octets is a SHOULD); what must hold is that it reads back.
    title = "منسقة شؤون الاندماج واللجوء، مكتب غريما؛ الطابق الرابع"
    richter.job_title_ar = title
    richter.save()
    _response, text = _vcard(client, "/ar/ansprechpersonen/richter/kontakt.vcf")
    assert vobject.readOne(text).title.value == title


def test_vcard_commas_semicolons_and_backslashes_read_back(client, richter):
    richter.first_name = "Anna; Maria"
    richter.academic_title = "Dr., M.A."
    richter.job_title_de = "Koordinatorin, Integration\\Asyl; Grimma"
    richter.room = "4,14; Nord"
    richter.save()
    _response, text = _vcard(client)
    card = vobject.readOne(text)
    assert card.n.value.given == "Anna; Maria"
    assert card.n.value.prefix == ["Frau", "Dr., M.A."]
    assert card.fn.value == "Dr., M.A. Anna; Maria Richter"
    assert card.title.value == "Koordinatorin, Integration\\Asyl; Grimma"
    assert card.adr.value.extended == "Gebäude 62, Raum 4,14; Nord"
    assert card.adr.value.country == "Deutschland"
    assert card.org.value == ["Landkreis Leipzig", "Koordinierungsstelle für Integration"]


def test_person_page_offers_the_vcard(client, richter):
    content = client.get("/de/ansprechpersonen/richter/").content.decode()
    assert 'href="/de/ansprechpersonen/richter/kontakt.vcf"' in content


@pytest.mark.parametrize(
    "path",
    [
        "/de/ansprechpersonen/richter/",
        "/en/ansprechpersonen/richter/",
        "/de/ansprechpersonen/richter/kontakt.vcf",
    ],
)
def test_unpublished_person_page_and_vcard_are_not_found(client, richter, path):
    richter.is_published = False
    richter.save()
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/de/ansprechpersonen/",
        "/de/ansprechpersonen/zustaendigkeiten/",
        "/de/ansprechpersonen/zustaendigkeitsfinder/?ort=Grimma",
        "/de/koordinierungsstelle/",
        "/sitemap.xml",
    ],
)
def test_unpublished_person_appears_nowhere(client, demo_content, path):
    hidden = PersonFactory(
        last_name="Versteckt",
        slug="versteckt",
        is_published=False,
        team=Team.objects.get(abbreviation="KIK"),
        email="versteckt@example.org",
        municipalities=[Municipality.objects.get(name="Grimma")],
    )
    content = client.get(path).content.decode()
    assert "Versteckt" not in content
    assert hidden.email not in content
    assert "/versteckt/" not in content


def test_sitemap_lists_published_people_in_every_language(client, richter):
    content = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/de/ansprechpersonen/richter/" in content
    assert "http://testserver/ar/ansprechpersonen/richter/" in content
    assert "/ansprechpersonen/zustaendigkeitsfinder/" in content
    assert "/ansprechpersonen/zustaendigkeiten/" in content


def test_overview_filters_people_by_language(client, richter):
    other = PersonFactory(last_name="Ohnesprache", slug="ohnesprache", languages=["uk"])
    content = client.get("/de/ansprechpersonen/").content.decode()
    assert '<a href="?sprache=ar" lang="ar" dir="rtl">العربية</a>' in content
    assert '<a href="?sprache=uk" lang="uk" dir="ltr">Українська</a>' in content
    filtered = client.get("/de/ansprechpersonen/", {"sprache": "ar"}).content.decode()
    assert "Ansprechpersonen, die Arabisch sprechen" in filtered
    assert "Frau Richter" in filtered
    assert other.last_name not in filtered


def test_overview_ignores_an_unknown_language(client, richter):
    response = client.get("/de/ansprechpersonen/", {"sprache": "<xx>"})
    assert response.status_code == 200
    assert "Frau Richter" in response.content.decode()


def test_responsibility_table_lists_every_town_with_its_coordinator(client, demo_content):
    content = client.get("/de/ansprechpersonen/zustaendigkeiten/").content.decode()
    assert 'role="region" aria-labelledby="responsibility-caption" tabindex="0"' in content
    assert content.count('<th scope="row">') == 30
    assert '<a href="/de/ansprechpersonen/loth/">Frau Loth</a>' in content
    assert "Diese Zuordnung der Städte und Gemeinden ist ein Beispiel" in content


def test_office_page_shows_teams_tasks_and_people_from_contacts(client, demo_content):
    content = client.get("/de/koordinierungsstelle/").content.decode()
    assert content.count("Koordinatorin Integration Asyl <span") == 1
    assert "Kommunale Integrationskoordinatoren <span" in content
    assert "Lotsen für anerkannte Geflüchtete" in content
    for name in ("Richter", "Eichardt", "Götschenberg", "Loth"):
        assert f"Frau {name}</a></h3>" in content
