import contextlib

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from . import checks  # noqa: F401 - registers the language checks
        from .editors import sync_editor_group
        from .pagecache import connect_signals
        from .through import name_link_tables
        from .uploads import remove_stale_temporary_uploads

        post_migrate.connect(sync_editor_group, dispatch_uid="sync_editor_group")
        name_link_tables()
        connect_signals()
        # Creates the directory and clears what workers killed before a restart left; one
        # that cannot be created is named by Django's deploy check.
        with contextlib.suppress(OSError):
            remove_stale_temporary_uploads()
