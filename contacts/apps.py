from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Ansprechpersonen")
    # Editors maintain this app's content in full (see core.editors).
    editor_content = True

    def ready(self):
        from core.history import register

        from .models import (
            AlternativeName,
            Locality,
            Municipality,
            Office,
            OtherAuthority,
            Person,
            ResponsibilityOverview,
            Task,
            Team,
        )

        # Registered after modeltranslation has added the language columns, so every
        # stored state holds every language.
        register(Team, follow=("tasks",))
        register(Task)
        register(Office)
        register(Locality)
        register(AlternativeName)
        register(Municipality, follow=("localities", "alternative_names"))
        register(OtherAuthority)
        register(Person)
        register(ResponsibilityOverview)

    def attention(self, request):
        """This app's part of „Was ansteht“ on the admin's start page (see core.attention)."""
        from .attention import attention

        return attention(request)
