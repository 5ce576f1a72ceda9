"""Every admin page an editor works with opens, in German, for a member of the Redaktion group."""

from django.contrib import admin
from django.urls import reverse

from core.editors import editor_app_labels


def content_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in editor_app_labels()
    ]


def test_editor_opens_every_list_add_and_change_page(editor_client, demo_content):
    broken = []
    for model, _model_admin in content_admins():
        info = model._meta.app_label, model._meta.model_name
        urls = [
            reverse("admin:{}_{}_changelist".format(*info)),
            reverse("admin:{}_{}_add".format(*info)),
        ]
        obj = model._default_manager.first()
        if obj is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
        for url in urls:
            response = editor_client.get(url)
            # Some content is added only in one place (e.g. the fixed pages): 403 there.
            refused_add = response.status_code == 403 and url.endswith("/add/")
            if response.status_code != 200 and not refused_add:
                broken.append((url, response.status_code))
    assert broken == []


def test_change_pages_of_translated_content_show_the_translation_status(
    editor_client, demo_content
):
    from translations.status import tracked_models

    missing = []
    for model in tracked_models():
        if model not in admin.site._registry:
            continue  # edited as an inline of another page
        obj = model._default_manager.first()
        if obj is None:
            continue
        url = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk]
        )
        if "Stand der Übersetzungen" not in editor_client.get(url).content.decode():
            missing.append(url)
    assert missing == []
