"""The page nginx shows when no instance of the site answers (a restart, a crash).

nginx cannot ask the app, so the page is rendered ahead, once per language, into the static
files (`static/errors/`), from a template and the gettext catalogues like every other page.
nginx picks the reader's language from the address and fills in its request id with SSI (see
deploy/nginx.conf).
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

FOLDER = Path(settings.BASE_DIR) / "static" / "errors"
# nginx's server-side include: the id it also hands the app as X-Request-ID.
REQUEST_ID = mark_safe('<!--# echo var="request_id" -->')  # noqa: S308 - a constant


def path_for(code):
    return FOLDER / f"unavailable.{code}.html"


def render(code):
    with translation.override(code):
        return render_to_string("errors/unavailable.html", {"request_id": REQUEST_ID})


def stale_pages():
    """The pages whose file is missing or differs from a fresh rendering."""
    stale = []
    for code, _name in settings.LANGUAGES:
        path = path_for(code)
        if not path.exists() or path.read_text(encoding="utf-8") != render(code):
            stale.append(path)
    return stale


def write(path):
    code = path.name.split(".")[1]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(code), encoding="utf-8")
