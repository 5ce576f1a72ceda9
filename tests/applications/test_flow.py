"""The applicant's journey through public URLs: start, topics, check, submit, confirmation."""

import pytest
from django.core import mail

from applications.models import Application
from microprojects.models import FundingProgramme
from tests.microprojects.factories import FundingProgrammeFactory, MunicipalityFactory

from .factories import VALID, fill_all, start_draft, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return FundingProgrammeFactory()


@pytest.fixture
def town():
    return MunicipalityFactory(name="Borna")


def test_start_page_offers_the_quick_check_while_the_programme_is_open(client, programme):
    response = client.get("/de/mikroprojekte/antrag/")
    assert response.status_code == 200
    assert b"/de/mikroprojekte/schnellcheck/" in response.content
    assert "5.000,00" in response.content.decode()
    assert not response.cookies


def test_start_page_explains_a_paused_programme_and_takes_no_draft(client, programme):
    programme.status = FundingProgramme.Status.PAUSED
    programme.save()
    page = client.get("/de/mikroprojekte/antrag/").content.decode()
    assert "Derzeit können Sie keinen Antrag stellen" in page
    response = client.post("/de/mikroprojekte/antrag/neu/", {"ehrenamtlich": "ja", "thema": "ja"})
    assert response.status_code == 302
    assert Application.objects.count() == 0


def test_eligible_outcome_of_the_quick_check_offers_the_online_application(client, programme):
    response = client.get("/de/mikroprojekte/schnellcheck/?ehrenamtlich=ja&thema=ja")
    assert b'action="/de/mikroprojekte/antrag/neu/"' in response.content
    assert not response.cookies


def test_an_ineligible_answer_starts_no_draft(client, programme):
    response = client.post(
        "/de/mikroprojekte/antrag/neu/", {"ehrenamtlich": "nein", "traeger": "nein"}
    )
    assert response["Location"] == "/de/mikroprojekte/schnellcheck/"
    assert Application.objects.count() == 0


def test_the_token_is_stored_only_as_a_hash(client, programme):
    token, _url = start_draft(client)
    application = Application.objects.get()
    assert len(token) >= 43
    assert token not in application.token_hash


def test_pages_with_the_token_are_private_and_set_no_cookie(client, programme):
    _token, url = start_draft(client)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert not response.cookies
    assert url in response.content.decode()


def test_unknown_token_is_not_found(client, programme):
    start_draft(client)
    assert client.get("/de/mikroprojekte/antrag/erfunden-1234/").status_code == 404
    assert client.get("/de/mikroprojekte/antrag/erfunden-1234/projekt/").status_code == 404


def test_whole_journey_gives_a_reference_and_mails_applicant_and_office(client, programme, town):
    token, application = submitted(client, town)
    assert application.status == Application.Status.RECEIVED
    assert application.reference.startswith("MP-")
    assert application.requested_amount == 1000
    confirmation = client.get(f"/de/mikroprojekte/antrag/{token}/gesendet/")
    assert application.reference in confirmation.content.decode()
    to_applicant = [m for m in mail.outbox if m.to == ["amal@example.org"]]
    to_office = [m for m in mail.outbox if m.to == ["mikroprojekte-kfi@lk-l.de"]]
    # The link to continue, then the confirmation.
    assert len(to_applicant) == 2
    assert token in to_applicant[0].body
    assert application.reference in to_applicant[1].subject
    assert len(to_office) == 1
    assert to_office[0].attachments[0][2] == "application/pdf"
    # Submitted: the topics are closed, the task list leads to the confirmation.
    response = client.get(f"/de/mikroprojekte/antrag/{token}/projekt/")
    assert response["Location"].endswith("/gesendet/")


def test_references_count_up_within_the_year(client, programme, town):
    _token, first = submitted(client, town)
    _token, second = submitted(client, town)
    number = int(first.reference.rsplit("-", 1)[1])
    assert second.reference == f"{first.reference.rsplit('-', 1)[0]}-{number + 1:04d}"


