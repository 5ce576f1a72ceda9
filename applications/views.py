"""The online application: start, one topic per page, check your answers, confirmation.

The applicant has no account and gets no cookie. The secret token in the address is the
key to the draft; it also stands in for Django's CSRF cookie on these pages: a forged form
would have to name the token, and whoever knows it can change the draft anyway. The page
cache leaves these addresses alone (core.pagecache), the responses are `private, no-store`
and send no Referer, so the token is kept neither by a cache nor by another site.
"""

import functools

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.addresses import client_address
from core.languages import current_language
from microprojects import eligibility
from microprojects import selectors as programme_selectors
from microprojects.models import FundingProgramme
from translations.fallback import breadcrumb

from . import mail, pdf, services
from .forms import (
    ApplicantForm,
    AttachmentForm,
    ConsentForm,
    CostLineFormSet,
    CostsForm,
    HoneypotForm,
    MunicipalityForm,
    PartnerForm,
    PeriodForm,
    ProjectForm,
    TargetGroupForm,
)
from .models import Application, Attachment, OutgoingMail, hash_token
from .tasks import task_by_slug, task_states


def _private(response):
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private_page(view):
    """Never cached, never indexed, no Referer: these pages carry the secret token."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return _private(view(request, *args, **kwargs))

    return csrf_exempt(wrapper)


def application_page(view):
    """Looks the draft up by the token in the address: unknown or expired is a 404."""

    @private_page
    @functools.wraps(view)
    def wrapper(request, token, *args, **kwargs):
        application = (
            Application.objects.select_related("programme", "municipality")
            .filter(token_hash=hash_token(token))
            .first()
        )
        if application is None or (
            application.is_draft and application.expires_at < timezone.now()
        ):
            raise Http404("No application with this token.")
        request.application_token = token
        return view(request, application, *args, **kwargs)

    return wrapper


def _programme():
    return FundingProgramme.objects.published().first()


def _breadcrumbs(programme, label):
    return [
        breadcrumb(programme, url=reverse("microprojects:index")),
        {"label": label},
    ]


def _too_many(request):
    """Counts a new draft or a submission from this address; True once over the hourly limit."""
    key = f"applications:rate:{client_address(request)}:{timezone.now():%Y%m%d%H}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > settings.APPLICATION_RATE_LIMIT


def _refused(request, programme, *, status):
    return render(
        request,
        "applications/refused.html",
        {"programme": programme, "breadcrumbs": _breadcrumbs(programme, _("Antrag"))},
        status=status,
    )


@require_safe
def start(request):
    programme = _programme()
    if programme is None:
        raise Http404("No programme.")
    context = {
        "programme": programme,
        "breadcrumbs": _breadcrumbs(programme, _("Online-Antrag")),
        "draft_days": settings.APPLICATION_DRAFT_AGE.days,
    }
    if not programme.is_open:
        context["steps"] = programme_selectors.programme_steps(
            programme, language=current_language()
        )
    return render(request, "applications/start.html", context)


@private_page
@require_POST
def new(request):
    """A new draft for someone the quick check found eligible; the answers come along."""
    programme = _programme()
    if programme is None or not programme.is_open:
        return redirect("applications:start")
    honeypot = HoneypotForm(request.POST)
    if honeypot.is_bot() or _too_many(request):
        return _refused(request, programme, status=429)
    check = eligibility.evaluate(request.POST, asks_topic=bool(programme.funded_areas))
    if check.outcome != eligibility.ELIGIBLE:
        return redirect("microprojects:eligibility_check")
    kind = (
        Application.ApplicantKind.PERSON
        if check.answers.get(eligibility.VOLUNTEER) == eligibility.YES
        else Application.ApplicantKind.ORGANISATION
    )
    _application, token = Application.start(
        programme=programme, applicant_kind=kind, language=current_language()
    )
    return redirect("applications:tasks", token=token)


def _task_list_context(request, application):
    states = task_states(application)
    return {
        "application": application,
        "programme": application.programme,
        "tasks": states,
        "ready": all(state.done or state.task.optional for state in states),
        "resume_url": request.build_absolute_uri(
            reverse("applications:tasks", args=[request.application_token])
        ),
        "breadcrumbs": _breadcrumbs(application.programme, _("Ihr Antrag")),
    }


@application_page
@require_safe
def tasks(request, application):
    if not application.is_draft:
        return redirect("applications:confirmation", token=request.application_token)
    return render(request, "applications/tasks.html", _task_list_context(request, application))


FORMS = {
    "applicant": ApplicantForm,
    "partner": PartnerForm,
    "project": ProjectForm,
    "target_group": TargetGroupForm,
    "municipality": MunicipalityForm,
    "period": PeriodForm,
}


def _mark_done(application, key):
    if key not in application.completed_tasks:
        application.completed_tasks = [*application.completed_tasks, key]


def _after_save(request, application):
    """Back to the task list, or on to check the answers when the applicant came from there."""
    token = request.application_token
    if request.POST.get("zurueck") == "pruefen":
        return redirect("applications:check", token=token)
    return redirect("applications:tasks", token=token)


@application_page
@require_http_methods(["GET", "HEAD", "POST"])
def task(request, application, slug):
    task = task_by_slug(slug)
    if not application.is_draft:
        return redirect("applications:confirmation", token=request.application_token)
    if task.key == "costs":
        return _costs(request, application, task)
    if task.key == "attachments":
        return _attachments(request, application, task)
    if task.key == "consent":
        return _consent(request, application, task)
    form_class = FORMS[task.key]
    # The form edits a copy: a refused page leaves the stored draft exactly as it was.
    stored = Application.objects.get(pk=application.pk)
    if request.method == "POST":
        form = form_class(request.POST, instance=application)
        if form.is_valid():
            application = form.save(commit=False)
            _mark_done(application, task.key)
            application.save()
            # A new address gets the link; so does one the relay could not reach last time.
            email = application.email
            if (
                task.key == "applicant"
                and email
                and email != application.link_mailed_to
                and mail.send_resume_link(
                    application=application, token=request.application_token, request=request
                )
            ):
                application.link_mailed_to = email
                application.save(update_fields=["link_mailed_to"])
            return _after_save(request, application)
    else:
        form = form_class(instance=application)
    return _task_page(request, stored, task, {"form": form})


def _task_page(request, application, task, extra):
    context = {
        "application": application,
        "programme": application.programme,
        "task": task,
        "token": request.application_token,
        "from_check": request.GET.get("zurueck") == "pruefen"
        or request.POST.get("zurueck") == "pruefen",
        "breadcrumbs": _breadcrumbs(application.programme, _("Ihr Antrag")),
        **extra,
    }
    return render(request, f"applications/tasks/{task.key}.html", context)


def _costs(request, application, task):
    stored = Application.objects.get(pk=application.pk)
    if request.method == "POST":
        form = CostsForm(request.POST, instance=application)
        formset = CostLineFormSet(request.POST, instance=application, prefix="kosten")
        if _plan_is_valid(form, formset, stored):
            with transaction.atomic():
                application = form.save(commit=False)
                _mark_done(application, task.key)
                application.save()
                formset.save()
            if "berechnen" in request.POST:
                return redirect(
                    reverse("applications:task", args=[request.application_token, task.slug])
                    + "#summen"
                )
            return _after_save(request, application)
    else:
        form = CostsForm(instance=application)
        formset = CostLineFormSet(instance=application, prefix="kosten")
    return _task_page(
        request,
        stored,
        task,
        {
            "form": form,
            "formset": formset,
            "lines": list(stored.cost_lines.all()),
            "limit": stored.amount_limit,
        },
    )


def _plan_is_valid(form, formset, stored):
    """Every field, at least one line and a request within the maximum; all errors at once."""
    form_ok, lines_ok = form.is_valid(), formset.is_valid()
    if not lines_ok:
        return False
    lines = [
        row.cleaned_data
        for row in formset.forms
        if row.cleaned_data
        and not row.cleaned_data.get("DELETE")
        and row.cleaned_data.get("amount")
    ]
    if not lines:
        form.add_error(None, _("Tragen Sie mindestens eine Kostenposition mit Betrag ein."))
        return False
    if not form_ok:
        return False
    total = sum(line["amount"] for line in lines)
    requested = total - form.cleaned_data["own_contribution"] - form.cleaned_data["other_funding"]
    programme = stored.programme
    limit = programme.max_amount_per_project
    if form.cleaned_data["is_language_course"] and programme.max_amount_per_language_course:
        limit = min(limit, programme.max_amount_per_language_course)
    if requested <= 0:
        form.add_error(
            None,
            _(
                "Eigenanteil und andere Förderung decken schon alle Kosten. "
                "Sie brauchen keinen Zuschuss."
            ),
        )
        return False
    if requested > limit:
        message = (
            _(
                "Sie beantragen %(requested)s €. "
                "Für einen Sprachkurs sind höchstens %(limit)s € möglich."
            )
            if form.cleaned_data["is_language_course"] and limit != programme.max_amount_per_project
            else _("Sie beantragen %(requested)s €. Je Projekt sind höchstens %(limit)s € möglich.")
        )
        form.add_error(
            None,
            message
            % {
                "requested": number_format(requested, 2, use_l10n=True, force_grouping=True),
                "limit": number_format(limit, 2, use_l10n=True, force_grouping=True),
            },
        )
        return False
    return True


def _attachments(request, application, task):
    attachments = list(application.attachments.all())
    form = AttachmentForm(count=len(attachments))
    if request.method == "POST":
        if "fertig" in request.POST:
            _mark_done(application, task.key)
            application.save(update_fields=["completed_tasks", "updated_at"])
            return _after_save(request, application)
        form = AttachmentForm(request.POST, request.FILES, count=len(attachments))
        if form.is_valid():
            inspection = form.inspection
            Attachment.objects.create(
                application=application,
                file=form.cleaned_data["file"],
                original_name=inspection.original_name,
                content_type=inspection.content_type,
                size=inspection.size,
                sha256=inspection.sha256,
            )
            application.save(update_fields=["updated_at"])
            return redirect("applications:task", token=request.application_token, slug=task.slug)
    return _task_page(
        request,
        application,
        task,
        {
            "form": form,
            "attachments": attachments,
            "max_attachments": settings.APPLICATION_MAX_ATTACHMENTS,
            "max_bytes": settings.APPLICATION_ATTACHMENT_MAX_BYTES,
        },
    )


def _consent(request, application, task):
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            application.consented_at = timezone.now()
            _mark_done(application, task.key)
            application.save()
            return _after_save(request, application)
    else:
        form = ConsentForm(initial={"consent": application.consented_at is not None})
    return _task_page(request, application, task, {"form": form})


@application_page
@require_POST
def delete_attachment(request, application, pk):
    attachment = get_object_or_404(application.attachments, pk=pk)
    if not application.is_draft:
        raise Http404("Submitted applications keep their attachments.")
    attachment.file.delete(save=False)
    attachment.delete()
    application.save(update_fields=["updated_at"])
    return redirect("applications:task", token=request.application_token, slug="anlagen")


@application_page
@require_safe
def attachment(request, application, pk):
    attachment = get_object_or_404(application.attachments, pk=pk)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _summary_context(request, application):
    application.cost_lines_list = list(application.cost_lines.all())
    return {
        "application": application,
        "programme": application.programme,
        "token": request.application_token,
        "cost_lines": application.cost_lines_list,
        "attachments": list(application.attachments.all()),
        "tasks": task_states(application),
    }


@application_page
@require_http_methods(["GET", "HEAD", "POST"])
def check(request, application):
    if not application.is_draft:
        return redirect("applications:confirmation", token=request.application_token)
    context = _summary_context(request, application)
    missing = [state for state in context["tasks"] if not state.done and not state.task.optional]
    context.update(
        {
            "missing": missing,
            "breadcrumbs": _breadcrumbs(application.programme, _("Antworten prüfen")),
        }
    )
    if request.method == "POST" and not missing:
        if not application.programme.is_open:
            context["closed"] = True
        elif HoneypotForm(request.POST).is_bot() or _too_many(request):
            return _refused(request, application.programme, status=429)
        else:
            services.application_submit(
                application=application, language=current_language(), request=request
            )
            return redirect("applications:confirmation", token=request.application_token)
    return render(request, "applications/check.html", context)


@application_page
@require_safe
def confirmation(request, application):
    if application.is_draft:
        return redirect("applications:tasks", token=request.application_token)
    return render(
        request,
        "applications/confirmation.html",
        {
            "application": application,
            "programme": application.programme,
            "token": request.application_token,
            "receipt_sent": application.mails.filter(
                kind=OutgoingMail.Kind.RECEIVED, sent_at__isnull=False
            ).exists(),
            "breadcrumbs": _breadcrumbs(application.programme, _("Antrag gesendet")),
        },
    )


@application_page
@require_safe
def application_pdf(request, application):
    if application.is_draft:
        raise Http404("The PDF exists once the application is submitted.")
    response = HttpResponse(pdf.application_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{application.reference}.pdf"'
    return response
