import hashlib
from pathlib import PurePosixPath

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from core.downloads import serve_stored_file
from core.publication import preview_pk
from translations.fallback import breadcrumb

from .models import Notice, Page, Video
from .validators import MEDIA_TYPES


def home(request):
    page = get_object_or_404(Page.objects.public(), key=Page.Key.HOME)
    notices = list(Notice.objects.public(also=preview_pk(request, Notice)))
    banner = next((n for n in notices if n.is_highlighted), None)
    return render(
        request,
        "pages/home.html",
        {
            "page": page,
            "banner": banner,
            "notices": [n for n in notices if n is not banner],
        },
    )


def office(request):
    page = get_object_or_404(
        Page.objects.public(also=preview_pk(request, Page)), key=Page.Key.OFFICE
    )
    return render(
        request,
        "pages/office.html",
        {
            "page": page,
            # Teams and reports come from their apps' template tags (see office.html).
            "breadcrumbs": [breadcrumb(page)],
        },
    )


def page(request, key):
    page = get_object_or_404(
        Page.objects.public(also=preview_pk(request, Page)).prefetch_related("videos"), key=key
    )
    return render(
        request,
        "pages/page.html",
        {
            "page": page,
            # A video whose file has gone missing cannot be played; it must not break the page.
            "videos": [video for video in page.videos.all() if video.file_size is not None],
            "breadcrumbs": [breadcrumb(page)],
            # Only the German text of a legal page is binding; its translations say so.
            "binding_german": page.key in Page.LEGAL and get_language() != "de",
        },
    )


@require_safe
def video_file(request, pk, kind):
    """A sign-language video or its captions, with byte ranges so players can seek."""
    # A draft page's videos stay as hidden as the page.
    video = get_object_or_404(Video, pk=pk, page__in=Page.objects.public())
    field_file = video.captions if kind == "untertitel" else video.file
    if not field_file:
        raise Http404
    storage = field_file.storage
    try:
        modified = storage.get_modified_time(field_file.name)
    except (NotImplementedError, OSError) as error:
        raise Http404 from error
    size = field_file.size
    return serve_stored_file(
        request,
        field_file,
        size=size,
        last_modified=modified,
        etag=hashlib.sha256(f"{field_file.name}:{size}:{modified}".encode()).hexdigest()[:32],
        content_type=MEDIA_TYPES.get(
            PurePosixPath(field_file.name).suffix.lower(), "application/octet-stream"
        ),
        filename=PurePosixPath(field_file.name).name,
        inline=True,
        max_age=3600,
    )
