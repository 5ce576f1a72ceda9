from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MicroprojectsConfig(AppConfig):
    name = "microprojects"
    verbose_name = _("Mikroprojekte")
    # Editors maintain this app's content in full (see core.editors).
    editor_content = True

    def ready(self):
        from core.history import register

        from .models import FundedProject, FundingProgramme, Step, StepDocument

        # Registered after modeltranslation has added the language columns, so every
        # stored state holds every language.
        register(FundingProgramme, follow=("steps",))
        register(Step, follow=("step_documents",))
        register(StepDocument)
        register(FundedProject)

    def attention(self, request):
        """This app's part of „Was ansteht“ on the admin's start page (see core.attention)."""
        from .attention import attention

        return attention(request)
