"""Editors read their admin in German: no English Django string and no "object (N)" on any page.

The browser asks for English first, as some editors' browsers do; the text is read after
the admin's JavaScript has built its widgets (the town picker, the date shortcuts).
"""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from reversion.models import Version

from contacts.models import Person
from tests.browser.test_admin_tabs import _log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Only what cannot be German: "Filter" or "Name" are the same word in both languages.
ENGLISH = [
    "Choose all",
    "Choose selected",
    "Remove all",
    "Remove selected",
    "by selecting them",
    "click to clear",
    "Save and add another",
    "Save and continue editing",
    "Save as new",
    "Delete",
    "History",
    "Add",
    "Change",
    "Select",
    "Search",
    "Available",
    "Chosen",
    "Today",
    "Now",
    "Yesterday",
    "Tomorrow",
    "Show",
    "Hide",
    "Clear",
    "Cancel",
    "Choose a time",
    "Midnight",
    "Noon",
    "View site",
    "Log out",
    "Welcome",
    "Are you sure",
    "relationship",
    "Home",
]
# Whole words only, so "Filter" in "Filtern" or "Add" in "Addition" stay unnoticed.
ENGLISH_PATTERN = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ENGLISH)) + r")(?!\w)")
TECHNICAL_PATTERN = re.compile(r"\bobject \(\d*")


def editor_pages(editor):
    request = RequestFactory().get("/admin/")
    request.user = editor
    urls = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_permission(request):
            continue
        info = model._meta.app_label, model._meta.model_name
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        if model_admin.has_add_permission(request):
            urls.append(reverse("admin:{}_{}_add".format(*info)))
        obj = model_admin.get_queryset(request).first()
        if obj is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
        if hasattr(model_admin, "has_recover_permission") and model_admin.has_recover_permission(
            request
        ):
            urls.append(reverse("admin:{}_{}_recoverlist".format(*info)))
    person = Person.objects.filter(municipalities__isnull=False).first()
    # The demo content is one revision; a deleted person gives the recover pages something.
    version = Version.objects.get_for_object(person).first()
    deleted = Person.objects.exclude(pk=person.pk).first()
    deleted.delete()
    deleted_version = Version.objects.get_deleted(Person).first()
    urls += [
        reverse("admin:contacts_person_delete", args=[person.pk]),
        reverse("admin:contacts_person_history", args=[person.pk]),
        reverse("admin:contacts_person_version", args=[person.pk, version.pk]),
        reverse("admin:contacts_person_restore", args=[person.pk, version.pk]),
        reverse("admin:contacts_person_recover", args=[deleted_version.pk]),
    ]
    return urls


def test_every_admin_page_an_editor_sees_is_german(browser, live_server, editor, demo_content):
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    _log_in(page, live_server, editor)
    urls = editor_pages(editor)
    assert len(urls) > 20
    found = {}
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.locator("#content").count() == 1, url
        text = page.evaluate("document.body.innerText")
        hits = ENGLISH_PATTERN.findall(text) + TECHNICAL_PATTERN.findall(text)
        if hits:
            found[url] = sorted(set(hits))
    context.close()
    assert found == {}
