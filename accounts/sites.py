from django.contrib import admin

from .forms import AdminLoginForm
from .second_factor import has_second_factor


class EditorAdminSite(admin.AdminSite):
    """The admin; whoever set up a second factor gets in only with a session verified by it."""

    login_form = AdminLoginForm
    login_template = "accounts/login.html"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        user = request.user
        if not hasattr(request, "_second_factor_ok"):
            verified = getattr(user, "is_verified", lambda: False)()
            request._second_factor_ok = verified or not has_second_factor(user)
        return request._second_factor_ok

    def get_urls(self):
        from django.urls import path

        from . import views

        return [
            path(
                "zwei-faktor/",
                self.admin_view(views.second_factor),
                name="second_factor",
            ),
            *super().get_urls(),
        ]
