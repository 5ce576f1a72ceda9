"""History pages of the admin: who changed what when, the differences, restore and recover.

Saves, list edits and deletions in the admin each record a revision with the editor and
Django's German change message. Whoever may change an object may restore an earlier state
of it; whoever may add and change objects of a kind may recover a deleted one.
"""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core import checks
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import history
from .admin_base import LabelledInputsAdmin


class HistoryAdmin(LabelledInputsAdmin):
    """Model admin whose objects keep their history (see core.history)."""

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if not history.is_registered(self.model):
            errors.append(
                checks.Error(
                    f"{self.model.__name__} has a history admin but no history: "
                    "call core.history.register() in its app's ready().",
                    obj=self.__class__,
                    id="core.E101",
                )
            )
        return errors

    def _revision(self, request):
        return history.revision(user=request.user)

    def add_view(self, request, form_url="", extra_context=None):
        with self._revision(request):
            return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        with self._revision(request):
            return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        context = {"recover_url": self._recover_list_url(request), **(extra_context or {})}
        if request.method == "POST" and "_save" in request.POST:
            # Edits in the list; actions (deleting) record their own revision.
            with self._revision(request):
                return super().changelist_view(request, context)
        return super().changelist_view(request, context)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._comment(entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._comment(entry)
        return entry

    def _comment(self, entry):
        if reversion.is_active():
            reversion.set_comment(entry.get_change_message())

    def log_deletions(self, request, queryset):
        # Stored while the objects still exist, so the recover list has their last state.
        with history.revision(_("Gelöscht"), user=request.user):
            for obj in queryset:
                reversion.add_to_revision(obj)
        return super().log_deletions(request, queryset)

    # Permissions ---------------------------------------------------------------------

    def has_restore_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_recover_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    # URLs ----------------------------------------------------------------------------

    def _url_name(self, view):
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_{view}"

    def _url(self, view, *args):
        return reverse(f"{self.admin_site.name}:{self._url_name(view)}", args=args)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/<int:version_id>/",
                wrap(self.version_view),
                name=self._url_name("version"),
            ),
            path(
                "<path:object_id>/history/<int:version_id>/wiederherstellen/",
                wrap(self.restore_view),
                name=self._url_name("restore"),
            ),
            path("geloescht/", wrap(self.recover_list_view), name=self._url_name("recoverlist")),
            path(
                "geloescht/<int:version_id>/",
                wrap(self.recover_view),
                name=self._url_name("recover"),
            ),
            *super().get_urls(),
        ]

    def _recover_list_url(self, request):
        return self._url("recoverlist") if self.has_recover_permission(request) else None

    # Views ---------------------------------------------------------------------------

    def _render(self, request, template, obj, **context):
        opts = self.model._meta
        return TemplateResponse(
            request,
            f"admin/history/{template}",
            {
                **self.admin_site.each_context(request),
                "opts": opts,
                "app_label": opts.app_label,
                "original": obj,
                "kind_plural": capfirst(opts.verbose_name_plural),
                "changelist_url": self._url("changelist"),
                "change_url": obj is not None and self._url("change", quote(obj.pk)),
                "history_url": obj is not None and self._url("history", quote(obj.pk)),
                **context,
            },
        )

    def _object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("Diesen Eintrag gibt es nicht (mehr)."))
        return obj

    def _version(self, obj, version_id):
        version = history.version_of(self.model, obj.pk, version_id)
        if version is None:
            raise Http404(_("Diesen Stand gibt es nicht."))
        return version

    def history_view(self, request, object_id, extra_context=None):
        obj = self._object(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        rows = [
            {
                "date": history.revision_date(version.revision),
                "user": history.revision_user(version.revision),
                "comment": version.revision.get_comment(),
                "url": self._url("version", quote(obj.pk), version.pk),
            }
            for version in history.versions_of(obj)
        ]
        return self._render(
            request,
            "object_history.html",
            obj,
            title=_("Verlauf: %(name)s") % {"name": obj},
            rows=rows,
        )

    def version_view(self, request, object_id, version_id):
        obj = self._object(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        version = self._version(obj, version_id)
        previous = history.previous_version(version)
        changes = history.compare(
            history.stored_states(previous) if previous else [], history.stored_states(version)
        )
        date = history.revision_date(version.revision)
        return self._render(
            request,
            "version.html",
            obj,
            title=_("Stand vom %(date)s") % {"date": date},
            version=version,
            user=history.revision_user(version.revision),
            comment=version.revision.get_comment(),
            is_first=previous is None,
            changes=changes,
            restore_url=self.has_restore_permission(request, obj)
            and self._url("restore", quote(obj.pk), version.pk),
        )

    def restore_view(self, request, object_id, version_id):
        obj = self._object(request, object_id)
        if not self.has_restore_permission(request, obj):
            raise PermissionDenied
        version = self._version(obj, version_id)
        date = history.revision_date(version.revision)
        if request.method == "POST":
            comment = _("Stand vom %(date)s wiederhergestellt") % {"date": date}
            return self._restore(
                request, version, comment, failure_url=self._url("history", quote(obj.pk))
            )
        changes = history.compare(history.current_states(obj), history.stored_states(version))
        return self._render(
            request,
            "restore.html",
            obj,
            title=_("Stand vom %(date)s wiederherstellen") % {"date": date},
            date=date,
            changes=changes,
            version_url=self._url("version", quote(obj.pk), version.pk),
        )

    def recover_list_view(self, request):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        rows = [
            {
                "name": version.object_repr,
                "date": history.revision_date(version.revision),
                "user": history.revision_user(version.revision),
                "url": self._url("recover", version.pk),
            }
            for version in history.deleted_versions(self.model)
        ]
        return self._render(
            request,
            "recover_list.html",
            None,
            title=_("Gelöschte %(kind)s wiederherstellen")
            % {"kind": self.model._meta.verbose_name_plural},
            rows=rows,
        )

    def recover_view(self, request, version_id):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        version = history.deleted_versions(self.model).filter(pk=version_id).first()
        if version is None:
            raise Http404(_("Diesen gelöschten Eintrag gibt es nicht (mehr)."))
        date = history.revision_date(version.revision)
        if request.method == "POST":
            comment = _("Gelöschten Eintrag wiederhergestellt (Stand vom %(date)s)") % {
                "date": date
            }
            return self._restore(request, version, comment, failure_url=self._url("recoverlist"))
        return self._render(
            request,
            "recover.html",
            None,
            title=_("„%(name)s“ wiederherstellen") % {"name": version.object_repr},
            date=date,
            changes=history.compare([], history.stored_states(version)),
            recover_list_url=self._url("recoverlist"),
        )

    def _restore(self, request, version, comment, *, failure_url):
        try:
            obj = history.restore(version, user=request.user, comment=comment)
        except history.RestoreError as error:
            messages.error(
                request,
                _("Der Stand wurde nicht wiederhergestellt: %(reason)s") % {"reason": error},
            )
            return redirect(failure_url)
        messages.success(request, comment)
        return redirect(self._url("change", quote(obj.pk)))
