from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = _("Mikroprojekte-Anträge")
    # Not editor content: only editors with the permission "Mikroprojekte-Anträge" see it.

    def ready(self):
        from core.history import register

        from .models import Application, CostLine

        register(Application, follow=("cost_lines",))
        register(CostLine)

    def attention(self, request):
        """This app's part of „Was ansteht“ on the admin's start page (see core.attention)."""
        from .attention import attention

        return attention(request)
