"""„Als geprüft markieren“: pages and the programme, from the list and from the change page."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.utils import timezone
from django.utils.formats import date_format

from microprojects.models import FundingProgramme
from pages.models import Page
from tests.microprojects.factories import FundingProgrammeFactory
from tests.microprojects.test_admin import form_data
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db
PAGES = "/admin/pages/page/"
PROGRAMMES = "/admin/microprojects/fundingprogramme/"


def change_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def test_list_action_marks_the_chosen_pages_checked_today_and_leaves_others(editor_client):
    long_ago = datetime.date(2024, 5, 1)
    imprint = PageFactory(key=Page.Key.IMPRINT, last_checked=None)
    privacy = PageFactory(key=Page.Key.PRIVACY, last_checked=long_ago)
    untouched = PageFactory(key=Page.Key.HOME, last_checked=long_ago)
    changed_before = Page.objects.get(pk=imprint.pk).updated_at
    response = editor_client.post(
        PAGES,
        {"action": "mark_checked", "_selected_action": [imprint.pk, privacy.pk]},
        follow=True,
    )
    today = timezone.localdate()
    assert response.status_code == 200
    assert (
        f"2 Seiten als geprüft markiert, Stand: {date_format(today, 'DATE_FORMAT')}."
        in response.content.decode()
    )
    assert Page.objects.get(pk=imprint.pk).last_checked == today
    assert Page.objects.get(pk=privacy.pk).last_checked == today
    assert Page.objects.get(pk=untouched.pk).last_checked == long_ago
    # Checking is not editing: „zuletzt geändert“ stays.
    assert Page.objects.get(pk=imprint.pk).updated_at == changed_before
    assert LogEntry.objects.filter(object_id=str(imprint.pk)).count() == 1


def test_the_action_is_offered_in_german_on_both_lists(editor_client):
    PageFactory()
    FundingProgrammeFactory()
    for url in (PAGES, PROGRAMMES):
        content = editor_client.get(url).content.decode()
        assert '<option value="mark_checked">Als geprüft markieren</option>' in content, url


def test_the_programme_list_action_marks_it_checked(editor_client):
    programme = FundingProgrammeFactory(last_checked=None)
    editor_client.post(PROGRAMMES, {"action": "mark_checked", "_selected_action": [programme.pk]})
    assert FundingProgramme.objects.get(pk=programme.pk).last_checked == timezone.localdate()


@pytest.mark.parametrize("factory", [PageFactory, FundingProgrammeFactory])
def test_change_page_shows_last_checked_and_the_button(editor_client, factory):
    obj = factory(last_checked=datetime.date(2025, 2, 3))
    content = " ".join(editor_client.get(change_url(obj)).content.decode().split())
    assert 'name="last_checked"' in content
    assert 'value="03.02.2025"' in content
    assert 'value="Sichern und als geprüft markieren" name="_mark_checked"' in content


@pytest.mark.parametrize("factory", [PageFactory, FundingProgrammeFactory])
def test_the_button_saves_the_edit_and_sets_today(editor_client, factory):
    obj = factory(last_checked=datetime.date(2025, 2, 3))
    url = change_url(obj)
    data = form_data(editor_client.get(url).content, f"{obj._meta.model_name}_form")
    data["title_de"] = ["Neue Überschrift"]
    data["_mark_checked"] = ["Sichern und als geprüft markieren"]
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == url
    obj.refresh_from_db()
    assert obj.last_checked == timezone.localdate()
    assert obj.title_de == "Neue Überschrift"
    shown = editor_client.get(url).content.decode()
    assert "ist gespeichert und als geprüft markiert, Stand:" in shown


def test_plain_save_keeps_the_date_the_editor_typed(editor_client):
    page = PageFactory(last_checked=None)
    data = form_data(editor_client.get(change_url(page)).content, "page_form")
    data["last_checked"] = ["01.10.2026"]
    editor_client.post(change_url(page), data)
    page.refresh_from_db()
    assert page.last_checked == datetime.date(2026, 10, 1)


def test_who_may_only_look_gets_neither_button_nor_action(client, django_user_model):
    user = django_user_model.objects.create_user("lesend", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_page"))
    client.force_login(user)
    page = PageFactory(last_checked=None)
    assert "_mark_checked" not in client.get(change_url(page)).content.decode()
    assert "mark_checked" not in client.get(PAGES).content.decode()
    client.post(PAGES, {"action": "mark_checked", "_selected_action": [page.pk]})
    assert Page.objects.get(pk=page.pk).last_checked is None
