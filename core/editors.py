"""The editors' group: exactly the permissions the office's editors need.

An app whose content editors maintain says so with `editor_content = True` on its
AppConfig; this module names no app.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

EDITOR_GROUP = "Redaktion"


def editor_app_labels():
    return [
        config.label
        for config in global_apps.get_app_configs()
        if getattr(config, "editor_content", False)
    ]


def editor_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label__in=editor_app_labels())


def sync_editor_group(sender=None, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """Create or update the group after every migrate, so new models reach editors too."""
    if sender is not None and not getattr(sender, "editor_content", False):
        return
    from django.contrib.auth.models import Group

    group, _created = Group.objects.using(using).get_or_create(name=EDITOR_GROUP)
    group.permissions.set(editor_permissions().using(using))
