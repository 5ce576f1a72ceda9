import datetime
import re
from urllib.parse import unquote

import icalendar
import pytest
from django.utils import timezone

from tests.microprojects.factories import (
    FundingProgrammeFactory,
    PersonFactory,
    StepDocumentFactory,
    StepFactory,
)
from tests.site_urls import heading_levels, parse_html, skipped_heading_levels

pytestmark = pytest.mark.django_db
URL = "/de/mikroprojekte/"


@pytest.fixture
def today(monkeypatch):
    """Pin the site's idea of today to a given date."""

    def pin(date):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date)

    return pin


def test_open_programme_shows_next_deadline_with_days_left(client, today):
    today(datetime.date(2026, 11, 24))
    FundingProgrammeFactory()
    content = client.get(URL).content.decode()
    assert '<time datetime="2027-10-31">31. Oktober 2027</time>' in content
    assert "noch 341 Tage" in content
    assert 'href="/de/mikroprojekte/stichtag.ics"' in content


def test_open_programme_without_notice_shows_no_banner(client):
    FundingProgrammeFactory()
    assert 'aria-labelledby="banner-title"' not in client.get(URL).content.decode()


def test_paused_programme_shows_dated_notice_as_the_one_banner_and_no_countdown(client, today):
    today(datetime.date(2025, 3, 1))
    FundingProgrammeFactory(
        status="paused",
        status_title_de="Derzeit keine Mittel verfügbar",
        status_date=datetime.date(2025, 2, 17),
        status_text_de="<p>Kein Haushalt.</p>",
    )
    content = client.get(URL).content.decode()
    assert content.count('aria-labelledby="banner-title"') == 1
    assert 'role="region" aria-labelledby="banner-title"' in content
    assert "Derzeit keine Mittel verfügbar" in content
    assert '<time datetime="2025-02-17">17. Februar 2025</time>' in content
    assert content.index("banner-title") < content.index("<h1")
    assert "noch " not in content
    assert "Derzeit ausgesetzt" in content
    assert '<time datetime="--10-31">31. Oktober</time>' in content
    assert "stichtag.ics" not in content


def test_paused_programme_without_notice_text_still_gets_a_banner(client):
    FundingProgrammeFactory(status="paused")
    content = client.get(URL).content.decode()
    assert "Derzeit können keine Anträge gestellt werden" in content


