"""The application as PDF: laid out like the form, Arabic text readable in logical order."""

import io

import pypdf
import pytest

from .factories import start_draft, submitted

pytestmark = pytest.mark.django_db

ARABIC_TITLE = "مقهى اللغة للعائلات"
FARSI_GROUP = "خانواده‌ها و کودکان"


def pdf_text(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    # Line breaks fall where the layout puts them; words and their order are what count.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_pdf_download_holds_the_applicants_arabic_text_in_logical_order(client, town):
    overrides = {
        "projekt": {"title": ARABIC_TITLE, "description": "وصف المشروع"},
        "zielgruppe": {"target_group": FARSI_GROUP, "expected_participants": "12"},
    }
    token, application = submitted(client, town, language="ar", overrides=overrides)
    response = client.get(f"/ar/mikroprojekte/antrag/{token}/antrag.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert ARABIC_TITLE in text
    assert "Antrag auf Förderung eines Mikroprojekts" in text
    assert application.reference in text
    assert "1.000,00 €" in text
    assert "Sprache der Antragstellenden Arabisch" in text


def test_the_office_mail_carries_the_same_pdf(client, town, mailoutbox):
    _token, application = submitted(client, town)
    office = next(m for m in mailoutbox if m.to == ["mikroprojekte-kfi@lk-l.de"])
    name, content, kind = office.attachments[0]
    assert name == f"{application.reference}.pdf"
    assert "Sprachcafé im Gemeindehaus" in pdf_text(content)


def test_a_draft_has_no_pdf_yet(client, town):
    token, _url = start_draft(client)
    assert client.get(f"/de/mikroprojekte/antrag/{token}/antrag.pdf").status_code == 404
