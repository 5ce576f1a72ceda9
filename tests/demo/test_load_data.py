"""Generated load data: every public page runs as many queries as at demo size."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from contacts.models import Locality, Person
from core import pagecache
from documents.models import Document
from microprojects.models import FundedProject, FundingProgramme

PAGES = [
    "/de/",
    "/ar/",
    "/de/koordinierungsstelle/",
    "/de/ansprechpersonen/",
    "/de/ansprechpersonen/zustaendigkeiten/",
    "/de/ansprechpersonen/zustaendigkeitsfinder/?ort=Grimma",
    "/de/ansprechpersonen/zustaendigkeitsfinder/?ort=04668",
    "/de/dokumente/",
    "/ar/dokumente/",
    "/de/mikroprojekte/gefoerderte-projekte/",
    "/de/mikroprojekte/gefoerderte-projekte/?page=2",
]


def _pages():
    programme = FundingProgramme.objects.public().first()
    person = Person.objects.public().order_by("pk").first()
    document = Document.objects.public().order_by("pk").first()
    return [
        *PAGES,
        programme.get_absolute_url(),
        person.get_absolute_url(),
        document.get_absolute_url(),
    ]


def _queries(path):
    client = Client()
    client.get(path)  # fills what other caches keep (the navigation)
    pagecache.bump()  # … but the page itself is rendered again, as after an edit
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    return len(captured)


def test_pages_run_the_same_queries_at_demo_size_and_with_load_data(
    demo_content, django_assert_max_num_queries
):
    paths = _pages()
    demo = {path: _queries(path) for path in paths}
    call_command("generate_load_data", scale=0.05, verbosity=0)
    assert Person.objects.filter(slug__startswith="last-").count() == 50
    assert Locality.objects.filter(name__startswith="Lastdorf").count() == 10
    assert Document.objects.filter(slug__startswith="last-").count() == 500
    assert FundedProject.objects.count() >= 250
    for path in paths:
        client = Client()
        client.get(path)
        pagecache.bump()
        with django_assert_max_num_queries(demo[path]):
            assert client.get(path).status_code == 200, path


def test_generated_documents_download_and_show_in_every_language(db):
    call_command("generate_load_data", scale=0.002, verbosity=0)
    document = Document.objects.filter(slug__startswith="last-").first()
    response = Client().get(f"/fa{document.get_absolute_url()[3:]}")
    assert response.status_code == 200
    assert "(fa)" in response.content.decode()
    download = Client().get(document.get_download_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    with pytest.raises(CommandError):
        call_command("generate_load_data", scale=0.002, verbosity=0)
