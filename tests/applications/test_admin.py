"""The office's workflow in the admin: who sees applications, status changes and notices."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from applications.models import Application
from microprojects.models import FundedProject
from tests.core.test_attention import panel

from .factories import change_in_admin, fill_all, pdf_upload, start_draft, submitted

pytestmark = pytest.mark.django_db

LIST = "/admin/applications/application/"


@pytest.fixture
def office_client(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="view_applications"))
    editor.user_permissions.add(Permission.objects.get(codename="add_fundedproject"))
    client.force_login(editor)
    return client


def change(client, application, **data):
    return change_in_admin(client, application, **data)


def test_editors_without_the_permission_see_no_applications(client, editor, town):
    _token, application = submitted(client, town)
    client.force_login(editor)
    assert "Mikroprojekte-Anträge" not in client.get("/admin/").content.decode()
    assert client.get(LIST).status_code == 403
    assert client.get(f"{LIST}{application.pk}/change/").status_code == 403
    assert client.get(f"{LIST}{application.pk}/pdf/").status_code == 404


def test_the_permission_shows_submitted_applications_but_no_drafts(client, office_client, town):
    start_draft(client)
    _token, application = submitted(client, town)
    html = office_client.get(LIST).content.decode()
    assert application.reference in html
    assert html.count("Entwurf ") == 0
    assert office_client.get(f"{LIST}?status=received").status_code == 200


def test_each_status_change_is_recorded_and_mailed_to_the_applicant(client, office_client, town):
    _token, application = submitted(client, town, language="de")
    mail.outbox.clear()
    steps = [
        "pre_check",
        "changes_requested",
        "approved",
        "funds_requested",
        "proof_received",
        "closed",
    ]
    for status in steps:
        response = change(
            office_client,
            application,
            new_status=status,
            status_note=f"intern {status}",
            status_message="Bitte den Kostenplan ergänzen."
            if status == "changes_requested"
            else "",
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    assert application.status == "closed"
    assert application.closed_at is not None
    assert [m.to for m in mail.outbox] == [["amal@example.org"]] * len(steps)
    assert "Mittelabforderung" in mail.outbox[2].body
    assert "Bitte den Kostenplan ergänzen." in mail.outbox[1].body
    assert all("intern" not in m.body for m in mail.outbox)
    changes = list(application.status_changes.values_list("new_status", flat=True))
    assert changes == ["received", *steps]
    history = office_client.get(f"{LIST}{application.pk}/history/").content.decode()
    assert "intern approved" in history


def test_the_notice_is_in_the_language_the_applicant_used(client, office_client, town):
    _token, application = submitted(client, town, language="uk")
    mail.outbox.clear()
    change(office_client, application, new_status="pre_check")
    assert mail.outbox[0].to == ["amal@example.org"]
    assert "Guten Tag" not in mail.outbox[0].body


def test_a_status_out_of_order_is_refused(client, office_client, town):
    _token, application = submitted(client, town)
    response = change(office_client, application, new_status="closed")
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == "received"


def test_a_message_without_status_change_is_refused(client, office_client, town):
    _token, application = submitted(client, town)
    response = change(office_client, application, status_message="Hallo")
    assert response.status_code == 200
    assert "Statuswechsel" in response.content.decode()


def test_approved_applications_become_unpublished_funded_projects(client, office_client, town):
    _token, approved = submitted(client, town)
    _token, waiting = submitted(client, town)
    for status in ["pre_check", "approved"]:
        change(office_client, approved, new_status=status)
    response = office_client.post(
        LIST,
        {"action": "to_funded_projects", "_selected_action": [approved.pk, waiting.pk]},
        follow=True,
    )
    assert response.status_code == 200
    project = FundedProject.objects.get()
    assert project.title_de == approved.title
    assert project.municipality == town
    assert project.amount == approved.requested_amount
    assert project.is_published is False
    assert "nicht bewilligt" in response.content.decode()


def test_admin_shows_the_application_and_serves_its_pdf(client, office_client, town):
    _token, application = submitted(client, town, language="uk")
    page = office_client.get(f"{LIST}{application.pk}/change/").content.decode()
    assert "Ukrainisch" in page  # the applicant's language, by its German name
    assert "Sprachcafé im Gemeindehaus" in page
    response = office_client.get(f"{LIST}{application.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_the_admin_start_page_lists_applications_waiting_for_the_office(
    client, office_client, editor, town
):
    _token, waiting = submitted(client, town)
    _token, moved = submitted(client, town)
    change(office_client, moved, new_status="pre_check")
    sections, _all_clear = panel(office_client)
    lines = [text for _link, _href, text in sections["applications"]]
    assert len(lines) == 1
    assert waiting.reference in lines[0] and "eingegangen" in lines[0]


def test_attachments_reach_the_office_only_through_the_admin(client, office_client, editor, town):
    token, _url = start_draft(client)
    fill_all(client, token, town)
    client.post(f"/de/mikroprojekte/antrag/{token}/anlagen/", {"file": pdf_upload("plan.pdf")})
    client.post(f"/de/mikroprojekte/antrag/{token}/pruefen/")
    application = Application.objects.by_token(token)
    attachment = application.attachments.get()
    url = f"{LIST}{application.pk}/anlage/{attachment.pk}/"
    assert url in office_client.get(f"{LIST}{application.pk}/change/").content.decode()
    response = office_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    # The file itself has no public address.
    assert attachment.file.name.startswith("applications/")
    assert "plan" not in attachment.file.name
    office_client.logout()
    assert office_client.get(url).status_code == 302
