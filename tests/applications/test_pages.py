"""Each topic page: bad input gets a clear message, keeps what was typed and loses nothing saved."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from applications.models import Application
from tests.microprojects.factories import FundingProgrammeFactory, MunicipalityFactory

from .factories import VALID, fill_all, pdf_upload, start_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return FundingProgrammeFactory()


@pytest.fixture
def draft(client, programme):
    token, _url = start_draft(client)
    return token


def page(token, slug, language="de"):
    return f"/{language}/mikroprojekte/antrag/{token}/{slug}/"


def assert_error_page(response, *messages):
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fehler:" in html
    assert 'class="error-summary"' in html
    assert 'aria-invalid="true"' in html or "radios" in html
    for message in messages:
        assert message in html


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    [
        (
            "antragstellende",
            {**VALID["antragstellende"], "applicant_name": ""},
            "Geben Sie Ihren Namen ein.",
        ),
        ("antragstellende", {**VALID["antragstellende"], "postal_code": "4552"}, "5 Ziffern"),
        ("antragstellende", {**VALID["antragstellende"], "email": "amal@"}, "name@example.de"),
        ("kooperation", {}, "Wählen Sie „Ja“ oder „Nein“."),
        ("kooperation", {"has_partner": "ja"}, "Geben Sie den Namen der Organisation ein."),
        ("projekt", {"title": "Sprachcafé", "description": ""}, "Beschreiben Sie das Projekt."),
        (
            "zielgruppe",
            {"target_group": "Familien", "expected_participants": "viele"},
            "ganze Zahl",
        ),
        ("ort", {"municipality": ""}, "Wählen Sie eine Stadt oder Gemeinde."),
        ("zeitraum", {"starts_on": "31.02.2027", "ends_on": "01.03.2027"}, "Tag.Monat.Jahr"),
        (
            "zeitraum",
            {"starts_on": "01.09.2027", "ends_on": "01.03.2027"},
            "nach dem Projektbeginn",
        ),
        ("einwilligung", {}, "Bitte willigen Sie ein"),
    ],
)
def test_bad_input_gets_a_message_and_keeps_the_typed_values(client, draft, slug, data, message):
    response = client.post(page(draft, slug), data)
    assert_error_page(response, message)
    for value in data.values():
        if value and value not in ("ja", "nein"):
            assert value in response.content.decode()


def test_a_refused_page_keeps_what_was_saved_before(client, draft):
    client.post(page(draft, "projekt"), VALID["projekt"])
    response = client.post(page(draft, "projekt"), {"title": "", "description": "Neu"})
    assert_error_page(response, "Geben Sie einen Projekttitel ein.")
    application = Application.objects.get()
    assert application.title == VALID["projekt"]["title"]
    assert application.description == VALID["projekt"]["description"]


def test_error_summary_links_to_the_field(client, draft):
    response = client.post(page(draft, "kooperation"), {})
    assert 'href="#id_has_partner_0"' in response.content.decode()
    assert 'id="id_has_partner_0"' in response.content.decode()


def test_arabic_digits_count_as_numbers(client, draft):
    data = {"target_group": "عائلات", "expected_participants": "٢٠"}
    assert client.post(page(draft, "zielgruppe", "ar"), data).status_code == 302
    assert Application.objects.get().expected_participants == 20


def test_organisation_must_name_its_volunteer_partner(client, programme):
    token, _url = start_draft(
        client, answers={"ehrenamtlich": "nein", "traeger": "ja", "partner": "ja", "thema": "ja"}
    )
    assert Application.objects.get().applicant_kind == "organisation"
    response = client.post(page(token, "kooperation"), {})
    assert_error_page(response, "Geben Sie den Namen der Organisation ein.")
    data = {
        "partner_kind": "initiative",
        "partner_name": "Nachbarschaftshilfe",
        "partner_contact": "Frau A.",
    }
    assert client.post(page(token, "kooperation"), data).status_code == 302
    assert Application.objects.get().has_partner is True


# Costs ---------------------------------------------------------------------------------


def costs(**changes):
    data = {**VALID["kosten"], **changes}
    return {key: value for key, value in data.items() if value is not None}


def test_cost_plan_computes_the_sums(client, draft):
    response = client.post(page(draft, "kosten"), costs(berechnen="1"))
    assert response.status_code == 302 and response["Location"].endswith("#summen")
    html = client.get(page(draft, "kosten")).content.decode()
    assert "1.100,00 €" in html  # costs
    assert "1.000,00 €" in html  # requested
    application = Application.objects.get()
    assert application.total_costs == 1100
    assert application.requested_amount == 1000


def test_more_than_the_programme_maximum_is_refused(client, draft):
    response = client.post(page(draft, "kosten"), costs(**{"kosten-0-amount": "5.600,00"}))
    assert_error_page(response, "Je Projekt sind höchstens 5.000,00 € möglich.")
    assert "5.600,00" in response.content.decode()
    assert Application.objects.get().cost_lines.count() == 0


def test_a_language_course_has_its_own_maximum(client, draft):
    response = client.post(
        page(draft, "kosten"), costs(is_language_course="ja", **{"kosten-0-amount": "700"})
    )
    assert_error_page(response, "Für einen Sprachkurs sind höchstens 1.000,00 € möglich.")
    response = client.post(
        page(draft, "kosten"), costs(is_language_course="ja", **{"kosten-0-amount": "600"})
    )
    assert response.status_code == 302
    assert Application.objects.get().requested_amount == 1000


def test_exactly_the_maximum_is_allowed(client, draft):
    data = costs(own_contribution="0", **{"kosten-0-amount": "4.500", "kosten-1-amount": "500"})
    assert client.post(page(draft, "kosten"), data).status_code == 302


def test_a_cost_line_without_category_or_amount_is_named(client, draft):
    data = costs(**{"kosten-2-amount": "20", "kosten-1-amount": ""})
    response = client.post(page(draft, "kosten"), data)
    assert_error_page(response, "Wählen Sie die Art der Kosten.", "Geben Sie den Betrag ein.")


def test_a_plan_without_costs_is_refused(client, draft):
    data = costs(
        **{
            "kosten-0-category": "",
            "kosten-0-amount": "",
            "kosten-1-category": "",
            "kosten-1-amount": "",
        }
    )
    assert_error_page(client.post(page(draft, "kosten"), data), "mindestens eine Kostenposition")


def test_amounts_in_other_notations_are_understood(client, draft):
    data = costs(
        own_contribution="100.50", **{"kosten-0-amount": "€ 600", "kosten-1-amount": "٥٠٠"}
    )
    assert client.post(page(draft, "kosten"), data).status_code == 302
    application = Application.objects.get()
    assert application.total_costs == 1100
    assert str(application.own_contribution) == "100.50"


def test_a_cost_line_can_be_removed(client, draft):
    client.post(page(draft, "kosten"), costs())
    application = Application.objects.get()
    first, second = application.cost_lines.all()
    data = {
        "is_language_course": "nein",
        "own_contribution": "0",
        "other_funding": "0",
        "kosten-TOTAL_FORMS": "2",
        "kosten-INITIAL_FORMS": "2",
        "kosten-0-id": first.pk,
        "kosten-0-category": "material",
        "kosten-0-amount": "600",
        "kosten-1-id": second.pk,
        "kosten-1-category": "catering",
        "kosten-1-amount": "500",
        "kosten-1-DELETE": "on",
    }
    assert client.post(page(draft, "kosten"), data).status_code == 302
    assert list(application.cost_lines.values_list("pk", flat=True)) == [first.pk]


# Attachments ---------------------------------------------------------------------------


def test_an_attachment_is_checked_by_its_content(client, draft):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("angebot.pdf", b"<html>no pdf</html>", "application/pdf")
    response = client.post(page(draft, "anlagen"), {"file": fake})
    assert_error_page(response)
    assert Application.objects.get().attachments.count() == 0
    response = client.post(page(draft, "anlagen"), {"file": pdf_upload()})
    assert response.status_code == 302
    assert Application.objects.get().attachments.count() == 1


def test_attachments_are_limited_in_number_and_size(client, draft, settings):
    settings.APPLICATION_MAX_ATTACHMENTS = 1
    client.post(page(draft, "anlagen"), {"file": pdf_upload()})
    response = client.post(page(draft, "anlagen"), {"file": pdf_upload("zwei.pdf")})
    assert_error_page(response, "höchstens 1 Dateien")
    settings.APPLICATION_MAX_ATTACHMENTS = 5
    settings.APPLICATION_ATTACHMENT_MAX_BYTES = 100
    response = client.post(page(draft, "anlagen"), {"file": pdf_upload("gross.pdf")})
    assert_error_page(response, "höchstens")


def test_another_applicants_attachment_is_not_found(client, programme):
    mine, _url = start_draft(client)
    theirs, _url = start_draft(client)
    client.post(page(theirs, "anlagen"), {"file": pdf_upload()})
    attachment = Application.objects.by_token(theirs).attachments.get()
    own_url = f"/de/mikroprojekte/antrag/{theirs}/anlagen/{attachment.pk}/"
    response = client.get(own_url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert (
        client.get(f"/de/mikroprojekte/antrag/{mine}/anlagen/{attachment.pk}/").status_code == 404
    )
    assert (
        client.post(
            f"/de/mikroprojekte/antrag/{mine}/anlagen/{attachment.pk}/loeschen/"
        ).status_code
        == 404
    )
    assert Application.objects.by_token(theirs).attachments.count() == 1


def test_an_attachment_can_be_removed(client, draft):
    client.post(page(draft, "anlagen"), {"file": pdf_upload()})
    attachment = Application.objects.get().attachments.get()
    response = client.post(f"/de/mikroprojekte/antrag/{draft}/anlagen/{attachment.pk}/loeschen/")
    assert response.status_code == 302
    assert Application.objects.get().attachments.count() == 0


# Expiry, languages, queries ---------------------------------------------------------------


def test_an_expired_draft_is_gone(client, draft, settings):
    import datetime

    settings.APPLICATION_DRAFT_AGE = datetime.timedelta(days=0)
    assert client.get(f"/de/mikroprojekte/antrag/{draft}/").status_code == 404


@pytest.mark.parametrize("language", ["de", "en", "ar", "fa", "uk", "ru", "tr", "es"])
def test_every_page_answers_in_every_language(client, programme, language):
    MunicipalityFactory(name="Borna")
    token, _url = start_draft(client, language=language)
    for slug in [
        "",
        "antragstellende/",
        "kooperation/",
        "projekt/",
        "zielgruppe/",
        "ort/",
        "zeitraum/",
        "kosten/",
        "anlagen/",
        "einwilligung/",
        "pruefen/",
    ]:
        response = client.get(f"/{language}/mikroprojekte/antrag/{token}/{slug}")
        assert response.status_code == 200, slug
        html = response.content.decode()
        assert html.count("<h1") == 1, slug
        assert f'lang="{language}"' in html
        assert not response.cookies


def test_query_counts_stay_fixed(client, programme, django_assert_max_num_queries):
    town = MunicipalityFactory(name="Borna")
    token, _url = start_draft(client)
    fill_all(client, token, town)
    for _line in range(5):
        client.post(
            page(token, "kosten"), costs(**{"kosten-2-category": "rent", "kosten-2-amount": "1"})
        )
    for slug in ["", "kosten/", "pruefen/"]:
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/de/mikroprojekte/antrag/{token}/{slug}")
        assert len(queries) <= 12, (slug, [q["sql"] for q in queries])


def test_an_empty_cost_page_names_every_problem_at_once(client, draft):
    data = costs(
        is_language_course=None,
        **{
            "kosten-0-category": "",
            "kosten-0-amount": "",
            "kosten-1-category": "",
            "kosten-1-amount": "",
        },
    )
    response = client.post(page(draft, "kosten"), data)
    assert_error_page(response, "Wählen Sie „Ja“ oder „Nein“.", "mindestens eine Kostenposition")
