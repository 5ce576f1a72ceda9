from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from contacts import selectors as contacts
from contacts.forms import FinderForm
from core.languages import current_language

from .query import count_missed, search
from .text import MAX_QUERY_LENGTH, clean_query, query_words

# A town is one to three words ("Regis-Breitingen", "Elstertrebnitz", "04552 Borna").
MAX_TOWN_WORDS = 3


def _finder_answer(text):
    """The Zuständigkeitsfinder's answer when the query is a postal code or a town, else None."""
    if len(query_words(text)) > MAX_TOWN_WORDS:
        return None
    form = FinderForm({"ort": text})
    if not form.is_valid():
        return None
    answer = contacts.find_municipalities(
        contacts.finder_towns(),
        **form.cleaned_data["ort"],
        authorities=contacts.other_authorities(),
    )
    # Only a certain answer leads: no typo guess, no choice between several towns.
    if not answer.found or answer.corrected or answer.is_choice:
        return None
    contacts.with_published_people(answer.matches)
    return answer


@require_safe
def results(request):
    typed = request.GET.get("q", "")
    too_long = len(typed) > MAX_QUERY_LENGTH
    text = clean_query(typed[:MAX_QUERY_LENGTH])
    language = current_language()
    found = search(text, language, page_number=request.GET.get("page"))
    answer = _finder_answer(text) if found.words else None
    missed = bool(found.words and not found.count and not answer)
    if missed:
        count_missed(text, language)
    response = render(
        request,
        "search/results.html",
        {
            "query": text,
            "too_long": too_long,
            "max_length": MAX_QUERY_LENGTH,
            "results": found,
            "answer": answer,
            "breadcrumbs": [{"label": _("Suche")}],
        },
    )
    # Results pages are many and change; search engines index the pages themselves.
    response["X-Robots-Tag"] = "noindex"
    if missed:
        # Each reader's miss must reach the view to be counted: never from a cache.
        patch_cache_control(response, no_cache=True)
    return response


@require_safe
def opensearch(request):
    """The OpenSearch description, so browsers offer the site search in the address bar."""
    origin = request.build_absolute_uri("/").rstrip("/")
    content = render_to_string(
        "search/opensearch.xml",
        {
            "origin": origin,
            "search_url": origin + reverse("search:results"),
            "language": current_language(),
            "short_name": _("KfI Landkreis Leipzig"),
            "description": _(
                "Suche auf der Website der Koordinierungsstelle für Integration "
                "des Landkreises Leipzig"
            ),
        },
        request=request,
    )
    return HttpResponse(content, content_type="application/opensearchdescription+xml")
