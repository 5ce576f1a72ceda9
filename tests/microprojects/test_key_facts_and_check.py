"""Volunteers on the programme page: key facts, contents, the quick check, step 1's finder link."""

import re
from urllib.parse import urlencode

import pytest

from tests.microprojects.factories import FundingProgrammeFactory, StepFactory
from tests.site_urls import XHTML, heading_levels, parse_html, skipped_heading_levels

pytestmark = pytest.mark.django_db
CHECK = "/{language}/mikroprojekte/schnellcheck/"


def _page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def _key_facts(content):
    start = content.index('<dl class="summary-list key-facts"')
    return content[start : content.index("</dl>", start)]


@pytest.mark.parametrize(
    ("language", "status", "who", "status_text"),
    [
        ("de", "Stand der Förderung", "Wer kann einen Antrag stellen?", "Anträge möglich"),
        ("ar", "وضع التمويل", "من يمكنه تقديم طلب؟", "يمكن تقديم الطلبات"),
    ],
)
def test_key_facts_give_status_who_and_amounts_in_the_readers_language(
    client, language, status, who, status_text
):
    FundingProgrammeFactory(eligible_applicants_ar="مبادرات تطوعية")
    facts = _key_facts(_page(client, f"/{language}/mikroprojekte/"))
    assert f"<dt>{status}</dt>" in facts
    assert who in facts
    assert status_text in facts
    assert facts.count('class="amount"') == 2
    assert "stichtag.ics" in facts


def test_key_facts_of_a_paused_programme_say_no_application_is_possible(client):
    FundingProgrammeFactory(status="paused")
    facts = _key_facts(_page(client, "/de/mikroprojekte/"))
    assert "Derzeit ausgesetzt: Sie können im Moment keinen Antrag stellen." in facts
    assert "Fragen zum Programm an" in facts


def test_unconfirmed_volunteer_questions_show_nothing_to_readers(client):
    FundingProgrammeFactory()
    content = _page(client, "/de/mikroprojekte/")
    for label in ("Eigenanteil", "Was bezahlt wird", "Projektzeitraum", "Bearbeitungszeit"):
        assert label not in content


def test_confirmed_volunteer_questions_appear_in_the_key_facts(client):
    FundingProgrammeFactory(
        own_contribution_de="Kein Eigenanteil nötig.",
        eligible_costs_de="Honorare\nMaterial",
        project_period_de="Im Förderjahr.",
        processing_time_de="Etwa vier Wochen.",
    )
    facts = _key_facts(_page(client, "/de/mikroprojekte/"))
    assert "<dt>Eigenanteil</dt>" in facts
    assert "Kein Eigenanteil nötig." in facts
    assert "<li>Honorare</li><li>Material</li>" in facts
    assert "Im Förderjahr." in facts
    assert "Etwa vier Wochen." in facts


def _ids(content):
    document, _errors = parse_html(content)
    return {el.get("id") for el in document.iter() if el.get("id")}


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("status", ["open", "paused", "closed"])
def test_every_contents_link_leads_to_a_heading_on_the_page(client, language, status):
    programme = FundingProgrammeFactory(status=status)
    StepFactory(programme=programme)
    content = _page(client, f"/{language}/mikroprojekte/")
    start = content.index('<nav class="contents-list"')
    contents = content[start : content.index("</nav>", start)]
    targets = re.findall(r'href="#([^"]+)"', contents)
    assert len(targets) >= 5 if status != "closed" else len(targets) >= 3
    assert set(targets) <= _ids(content)
    # The order volunteers need: facts, the steps with their forms (within two phone screens),
    # the quick check, funded projects, then details.
    expected = ["facts", "steps", "check", "funded", "areas"]
    if status == "closed":
        expected = ["facts", "funded", "areas"]
    assert targets[: len(expected)] == expected