def test_deadline_calendar_file_is_one_all_day_event(client, today):
    today(datetime.date(2025, 11, 1))
    FundingProgrammeFactory()
    response = client.get("/de/mikroprojekte/stichtag.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20261031\r\n" in body
    assert "DTEND;VALUE=DATE:20261101\r\n" in body
    assert "SUMMARY:Stichtag: Mikroprojekte Integration\r\n" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_no_calendar_file_while_the_programme_is_paused(client):
    FundingProgrammeFactory(status="paused")
    assert client.get("/de/mikroprojekte/stichtag.ics").status_code == 404


def test_amounts_are_shown_in_the_readers_format_and_isolated(client):
    FundingProgrammeFactory()
    german = client.get(URL).content.decode()
    english = client.get("/en/mikroprojekte/").content.decode()
    assert '<span dir="ltr" class="amount">5.000\xa0€</span>' in german
    assert '<span dir="ltr" class="amount">€1,000</span>' in english


def test_who_may_apply_and_what_is_funded_are_bulleted_lists(client):
    FundingProgrammeFactory()
    content = client.get(URL).content.decode()
    assert '<ul class="bullet-list"><li>Ehrenamtliche Initiativen</li><li>Vereine</li></ul>' in (
        content
    )
    assert "<li>Sprachcafé</li>" in content


def test_untranslated_list_is_marked_german_with_a_notice(client):
    FundingProgrammeFactory()
    content = client.get("/ar/mikroprojekte/").content.decode()
    assert '<ul class="bullet-list" lang="de" dir="ltr"><li>Ehrenamtliche Initiativen' in content


def test_submission_address_is_a_mailto_link_with_prepared_subject(client):
    FundingProgrammeFactory()
    content = client.get(URL).content.decode()
    assert 'href="mailto:mikroprojekte-kfi@lk-l.de?subject=Antrag%20Mikroprojekt"' in content
    assert '<span dir="ltr">mikroprojekte-kfi@lk-l.de</span>' in content


def test_steps_are_an_ordered_list_each_with_its_forms_in_order(client):
    programme = FundingProgrammeFactory()
    advice = StepFactory(programme=programme, order=1, title_de="Beratung")
    proof = StepFactory(programme=programme, order=2, title_de="Verwendungsnachweis")
    StepDocumentFactory(step=proof, order=2, document__title="Sachbericht")
    StepDocumentFactory(step=proof, order=1, document__title="Zahlenmäßiger Nachweis")
    content = client.get(URL).content.decode()
    start = content.index('<ol class="step-list"')
    steps = content[start : content.index("</ol>", start)]
    assert steps.index("Beratung") < steps.index("Verwendungsnachweis")
    assert steps.index("Zahlenmäßiger Nachweis") < steps.index("Sachbericht")
    assert steps.index("Verwendungsnachweis") < steps.index("Zahlenmäßiger Nachweis")
    assert advice.title_de in steps
    assert "<abbr title=" in steps  # type and size come from the documents app


def test_unpublished_form_is_left_out_of_its_step(client):
    step = StepFactory(title_de="Antrag")
    StepDocumentFactory(step=step, document__title="Antragsformular")
    StepDocumentFactory(step=step, document__title="Alter Entwurf", document__is_published=False)
    StepDocumentFactory(step=step, document__title="Ohne Datei", document__with_file=False)
    content = client.get(URL).content.decode()
    assert "Antragsformular" in content
    assert "Alter Entwurf" not in content
    assert "Ohne Datei" not in content


def test_published_contact_persons_are_shown_and_unpublished_left_out(client):
    programme = FundingProgrammeFactory()
    programme.contact_persons.add(
        PersonFactory(last_name="Eichardt"),
        PersonFactory(last_name="Versteckt", is_published=False),
    )
    content = client.get(URL).content.decode()
    assert "Eichardt" in content
    assert "Versteckt" not in content


def test_unpublished_programme_is_not_shown(client):
    FundingProgrammeFactory(is_published=False, title_de="Geheimes Programm")
    response = client.get(URL)
    assert response.status_code == 200
    assert "Geheimes Programm" not in response.content.decode()


def test_programme_page_in_english_uses_the_english_title_and_headings(client):
    FundingProgrammeFactory()
    content = client.get("/en/mikroprojekte/").content.decode()
    assert "<h1>Integration micro-projects</h1>" in content


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_programme_page_has_one_h1_and_no_skipped_heading_level(client, language):
    programme = FundingProgrammeFactory(status="paused", status_title_de="Keine Mittel")
    programme.contact_persons.add(PersonFactory())
    StepDocumentFactory(step=StepFactory(programme=programme))
    response = client.get(f"/{language}/mikroprojekte/")
    document, errors = parse_html(response.content)
    levels = heading_levels(document.getroot() if hasattr(document, "getroot") else document)
    assert levels.count(1) == 1
    assert skipped_heading_levels(levels) == []
    assert errors == []
    assert not response.cookies


def test_programme_page_queries_do_not_grow_with_steps_forms_and_people(
    client, django_assert_max_num_queries
):
    programme = FundingProgrammeFactory()
    for _step in range(6):
        step = StepFactory(programme=programme)
        StepDocumentFactory.create_batch(3, step=step)
    programme.contact_persons.add(*PersonFactory.create_batch(4))
    # The first request also reads which fixed pages are drafts; that is cached for a minute.
    client.get(URL)
    with django_assert_max_num_queries(7):
        response = client.get(URL)
    assert response.content.decode().count('class="attachment"') == 18


def test_mailto_subject_is_german_in_every_language(client):
    FundingProgrammeFactory(submission_subject="")
    content = client.get("/en/mikroprojekte/").content.decode()
    start = content.index("mailto:")
    assert "subject=Mikroprojekte Integration" in unquote(content[start : start + 120])


def test_deadline_day_itself_says_today(client, today):
    today(datetime.date(2025, 10, 31))
    FundingProgrammeFactory()
    content = client.get(URL).content.decode()
    assert '<time datetime="2025-10-31">31. Oktober 2025</time>' in content
    assert "(heute)" in content


def test_closed_programme_says_applications_are_over(client):
    FundingProgrammeFactory(status="closed")
    content = client.get(URL).content.decode()
    assert "Das Förderprogramm ist beendet" in content
    assert "noch " not in content


def test_list_translation_older_than_the_german_text_is_flagged(client):
    programme = FundingProgrammeFactory(eligible_applicants_en="Volunteers")
    programme.eligible_applicants_de = "Ehrenamtliche\nVereine\nKirchgemeinden"
    programme.save()
    content = client.get("/en/mikroprojekte/").content.decode()
    assert "outdated-note" in content
    assert "<li>Volunteers</li>" in content


def _calendar_event(client, path="/de/mikroprojekte/stichtag.ics"):
    response = client.get(path)
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    return response.content.decode(), calendar, event


def _property_names(body):
    """Property names as a lenient reader sees them, which also ends a line at a lone CR or LF,
    NEL, a vertical tab or form feed, U+2028 or U+2029."""
    lines = body.replace("\r\n ", "").splitlines()
    return [re.split(r"[;:]", line, maxsplit=1)[0] for line in lines if line]


CALENDAR_PROPERTIES = [
    "BEGIN",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "BEGIN",
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "DESCRIPTION",
    "URL",
    "TRANSP",
    "END",
    "END",
]


def test_deadline_calendar_file_keeps_every_property(client, today):
    today(datetime.date(2025, 11, 1))
    FundingProgrammeFactory()
    body, calendar, event = _calendar_event(client)
    assert sorted(_property_names(body)) == sorted(CALENDAR_PROPERTIES)
    assert body.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert calendar["PRODID"] == "-//Landkreis Leipzig//Koordinierungsstelle fuer Integration//DE"
    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    assert event["UID"] == "mikroprojekte-integration-2026-stichtag@testserver"
    assert event.decoded("DTSTART") == datetime.date(2026, 10, 31)
    assert event.decoded("DTEND") == datetime.date(2026, 11, 1)
    stamp = event.decoded("DTSTAMP")
    assert stamp.utcoffset() == datetime.timedelta(0)
    assert abs(timezone.now() - stamp) < datetime.timedelta(minutes=1)
    assert event["SUMMARY"] == "Stichtag: Mikroprojekte Integration"
    assert event["DESCRIPTION"] == (
        "Letzter Tag, um den Antrag per E-Mail an mikroprojekte-kfi@lk-l.de zu schicken. "
        "Alles Weitere: http://testserver/de/mikroprojekte/"
    )
    assert event["URL"] == "http://testserver/de/mikroprojekte/"
    assert event["TRANSP"] == "TRANSPARENT"


LINE_BREAKS = ["\r", "\r\n", "\n", "\x85", "\x0b", "\x0c", "\x1e", "\u2028", "\u2029"]


@pytest.mark.parametrize("line_break", LINE_BREAKS)
def test_line_breaks_in_calendar_text_add_no_properties(client, today, line_break):
    today(datetime.date(2025, 11, 1))
    FundingProgrammeFactory(
        title_ar=line_break.join(
            [
                "مشاريع صغيرة",
                "DTSTART;VALUE=DATE:19990101",
                "URL:https://example.org/",
                "END:VEVENT",
            ]
        ),
        submission_email=line_break.join(["mikroprojekte-kfi@lk-l.de", "UID:evil"]),
    )
    body, _calendar, event = _calendar_event(client, "/ar/mikroprojekte/stichtag.ics")
    assert sorted(_property_names(body)) == sorted(CALENDAR_PROPERTIES)
    assert event.decoded("DTSTART") == datetime.date(2026, 10, 31)
    assert event["URL"] == "http://testserver/ar/mikroprojekte/"
    assert event["UID"] == "mikroprojekte-integration-2026-stichtag@testserver"
    assert (
        "مشاريع صغيرة\nDTSTART;VALUE=DATE:19990101\nURL:https://example.org/\nEND:VEVENT"
        in event["SUMMARY"]
    )
    assert "mikroprojekte-kfi@lk-l.de\nUID:evil" in event["DESCRIPTION"]


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("ar", "مشاريع صغيرة للاندماج، لمبادرات المتطوعين والجمعيات؛ منطقة لايبزيغ " * 2),
        ("uk", "Мікропроєкти інтеграції, для волонтерських ініціатив і товариств; Лейпциг " * 2),
        ("uk", "Мікропроєкти; інтеграція, Лейпциг"),
    ],
)
def test_long_calendar_lines_fold_without_splitting_characters(client, today, language, title):
    today(datetime.date(2025, 11, 1))
    FundingProgrammeFactory(**{f"title_{language}": title})
    body, _calendar, event = _calendar_event(client, f"/{language}/mikroprojekte/stichtag.ics")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert title in event["SUMMARY"]


