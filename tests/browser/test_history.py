"""An editor undoes a change through the admin's history in a real browser."""

import pytest

from contacts.models import Person
from tests.browser.test_admin_tabs import _log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_restores_an_earlier_state_of_a_person(page, live_server, editor, demo_content):
    person = Person.objects.filter(is_published=True).exclude(room="").first()
    old_room = person.room
    _log_in(page, live_server, editor)
    page.goto(f"/admin/contacts/person/{person.pk}/change/")
    page.locator("#id_room").fill("9.99")
    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    page.goto(f"/de/ansprechpersonen/{person.slug}/")
    assert "9.99" in page.locator("main").inner_text()

    page.goto(f"/admin/contacts/person/{person.pk}/change/")
    with page.expect_navigation():
        page.get_by_role("link", name="Verlauf").click()
    # Newest first: the second row is the state before the edit.
    with page.expect_navigation():
        page.locator("#change-history tbody tr").nth(1).get_by_role("link").click()
    # The version page shows changes too: wait for the restore page before reading them.
    with page.expect_navigation():
        page.get_by_role("link", name="Diesen Stand wiederherstellen").click()
    changes = page.locator(".history-changes").inner_text()
    assert "Raum" in changes and "9.99" in changes and old_room in changes
    with page.expect_navigation():
        page.get_by_role("button", name="Diesen Stand wiederherstellen").click()
    assert "wiederhergestellt" in page.locator(".messagelist").inner_text()

    page.goto(f"/de/ansprechpersonen/{person.slug}/")
    text = page.locator("main").inner_text()
    assert old_room in text and "9.99" not in text
    page.goto(f"/admin/contacts/person/{person.pk}/history/")
    assert page.locator("#change-history tbody tr").count() == 3
    assert "wiederhergestellt" in page.locator("#change-history tbody tr").first.inner_text()
    assert page.foreign_requests == []
