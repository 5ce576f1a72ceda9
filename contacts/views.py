import mimetypes
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from core.publication import preview_pk

from . import formats, languages, selectors
from .forms import FinderForm
from .models import Person
from .templatetags.contacts_tags import person_name


def _section_crumb():
    return {"label": _("Ansprechpersonen"), "url": reverse("contacts:index")}


def index(request):
    language = _spoken_language(request)
    return render(
        request,
        "contacts/index.html",
        {
            **selectors.contacts_overview(
                language=language,
                team=request.GET.get("team", "")[:20],
                page=request.GET.get("page"),
            ),
            "breadcrumbs": [{"label": _("Ansprechpersonen")}],
        },
    )


def person(request, slug):
    found = selectors.published_person(slug, also=preview_pk(request, Person))
    if found is None:
        raise Http404
    url = request.build_absolute_uri(found.get_absolute_url())
    return render(
        request,
        "contacts/person.html",
        {
            "person": found,
            "json_ld": formats.json_ld(found, url=url),
            # The German name keeps lang="de" in other languages, as in the heading.
            "breadcrumbs": [_section_crumb(), {"label": person_name(found)}],
        },
    )


def vcard(request, slug):
    found = selectors.published_person(slug)
    if found is None:
        raise Http404
    url = request.build_absolute_uri(found.get_absolute_url())
    response = HttpResponse(
        formats.vcard(found, url=url).encode(), content_type="text/vcard; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{formats.vcard_filename(found)}"'
    return response


def finder(request):
    form = FinderForm(request.GET if "ort" in request.GET else None)
    language = _spoken_language(request)
    municipalities = selectors.finder_towns()
    answer = None
    if form.is_bound and form.is_valid():
        answer = selectors.find_municipalities(
            municipalities, **form.cleaned_data["ort"], authorities=selectors.other_authorities()
        )
        selectors.with_published_people(answer.matches)
    found = bool(answer and answer.found)
    return render(
        request,
        "contacts/finder.html",
        {
            "form": form,
            "answer": answer,
            "general_contacts": selectors.general_contacts() if found else [],
            "language_options": selectors.spoken_languages(),
            "language": languages.describe(language) if language else None,
            # Links to another place keep the chosen language.
            "language_param": f"&sprache={language}" if language else "",
            "speakers": selectors.speakers_of(language) if found and language else None,
            "alphabet": selectors.alphabet(municipalities),
            "municipalities": municipalities,
            "overview": selectors.responsibility_overview(),
            "breadcrumbs": [_section_crumb(), {"label": _("Zuständigkeitsfinder")}],
        },
    )


def _spoken_language(request):
    """The language the reader wants advice in (?sprache=ar); an unknown code is ignored."""
    language = request.GET.get("sprache", "")
    return language if languages.is_known(language) else ""


def responsibilities(request):
    municipalities = selectors.municipalities_with_people()
    return render(
        request,
        "contacts/responsibilities.html",
        {
            "municipalities": municipalities,
            "by_person": selectors.towns_by_person(municipalities),
            "has_example_places": any(
                place.is_example for town in municipalities for place in town.localities.all()
            ),
            "overview": selectors.responsibility_overview(),
            "breadcrumbs": [_section_crumb(), {"label": _("Zuständigkeiten")}],
        },
    )


def _stream(name, filename):
    """Serve an uploaded file from storage; the URL names the file so caches stay correct."""
    if not name or PurePosixPath(name).name != filename or not default_storage.exists(name):
        raise Http404
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(name, "rb"), content_type=content_type)


# Short, so that an unpublished person's photo leaves shared caches soon.
@cache_control(max_age=600, public=True)
def person_photo(request, slug, filename):
    found = selectors.published_person(slug)
    if found is None:
        raise Http404
    return _stream(found.photo.name, filename)


# Short, so that a replaced map shows soon.
@cache_control(max_age=600, public=True)
def map_image(request, filename):
    overview = selectors.responsibility_overview()
    if overview is None:
        raise Http404
    return _stream(overview.map_image.name, filename)