@pytest.mark.parametrize(
    "url",
    [
        URL,
        "/de/mikroprojekte/stichtag.ics",
        "/de/mikroprojekte/gefoerderte-projekte/",
        "/de/mikroprojekte/gefoerderte-projekte/export.csv",
    ],
)
def test_pages_answer_head_requests_of_link_checkers_and_refuse_posts(client, url):
    FundingProgrammeFactory()
    head = client.head(url)
    assert head.status_code == 200
    assert head["Content-Type"] == client.get(url)["Content-Type"]
    assert client.post(url).status_code == 405


# --- The page agrees with itself in every status ------------------------------------------

NO_FUNDS = "Derzeit keine Mittel verfügbar"
PAST = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def _programme_with_everything(**kwargs):
    """A programme with a steps' form, a contact and a notice written for „ausgesetzt“."""
    programme = FundingProgrammeFactory(
        status_title_de=NO_FUNDS,
        status_text_de="<p>Kein Haushalt.</p>",
        status_notice_status="paused",
        **kwargs,
    )
    step = StepFactory(programme=programme, title_de="Antrag stellen")
    StepDocumentFactory(step=step, document__title="Antragsformular")
    programme.contact_persons.add(PersonFactory(last_name="Eichardt"))
    return programme


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"status": "open"}, "open"),
        ({"status": "paused"}, "paused"),
        ({"status": "closed"}, "closed"),
        ({"status": "paused", "scheduled_status": "open", "scheduled_status_from": PAST}, "open"),
        ({"status": "open", "scheduled_status": "paused", "scheduled_status_from": PAST}, "paused"),
        ({"status": "open", "scheduled_status": "closed", "scheduled_status_from": PAST}, "closed"),
    ],
)
def test_programme_page_is_consistent_with_the_status_in_force(client, today, fields, status):
    today(datetime.date(2026, 3, 1))
    _programme_with_everything(**fields)

    content = client.get(URL).content.decode()
    banner = 'aria-labelledby="banner-title"' in content
    countdown = "noch 244 Tage" in content
    calendar_link = "stichtag.ics" in content
    apply_to = "Antrag senden an" in content
    forms = "Antragsformular" in content
    preparation = "helfen Ihnen, einen Antrag vorzubereiten" in content

    assert "Eichardt" in content
    assert "Fragen zum Programm an" in content or apply_to
    if status == "open":
        assert NO_FUNDS not in content and not banner
        assert countdown and calendar_link and apply_to and forms
        assert not preparation
    elif status == "paused":
        assert NO_FUNDS in content and banner
        assert not countdown and not calendar_link and not apply_to
        assert "Derzeit ausgesetzt" in content
        assert forms and preparation
    else:
        assert NO_FUNDS not in content and "Das Förderprogramm ist beendet" in content
        assert not countdown and not calendar_link and not apply_to
        assert not forms and "So läuft die Förderung ab" not in content
        assert "helfen beim Antrag" not in content
    assert (client.get("/de/mikroprojekte/stichtag.ics").status_code == 200) == (status == "open")