def test_applicant_in_arabic_gets_the_mail_in_arabic_the_office_in_german(client, programme, town):
    _token, application = submitted(client, town, language="ar")
    assert application.language == "ar"
    received = [m for m in mail.outbox if m.to == ["amal@example.org"]][-1]
    office = [m for m in mail.outbox if m.to == ["mikroprojekte-kfi@lk-l.de"]][-1]
    assert "Guten Tag" not in received.body
    assert application.reference in received.body
    assert office.subject.startswith("Neuer Antrag")


def test_check_page_lists_what_is_missing_and_refuses_to_submit(client, programme):
    token, _url = start_draft(client)
    page = client.get(f"/de/mikroprojekte/antrag/{token}/pruefen/").content.decode()
    assert "Noch nicht vollständig" in page
    client.post(f"/de/mikroprojekte/antrag/{token}/pruefen/")
    assert Application.objects.get().is_draft


def test_office_address_from_the_setting_wins(client, programme, town, settings):
    settings.APPLICATION_OFFICE_EMAIL = "eingang@example.org"
    submitted(client, town)
    assert any(m.to == ["eingang@example.org"] for m in mail.outbox)


def test_honeypot_filled_starts_nothing(client, programme):
    response = client.post(
        "/de/mikroprojekte/antrag/neu/", {"ehrenamtlich": "ja", "thema": "ja", "website": "x"}
    )
    assert response.status_code == 429
    assert Application.objects.count() == 0


def test_too_many_drafts_from_one_address_are_refused(client, programme, settings):
    settings.APPLICATION_RATE_LIMIT = 2
    start_draft(client)
    start_draft(client)
    response = client.post("/de/mikroprojekte/antrag/neu/", {"ehrenamtlich": "ja", "thema": "ja"})
    assert response.status_code == 429
    assert "später noch einmal" in response.content.decode()
    assert Application.objects.count() == 2


def test_fill_all_marks_every_required_task_done(client, programme, town):
    token, url = start_draft(client)
    fill_all(client, token, town)
    page = client.get(url).content.decode()
    assert page.count("erledigt") == len(VALID) + 1
    assert f"/de/mikroprojekte/antrag/{token}/pruefen/" in page


def test_the_token_never_reaches_the_shared_cache(client, programme, town):
    from django.core.cache import cache

    token, url = start_draft(client)
    client.get(url)
    client.get(f"/ar/mikroprojekte/antrag/{token}/projekt/")
    fill_all(client, token, town)
    client.post(f"/de/mikroprojekte/antrag/{token}/pruefen/")
    client.get(f"/de/mikroprojekte/antrag/{token}/gesendet/")
    # The public start page is cached as any other page; nothing stored names the token.
    client.get("/de/mikroprojekte/antrag/")
    stored = list(cache._cache.items())
    assert stored
    assert not [key for key, value in stored if token in key or token.encode() in value]


def test_a_paused_programme_offers_the_forms_of_its_steps(client, programme):
    from tests.microprojects.factories import StepDocumentFactory

    programme.status = FundingProgramme.Status.PAUSED
    programme.save()
    form = StepDocumentFactory(step__programme=programme, document__title_de="Antrag 2022")
    page = client.get("/de/mikroprojekte/antrag/").content.decode()
    assert "Formulare zum Herunterladen" in page
    assert "Antrag 2022" in page
    assert form.document.get_download_url() in page


def test_a_closed_programme_offers_no_forms(client, programme):
    from tests.microprojects.factories import StepDocumentFactory

    programme.status = FundingProgramme.Status.CLOSED
    programme.save()
    StepDocumentFactory(step__programme=programme, document__title_de="Antrag 2022")
    page = client.get("/de/mikroprojekte/antrag/").content.decode()
    assert "Anträge sind nicht mehr möglich" in page
    assert "Antrag 2022" not in page


def test_a_draft_cannot_be_submitted_once_the_programme_pauses(client, programme, town):
    token, _url = start_draft(client)
    fill_all(client, token, town)
    programme.status = FundingProgramme.Status.PAUSED
    programme.save()
    response = client.post(f"/de/mikroprojekte/antrag/{token}/pruefen/")
    assert response.status_code == 200
    assert "Ihr Entwurf bleibt gespeichert" in response.content.decode()
    assert Application.objects.get().is_draft
