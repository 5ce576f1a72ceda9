"""The start page as a service: finder first, top tasks as whole-card links, the office's phone."""

import datetime
import re

import pytest
from django.utils import timezone

from microprojects.models import FundingProgramme
from tests.site_urls import parse_html

XHTML = "{http://www.w3.org/1999/xhtml}"


def _cards(content):
    document, _errors = parse_html(content)
    return [li for li in document.iter(f"{XHTML}li") if "card" in li.get("class", "").split()]


def test_finder_form_comes_first_and_leads_to_the_finder(client, demo_content):
    content = client.get("/de/").content.decode()
    main = content[content.index('<main id="main"') :]
    assert main.index('class="start-finder"') < main.index('class="banner"')
    assert main.index('class="start-finder"') < main.index('class="card-list"')
    form = re.search(r'<form class="start-finder" method="get" action="([^"#]+)#ergebnis"', main)
    assert '<label for="start-ort">Postleitzahl oder Name Ihres Ortes</label>' in main
    assert 'id="start-ort" name="ort"' in main
    answer = client.get(form.group(1), {"ort": "04552"}).content.decode()
    assert "Zuständig für" in answer
    assert "Borna" in answer


def test_every_card_is_exactly_one_link(client, demo_content):
    cards = _cards(client.get("/de/").content.decode())
    assert len(cards) == 3
    for card in cards:
        links = list(card.iter(f"{XHTML}a"))
        assert len(links) == 1
        assert links[0].get("class") == "card__link"


def _programme_card(client, path="/de/"):
    cards = _cards(client.get(path).content.decode())
    return "".join(cards[-1].itertext())


@pytest.mark.parametrize(
    ("status", "says"),
    [
        (FundingProgramme.Status.PAUSED, "Derzeit können keine Anträge gestellt werden"),
        (FundingProgramme.Status.CLOSED, "Das Förderprogramm ist beendet"),
    ],
)
def test_funding_card_says_when_no_application_is_possible(client, demo_content, status, says):
    FundingProgramme.objects.update(status=status, scheduled_status="")
    text = _programme_card(client)
    assert "Kann mein Projekt gefördert werden?" in text
    assert says in text
    assert "Nächster Stichtag" not in text


def test_funding_card_of_an_open_programme_names_the_next_deadline(client, demo_content):
    today = timezone.localdate()
    deadline = today + datetime.timedelta(days=10)
    FundingProgramme.objects.update(
        status=FundingProgramme.Status.OPEN,
        scheduled_status="",
        deadline_day=deadline.day,
        deadline_month=deadline.month,
    )
    content = client.get("/de/").content.decode()
    text = _programme_card(client)
    assert "Anträge möglich" in text
    assert "Nächster Stichtag" in text
    assert f'datetime="{deadline:%Y-%m-%d}"' in content


def test_funding_card_follows_a_planned_status_change(client, demo_content):
    FundingProgramme.objects.update(
        status=FundingProgramme.Status.OPEN,
        scheduled_status=FundingProgramme.Status.PAUSED,
        scheduled_status_from=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert "Derzeit können keine Anträge gestellt werden" in _programme_card(client)


def test_funding_card_in_arabic(client, demo_content):
    text = _programme_card(client, "/ar/")
    assert "هل يمكن تمويل مشروعي؟" in text


def test_start_page_without_a_published_programme_still_links_to_funding(client, demo_content):
    FundingProgramme.objects.update(is_published=False)
    text = _programme_card(client)
    assert "Kann mein Projekt gefördert werden?" in text
    assert "Anträge" not in text


def test_start_page_gives_the_general_contacts_phone_and_email(client, demo_content):
    content = client.get("/de/").content.decode()
    section = content[content.index('class="start-contacts"') :]
    assert 'href="tel:+4934332413431"' in section
    assert 'href="mailto:integrationshilfe@lk-l.de"' in section