def test_programme_page_follows_the_order_of_the_contents(client):
    programme = FundingProgrammeFactory()
    StepFactory(programme=programme)
    content = _page(client, "/de/mikroprojekte/")
    positions = [content.index(f'id="{anchor}"') for anchor in ("facts", "steps", "check")]
    positions += [content.index(f'id="{anchor}"') for anchor in ("funded", "areas")]
    assert positions == sorted(positions)


def test_closed_programme_offers_no_quick_check_on_its_page(client):
    FundingProgrammeFactory(status="closed")
    content = _page(client, "/de/mikroprojekte/")
    assert 'id="check"' not in content
    assert "beendet" in _page(client, CHECK.format(language="de"))


def test_first_step_links_to_the_finder_when_the_editor_asks_for_it(client):
    programme = FundingProgrammeFactory()
    StepFactory(programme=programme, order=1, title_de="Beraten lassen", links_to_finder=True)
    StepFactory(programme=programme, order=2, title_de="Antrag schicken")
    content = _page(client, "/de/mikroprojekte/")
    first = content[content.index('id="step-1"') : content.index('id="step-2"')]
    second = content[
        content.index('id="step-2"') : content.index("</ol>", content.index('id="step-2"'))
    ]
    assert '<a href="/de/ansprechpersonen/zustaendigkeitsfinder/">Wer berät mich?</a>' in first
    assert "zustaendigkeitsfinder" not in second


def _form(content):
    """The quick-check form as a browser without JavaScript submits it: action and fields."""
    document, _errors = parse_html(content)
    form = next(el for el in document.iter(f"{XHTML}form") if "quick-check" in el.get("class", ""))
    fields = {
        el.get("name"): el.get("value")
        for el in form.iter(f"{XHTML}input")
        if el.get("type") == "hidden"
    }
    radios = {
        el.get("value"): el.get("name")
        for el in form.iter(f"{XHTML}input")
        if el.get("type") == "radio"
    }
    return form.get("action"), form.get("method"), fields, radios


def _answer(client, content, choice):
    """Choose „ja“ or „nein“ in the page's quick-check form and send it."""
    action, method, fields, radios = _form(content)
    assert method == "get"
    path, anchor = action.split("#")
    assert anchor == "check"
    return _page(client, path, **fields, **({radios[choice]: choice} if choice else {}))


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_volunteer_with_a_language_project_gets_yes_and_the_next_step(client, language):
    FundingProgrammeFactory(funded_areas_ar="تعلّم اللغة")
    page = _page(client, f"/{language}/mikroprojekte/")
    page = _answer(client, page, "ja")  # volunteer initiative or private person
    assert 'name="thema"' in page
    page = _answer(client, page, "ja")  # about language, orientation, mediation
    yes = {
        "de": "Ja – Ihr Projekt passt zum Förderprogramm",
        "ar": "نعم – مشروعك يناسب برنامج التمويل",
    }
    assert yes[language] in page
    assert f'href="/{language}/ansprechpersonen/zustaendigkeitsfinder/"' in page
    assert f'href="/{language}/mikroprojekte/#steps"' in page


def test_an_organisation_working_with_volunteers_is_asked_on_to_the_topic(client):
    FundingProgrammeFactory()
    page = _answer(client, _page(client, "/de/mikroprojekte/"), "nein")
    assert "Ist Ihre Organisation ein kommunaler oder freier Träger" in page
    page = _answer(client, page, "ja")
    assert "mit einer ehrenamtlichen Initiative oder mit Privatpersonen zusammen?" in page
    page = _answer(client, page, "ja")
    assert 'name="thema"' in page
    assert "Ja – Ihr Projekt passt" in _answer(client, page, "ja")


