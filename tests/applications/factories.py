"""Helpers that walk the public application flow, as an applicant would."""

import re

from applications.models import Application

START = "/de/mikroprojekte/antrag/neu/"
VALID = {
    "antragstellende": {
        "applicant_name": "Amal Haddad",
        "applicant_organisation": "Sprachcafé Borna",
        "street": "Markt 1",
        "postal_code": "04552",
        "town": "Borna",
        "email": "amal@example.org",
        "phone": "0151 2345678",
    },
    "kooperation": {"has_partner": "nein"},
    "projekt": {
        "title": "Sprachcafé im Gemeindehaus",
        "description": "Wir treffen uns jede Woche.",
    },
    "zielgruppe": {"target_group": "Familien", "expected_participants": "20"},
    "zeitraum": {"starts_on": "01.03.2027", "ends_on": "30.09.2027"},
    "kosten": {
        "is_language_course": "nein",
        "own_contribution": "100",
        "other_funding": "0",
        "kosten-TOTAL_FORMS": "3",
        "kosten-INITIAL_FORMS": "0",
        "kosten-MIN_NUM_FORMS": "0",
        "kosten-MAX_NUM_FORMS": "1000",
        "kosten-0-category": "material",
        "kosten-0-description": "Bücher",
        "kosten-0-amount": "600,00",
        "kosten-1-category": "catering",
        "kosten-1-amount": "500",
    },
    "einwilligung": {"consent": "on"},
}


# The management data of the application's read-only inlines, as the admin's form posts it.
ADMIN_INLINES = {
    f"{prefix}-{field}": "0"
    for prefix in ("cost_lines", "attachments", "status_changes", "mails")
    for field in ("TOTAL_FORMS", "INITIAL_FORMS")
}


def change_in_admin(client, application, *, follow=False, **data):
    """The office saves the application's admin form, e.g. with `new_status`."""
    return client.post(
        f"/admin/applications/application/{application.pk}/change/",
        {"internal_notes": "", **ADMIN_INLINES, **data},
        follow=follow,
    )


def start_draft(client, *, language="de", answers=None):
    """A new draft through the quick check's button; returns (token, tasks URL)."""
    answers = answers or {"ehrenamtlich": "ja", "thema": "ja"}
    response = client.post(f"/{language}/mikroprojekte/antrag/neu/", answers)
    assert response.status_code == 302, response
    url = response["Location"]
    token = re.search(r"/antrag/([\w-]+)/$", url).group(1)
    return token, url


def fill_all(client, token, municipality, *, language="de", overrides=None):
    """Every required page answered with valid data."""
    overrides = overrides or {}
    base = f"/{language}/mikroprojekte/antrag/{token}"
    for slug, data in VALID.items():
        data = {**data, **overrides.get(slug, {})}
        response = client.post(f"{base}/{slug}/", data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    response = client.post(f"{base}/ort/", {"municipality": municipality.pk})
    assert response.status_code == 302


def submitted(client, municipality, **kwargs):
    token, _url = start_draft(client, language=kwargs.get("language", "de"))
    fill_all(client, token, municipality, **kwargs)
    language = kwargs.get("language", "de")
    response = client.post(f"/{language}/mikroprojekte/antrag/{token}/pruefen/")
    assert response.status_code == 302, response.content.decode()[:2000]
    return token, Application.objects.by_token(token)


def pdf_upload(name="angebot.pdf"):
    """A small real PDF, as an applicant would attach."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from weasyprint import HTML

    return SimpleUploadedFile(name, HTML(string="<p>Angebot</p>").write_pdf(), "application/pdf")
