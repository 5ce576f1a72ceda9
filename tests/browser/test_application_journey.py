"""The whole online application on a 360×800 phone, in German and in Arabic, axe on every step.

Quick check → application (one error on the way) → leave → resume by the secret link → check
your answers → submit → confirmation and PDF; then the office moves the application through
its workflow in the admin and the applicant receives each notice.
"""

import io
import re

import pypdf
import pytest
from django.core import mail
from django.test import Client

from applications.models import Application
from tests.applications.factories import change_in_admin
from tests.browser.test_accessibility import WCAG_AA, _axe
from tests.microprojects.factories import FundingProgrammeFactory, MunicipalityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = {
    "de": {"name": "Amal Haddad", "title": "Sprachcafé im Gemeindehaus", "group": "Familien"},
    "ar": {"name": "أمل حداد", "title": "مقهى اللغة للعائلات", "group": "العائلات والأطفال"},
}


class Journey:
    def __init__(self, page, code, *, javascript=True):
        self.page, self.code, self.problems = page, code, {}
        # axe runs as a script in the page; without JavaScript the journey itself is the test.
        self.axe = _axe() if javascript else None

    def check(self, label):
        """One heading; axe on the page as it is now; no horizontal scrolling on the phone."""
        # A click only waits for the next page to start arriving; under load its heading may
        # not be parsed yet.
        self.page.wait_for_load_state("load")
        assert self.page.locator("h1").count() == 1, label
        if self.axe is None:
            return
        results = self.axe.run(self.page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        if results.violations_count:
            self.problems[label] = [
                (v["id"], [n["target"] for n in v["nodes"]][:3])
                for v in results.response["violations"]
            ]
        width = self.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (label, width)

    def submit(self):
        """The page's main button: the last one of the last form."""
        self.page.locator("main form").last.locator("button").last.click()
        self.page.wait_for_load_state("load")

    def task(self, slug):
        self.page.locator(f'main a[href$="/{slug}/"]').first.click()
        self.check(slug)


def _pdf_text(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _pdf_upload():
    from weasyprint import HTML

    return {
        "name": "angebot.pdf",
        "mimeType": "application/pdf",
        "buffer": HTML(string="<p>Angebot</p>").write_pdf(),
    }


@pytest.mark.parametrize(
    ("code", "javascript"),
    [("de", True), ("ar", True), ("de", False)],
    ids=["de", "ar", "de-no-js"],
)
def test_the_whole_application_on_a_phone(page, browser, live_server, editor, code, javascript):
    FundingProgrammeFactory()
    MunicipalityFactory(name="Borna")
    text = TEXT[code]
    first = page.context
    if not javascript:
        first = browser.new_context(base_url=live_server.url, java_script_enabled=False)
        page = first.new_page()
    page.set_viewport_size({"width": 360, "height": 800})
    journey = Journey(page, code, javascript=javascript)

    page.goto(f"/{code}/mikroprojekte/antrag/")
    journey.check("start")
    page.locator('main a[href$="/mikroprojekte/schnellcheck/"]').first.click()
    for question in ("volunteer", "topic"):
        journey.check(f"check-{question}")
        page.locator("#antwort-ja").check()
        page.locator("main form.quick-check button").click()
    journey.check("eligible")
    page.locator('main form[action$="/antrag/neu/"] button').click()
    journey.check("tasks")
    resume_url = page.locator(".secret-link__url a").get_attribute("href")
    assert re.search(r"/antrag/[\w-]{40,}/$", resume_url)

    journey.task("antragstellende")
    # Sent empty: the error summary, then nothing typed is lost on the second try.
    page.locator("#id_applicant_name").fill(text["name"])
    journey.submit()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_applicant_name").input_value() == text["name"]
    journey.check("applicant-error")
    page.locator("#id_street").fill("Markt 1")
    page.locator("#id_postal_code").fill("04552")
    page.locator("#id_town").fill("Borna")
    page.locator("#id_email").fill("amal@example.org")
    journey.submit()

    journey.task("kooperation")
    page.locator("#id_has_partner_1").check()
    journey.submit()

    journey.task("projekt")
    page.locator("#id_title").fill(text["title"])
    page.locator("#id_description").fill(text["title"] + " – " + text["group"])
    journey.submit()

    journey.task("zielgruppe")
    page.locator("#id_target_group").fill(text["group"])
    page.locator("#id_expected_participants").fill("20")
    journey.submit()

    # Leave and come back later by the secret link alone, in a fresh browser.
    later = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    page = later.new_page()
    page.set_viewport_size({"width": 360, "height": 800})
    journey.page = page
    page.goto(resume_url)
    assert (
        page.locator(".task-status").nth(3).inner_text()
        == page.locator(".task-status").nth(0).inner_text()
    )

    journey.task("ort")
    page.locator("#id_municipality").select_option(label="Borna")
    journey.submit()

    journey.task("zeitraum")
    page.locator("#id_starts_on").fill("01.03.2027")
    page.locator("#id_ends_on").fill("30.09.2027")
    journey.submit()

    journey.task("kosten")
    page.locator("#id_is_language_course_1").check()
    page.locator("#id_kosten-0-category").select_option("material")
    page.locator("#id_kosten-0-amount").fill("6000")
    journey.submit()
    assert page.locator(".error-summary").is_visible()
    journey.check("costs-error")
    assert page.locator("#id_kosten-0-amount").input_value() == "6000"
    page.locator("#id_kosten-0-amount").fill("600")
    page.locator("#id_kosten-1-category").select_option("catering")
    page.locator("#id_kosten-1-amount").fill("400,50")
    page.locator("main button[name=berechnen]").click()
    journey.check("costs-sums")
    journey.submit()

    journey.task("anlagen")
    page.locator("#id_file").set_input_files(_pdf_upload())
    page.locator("main form").first.locator("button").last.click()
    journey.check("attachments-uploaded")
    journey.submit()

    journey.task("einwilligung")
    page.locator("#id_consent").check()
    journey.submit()

    page.locator('main a[href$="/pruefen/"]').click()
    journey.check("check-answers")
    assert text["title"] in page.locator("main").inner_text()
    journey.submit()
    journey.check("confirmation")
    assert not page.context.cookies()
    reference = page.locator(".panel__reference").inner_text()
    assert re.fullmatch(r"MP-\d{4}-\d{4}", reference)

    pdf = page.request.get(page.locator('main a[href$="/antrag.pdf"]').get_attribute("href"))
    assert pdf.ok
    pdf_text = _pdf_text(pdf.body())
    assert text["title"] in pdf_text and reference in pdf_text

    assert journey.problems == {}
    to_applicant = [m for m in mail.outbox if m.to == ["amal@example.org"]]
    to_office = [m for m in mail.outbox if m.to == ["mikroprojekte-kfi@lk-l.de"]]
    assert resume_url in to_applicant[0].body
    assert reference in to_applicant[-1].subject
    assert ("Guten Tag" in to_applicant[-1].body) == (code == "de")
    assert to_office[0].subject.startswith(f"Neuer Antrag {reference}")
    assert text["title"] in _pdf_text(to_office[0].attachments[0][1])

    # The office: the next status, each time a notice to the applicant in their language.
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="view_applications"))
    office = Client()
    office.force_login(editor)
    application = Application.objects.get(reference=reference)
    mail.outbox.clear()
    for status in ("pre_check", "approved", "funds_requested", "proof_received", "closed"):
        response = change_in_admin(office, application, new_status=status, status_note="geprüft")
        assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["amal@example.org"]] * 5
    assert all(reference in m.subject for m in mail.outbox)
    later.close()
    if not javascript:
        first.close()
