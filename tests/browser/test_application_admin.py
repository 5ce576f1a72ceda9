"""The office's application pages: German, and axe finds nothing (editors with the permission)."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from tests.applications.factories import change_in_admin, submitted
from tests.browser.test_admin_accessibility import WCAG_AA
from tests.browser.test_admin_german import ENGLISH_PATTERN, TECHNICAL_PATTERN
from tests.browser.test_admin_tabs import _log_in
from tests.microprojects.factories import FundingProgrammeFactory, MunicipalityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_application_admin_is_german_and_accessible(browser, live_server, editor):
    from axe_playwright_python.sync_playwright import Axe

    FundingProgrammeFactory()
    _token, application = submitted(Client(), MunicipalityFactory(name="Borna"), language="ar")
    editor.user_permissions.add(Permission.objects.get(codename="view_applications"))
    office = Client()
    office.force_login(editor)
    base = "/admin/applications/application/"
    response = change_in_admin(
        office, application, new_status="pre_check", status_note="Unterlagen vollständig"
    )
    assert response.status_code == 302
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    _log_in(page, live_server, editor)
    axe, problems, english = Axe(), {}, {}
    for path in [
        "/admin/",
        base,
        f"{base}?status=pre_check",
        f"{base}{application.pk}/change/",
        f"{base}{application.pk}/history/",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        if results.violations_count:
            problems[path] = [(v["id"], len(v["nodes"])) for v in results.response["violations"]]
        text = page.evaluate("document.body.innerText")
        hits = ENGLISH_PATTERN.findall(text) + TECHNICAL_PATTERN.findall(text)
        if hits:
            english[path] = sorted(set(hits))
    context.close()
    assert problems == {}
    assert english == {}
