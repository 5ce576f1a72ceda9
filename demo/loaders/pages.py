"""Demo pages, found by their key, and notices, found by their German title."""

from demo.data import read
from pages.models import Notice, Page

from . import ensure


def load():
    content = read("pages")
    created = 0
    for spec in content["pages"]:
        created += ensure(Page, spec, key=("key",))[1]
    for spec in content["notices"]:
        created += ensure(Notice, spec, key=("title",))[1]
    return created
