import io
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.languages import current_language
from core.publication import preview_pk
from translations.fallback import breadcrumb, field_in_language

from . import calendar, eligibility, exports, selectors
from .forms import FundedProjectFilterForm
from .models import FundingProgramme

PROJECTS_PER_PAGE = 25


def _programme(request):
    """The programme readers see, or the one a preview link shows."""
    previewed = preview_pk(request, FundingProgramme)
    programmes = FundingProgramme.objects.published(also=previewed)
    if previewed is not None:
        programmes = programmes.filter(pk=previewed)
    return programmes.first()


def _coming_soon(request):
    # The section is in the main navigation, so it answers even before editors fill it.
    return render(
        request,
        "pages/coming_soon.html",
        {"title": _("Mikroprojekte"), "breadcrumbs": [{"label": _("Mikroprojekte")}]},
    )


@require_safe
def index(request):
    programme = _programme(request)
    if programme is None:
        return _coming_soon(request)
    language = current_language()
    return render(
        request,
        "microprojects/programme.html",
        {
            "programme": programme,
            "deadline": selectors.programme_deadline(programme, today=timezone.localdate()),
            "steps": selectors.programme_steps(programme, language=language),
            "contacts": selectors.programme_contacts(programme),
            "check": eligibility.evaluate({}),
            "breadcrumbs": [breadcrumb(programme)],
        },
    )


@require_safe
def eligibility_check(request):
    programme = _programme(request)
    if programme is None:
        return _coming_soon(request)
    check = eligibility.evaluate(request.GET, asks_topic=bool(programme.funded_areas))
    back = urlencode(list(check.answers.items())[:-1])
    return render(
        request,
        "microprojects/eligibility_check.html",
        {
            "programme": programme,
            "check": check,
            "back_url": reverse("microprojects:eligibility_check") + (f"?{back}" if back else ""),
            "breadcrumbs": [
                breadcrumb(programme, url=reverse("microprojects:index")),
                {"label": _("Kann mein Projekt gefördert werden?")},
            ],
        },
    )


@require_safe
def deadline_ics(request):
    programme = _programme(request)
    if programme is None or not programme.is_open:
        raise Http404("No deadline while the programme takes no applications.")
    date = programme.next_deadline(timezone.localdate())
    title = field_in_language(programme, "title")[0]
    page_url = request.build_absolute_uri(reverse("microprojects:index"))
    body = calendar.deadline_ics(
        uid=f"{programme.slug}-{date:%Y}-stichtag@{request.get_host()}",
        date=date,
        summary=_("Stichtag: %(programme)s") % {"programme": title},
        description=_(
            "Letzter Tag, um den Antrag per E-Mail an %(email)s zu schicken. Alles Weitere: %(url)s"
        )
        % {"email": programme.submission_email, "url": page_url},
        url=page_url,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="stichtag-{programme.slug}.ics"'
    return response


def _filtered_projects(request):
    form = FundedProjectFilterForm(
        request.GET,
        years=selectors.funded_project_years(),
        municipalities=selectors.municipalities_with_funded_projects(),
    )
    filters = form.filters()
    return form, filters, selectors.funded_projects(**filters)


@require_safe
def funded_projects(request):
    form, filters, projects = _filtered_projects(request)
    page = Paginator(projects, PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "microprojects/funded_projects.html",
        {
            "form": form,
            "is_filtered": bool(filters),
            "page_obj": page,
            "projects": page.object_list,
            "totals": selectors.funded_project_totals(projects),
            "breadcrumbs": [
                {"label": _("Mikroprojekte"), "url": reverse("microprojects:index")},
                {"label": _("Geförderte Projekte")},
            ],
        },
    )


def _filename_part(value):
    text = str(getattr(value, "name", value))
    # slugify would drop umlauts; German file names spell them out instead.
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled).replace(umlaut.upper(), spelled.capitalize())
    return slugify(text)


@require_safe
def funded_projects_csv(request):
    _form, filters, projects = _filtered_projects(request)
    language = current_language()
    stream = io.StringIO()
    exports.write_funded_projects_csv(projects, stream, language=language)
    suffix = "".join(f"-{_filename_part(value)}" for value in filters.values())
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="gefoerderte-mikroprojekte{suffix}.csv"'
    )
    return response
