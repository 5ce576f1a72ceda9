"""The editors' group: exactly the permissions the office's editors need."""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

EDITOR_GROUP = "Redaktion"

# Content apps whose models editors maintain in full.
EDITOR_APPS = ("integration_site", "contacts", "documents", "microprojects")


def editor_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label__in=EDITOR_APPS)


def sync_editor_group(sender=None, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """Create or update the group after every migrate, so new models reach editors too."""
    if sender is not None and sender.label not in EDITOR_APPS:
        return
    from django.contrib.auth.models import Group

    group, _created = Group.objects.using(using).get_or_create(name=EDITOR_GROUP)
    group.permissions.set(editor_permissions().using(using))
