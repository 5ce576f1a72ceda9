"""The editors' admin in a real Chromium: axe-core finds nothing on the pages they work in.

Editors work in the admin every day; BITV applies to the office's own tools as well.
"""

from pprint import pformat

import pytest
from django.conf import settings
from django.test import Client

from contacts.models import Person
from documents.models import Document
from microprojects.models import FundingProgramme
from pages.models import Notice, Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _log_in(page, live_server, editor):
    client = Client()
    client.force_login(editor)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def _paths():
    person = Person.objects.order_by("pk").first()
    programme = FundingProgramme.objects.get()
    return [
        "/admin/",
        f"/admin/pages/page/{Page.objects.get(key=Page.Key.IMPRINT).pk}/change/",
        "/admin/pages/notice/add/",
        f"/admin/pages/notice/{Notice.objects.order_by('pk').first().pk}/change/",
        "/admin/pages/notice/",
        f"/admin/contacts/person/{person.pk}/change/",
        f"/admin/contacts/person/{person.pk}/history/",
        f"/admin/documents/document/{Document.objects.order_by('pk').first().pk}/change/",
        f"/admin/microprojects/fundingprogramme/{programme.pk}/change/",
    ]


def test_the_pages_editors_work_in_have_no_axe_violations(page, live_server, editor, demo_content):
    from axe_playwright_python.sync_playwright import Axe

    _log_in(page, live_server, editor)
    axe = Axe()
    problems = {}
    for path in _paths():
        response = page.goto(path)
        assert response.status == 200, path
        # The rich-text editor builds its toolbar and editing area after loading.
        page.wait_for_load_state("networkidle")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        if results.violations_count:
            problems[path] = [(v["id"], len(v["nodes"])) for v in results.response["violations"]]
    assert problems == {}, pformat(problems)
    assert page.foreign_requests == []