@pytest.mark.parametrize(
    ("answers", "because"),
    [
        (
            {"ehrenamtlich": "nein", "traeger": "nein"},
            "Denn einen Antrag stellen nur ehrenamtliche Initiativen und Privatpersonen",
        ),
        (
            {"ehrenamtlich": "nein", "traeger": "ja", "partner": "nein"},
            "Denn Organisationen stellen den Antrag nur zusammen mit",
        ),
        ({"ehrenamtlich": "ja", "thema": "nein"}, "Denn gefördert werden nur Projekte"),
    ],
)
def test_no_says_why_and_what_to_try(client, answers, because):
    FundingProgrammeFactory()
    page = _page(client, CHECK.format(language="de"), **answers)
    assert "Nein, leider nicht" in page
    assert because in page
    assert "Versuchen Sie:" in page
    assert 'href="/de/ansprechpersonen/zustaendigkeitsfinder/"' in page
    assert "Zurück zur vorigen Frage" in page


def test_no_in_arabic_is_arabic(client):
    FundingProgrammeFactory()
    page = _page(client, CHECK.format(language="ar"), ehrenamtlich="nein", traeger="nein")
    assert "لا، للأسف" in page
    assert "Nein, leider nicht" not in page


def test_the_topic_question_lists_the_programmes_areas(client):
    FundingProgrammeFactory(funded_areas_de="Spracherwerb\nOrientierung")
    page = _page(client, CHECK.format(language="de"), ehrenamtlich="ja")
    hint = page[page.index('id="frage-hint"') : page.index("</fieldset>")]
    assert "<li>Spracherwerb</li><li>Orientierung</li>" in hint


def test_sending_without_a_choice_keeps_the_question_and_says_what_is_missing(client):
    FundingProgrammeFactory()
    response = client.get(CHECK.format(language="de"), {"ehrenamtlich": "ja", "frage": "thema"})
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<title>\s*Fehler: Kann mein Projekt", page)
    assert 'class="error-summary"' in page
    assert 'href="#antwort-ja"' in page
    assert 'aria-describedby="frage-hint frage-error"' in page
    assert 'name="thema"' in page


@pytest.mark.parametrize(
    "query",
    [{"ehrenamtlich": "vielleicht"}, {"thema": "ja"}, {"partner": "ja", "traeger": "<b>"}, {}],
)
def test_odd_answers_start_the_check_again_without_error(client, query):
    FundingProgrammeFactory()
    page = _page(client, CHECK.format(language="de"), **query)
    assert 'name="ehrenamtlich"' in page
    assert "error-summary" not in page


def test_a_volunteer_asking_about_a_verein_is_told_to_ask_in_advice(client):
    FundingProgrammeFactory()
    page = _page(client, "/de/mikroprojekte/")
    assert "Sie sind ein Verein? Ob Ihr Verein als ehrenamtliche Initiative zählt" in page


def test_back_link_goes_one_question_back(client):
    FundingProgrammeFactory()
    page = _page(client, CHECK.format(language="de"), ehrenamtlich="nein", traeger="ja")
    back = "/de/mikroprojekte/schnellcheck/?" + urlencode({"ehrenamtlich": "nein"}) + "#check"
    assert f'href="{back}"' in page


@pytest.mark.parametrize("language", ["de", "en", "ar"])
@pytest.mark.parametrize("answers", [{}, {"ehrenamtlich": "ja", "thema": "ja"}])
def test_check_page_has_one_h1_no_skipped_level_and_no_cookie(client, language, answers):
    FundingProgrammeFactory()
    response = client.get(CHECK.format(language=language), answers)
    document, errors = parse_html(response.content)
    levels = heading_levels(document)
    assert levels.count(1) == 1
    assert skipped_heading_levels(levels) == []
    assert errors == []
    assert not response.cookies


def test_check_page_queries_are_fixed(client, django_assert_max_num_queries):
    FundingProgrammeFactory()
    url = CHECK.format(language="de")
    client.get(url)
    with django_assert_max_num_queries(3):
        client.get(url, {"ehrenamtlich": "nein", "traeger": "ja", "partner": "ja"})


def test_check_without_a_programme_says_it_is_coming(client):
    assert client.get(CHECK.format(language="de")).status_code == 200
