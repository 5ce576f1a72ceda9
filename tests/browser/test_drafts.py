"""An editor schedules a notice and shares a preview link, in a real Chromium."""

import datetime
import time

import pytest
from django.utils import timezone

from pages.models import Notice, Page
from tests.browser.test_accessibility import WCAG_AA, _axe
from tests.browser.test_admin_tabs import _log_in
from tests.pages.factories import NoticeFactory, PageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Long enough to save and look at the start page, even on a busy test machine.
LEAD_TIME = datetime.timedelta(seconds=15)


def test_editor_schedules_a_notice_that_appears_at_its_time(page, live_server, editor):
    PageFactory(key=Page.Key.HOME, title_de="Willkommen")
    _log_in(page, live_server, editor)
    page.goto("/admin/pages/notice/add/")
    page.fill("#id_title_de", "Sprachcafé ab heute")
    page.check("#id_is_published_1")
    goes_live = timezone.localtime(timezone.now() + LEAD_TIME)
    page.fill("#id_visible_from_0", goes_live.strftime("%d.%m.%Y"))
    page.fill("#id_visible_from_1", goes_live.strftime("%H:%M:%S"))
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/pages/notice/")
    assert page.locator(".messagelist .success").count() == 1
    assert Notice.objects.get().visible_from == goes_live.replace(microsecond=0)
    # The list says what will happen.
    assert "geplant ab" in page.locator("#result_list").inner_text()

    page.goto("/de/")
    assert timezone.now() < goes_live, "the machine was too slow to see the notice still waiting"
    assert "Sprachcafé ab heute" not in page.locator("main").inner_text()
    time.sleep(max((goes_live - timezone.now()).total_seconds(), 0) + 1)
    page.reload()
    assert "Sprachcafé ab heute" in page.locator("main").inner_text()


@pytest.mark.parametrize("code", ["de", "ar"])
def test_a_preview_link_shows_the_draft_to_someone_logged_out(
    browser, page, live_server, editor, code
):
    PageFactory(key=Page.Key.HOME, title_de="Willkommen")
    notice = NoticeFactory(
        title_de="Noch geheim", title_ar="لا يزال سريًا", is_published=False, is_highlighted=True
    )
    _log_in(page, live_server, editor)
    page.goto(f"/admin/pages/notice/{notice.pk}/change/")
    link = page.locator("input[name=preview_link]").input_value()
    assert link.startswith(f"{live_server.url}/de/vorschau/")

    stranger = browser.new_context(base_url=live_server.url, locale="de-DE")
    try:
        preview = stranger.new_page()
        preview.goto(link.replace("/de/", f"/{code}/", 1))
        note = preview.locator(".preview-note")
        assert note.is_visible()
        title = "Noch geheim" if code == "de" else "لا يزال سريًا"
        assert title in preview.locator("main .banner").inner_text()
        # The note sits outside the page's own landmarks.
        assert preview.locator("main .preview-note, header .preview-note").count() == 0
        results = _axe().run(preview, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        assert results.violations_count == 0, results.generate_report()
        assert stranger.cookies() == []

        preview.goto(f"/{code}/")
        assert title not in preview.locator("main").inner_text()
    finally:
        stranger.close()
