"""The demo documents: real files, all the forms the microprojects app links, idempotent."""

import io
import zipfile

import pypdf
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from demo.data import read
from demo.loaders import documents as demo_documents
from documents.inspection import inspect_upload
from documents.models import Category, Document, DocumentFile

pytestmark = pytest.mark.django_db
# The microprojects app links its steps to the forms of this category by slug.
MICROPROJECT_FORM_SLUGS = [
    spec["slug"]
    for spec in read("documents")["documents"]
    if spec["category"] == "antragsunterlagen-mikroprojekte"
]


def test_demo_documents_are_real_files_that_pass_the_upload_check():
    demo_documents.load()
    for stored in DocumentFile.objects.all():
        data = stored.file.read()
        inspection = inspect_upload(ContentFile(data, name=stored.original_name))
        assert inspection.kind == stored.kind
        if stored.kind == "pdf":
            reader = pypdf.PdfReader(io.BytesIO(data))
            assert reader.pages[0].extract_text().strip()
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                assert b"<w:t" in package.read("word/document.xml")


def test_demo_has_the_three_reports_and_the_2022_forms():
    call_command("load_demo", verbosity=0)
    reports = Document.objects.published().filter(category__slug="integrationskonzept")
    assert reports.count() == 3
    assert all(r.current_version.files.get().page_count >= 2 for r in reports)
    forms = Document.objects.published().filter(slug__in=MICROPROJECT_FORM_SLUGS)
    assert forms.count() == len(MICROPROJECT_FORM_SLUGS) == 10
    assert Category.objects.get(slug="antragsunterlagen-mikroprojekte").documents.count() == 10
    antrag = Document.objects.get(slug="antrag-mikroprojekte")
    assert antrag.current_version.files.get().kind == "docx"
    assert antrag.title_en and antrag.title_ar and antrag.description_ar


def test_demo_offers_one_form_in_english_too():
    demo_documents.load()
    hinweise = Document.objects.get(slug="hinweise-antragstellung")
    assert sorted(hinweise.current_version.files.values_list("language", flat=True)) == ["de", "en"]


def test_loading_the_demo_twice_changes_nothing():
    first = demo_documents.load()
    files_before = DocumentFile.objects.count()
    assert first == 15
    assert demo_documents.load() == 0
    assert DocumentFile.objects.count() == files_before


def test_load_demo_command_includes_the_documents(capsys):
    call_command("load_demo")
    assert "Dokumente: 15 neu angelegt" in capsys.readouterr().out


MARK = '<strong class="example-mark-inline">Beispiel:</strong> Platzhalterdatei, nicht das Original'


def test_demo_files_are_marked_as_placeholders_wherever_they_are_offered(client):
    call_command("load_demo", verbosity=0)
    assert not DocumentFile.objects.filter(is_placeholder=False).exists()
    report = Document.objects.get(slug="integrationskonzept-teil-1")
    pages = {
        "/de/dokumente/": Document.objects.count(),
        report.get_absolute_url(): 1,
        "/de/koordinierungsstelle/": 3,
    }
    for url, at_least in pages.items():
        content = client.get(url).content.decode()
        assert content.count(MARK) >= at_least, url
    arabic = client.get("/ar" + report.get_absolute_url()[3:]).content.decode()
    assert "example-mark-inline" in arabic and "Platzhalterdatei" not in arabic


def test_a_real_upload_replaces_the_placeholder_mark(client):
    from documents.services import version_create

    from .files import pdf

    call_command("load_demo", verbosity=0)
    report = Document.objects.get(slug="integrationskonzept-teil-1")
    version_create(
        document=report, language="de", upload=ContentFile(pdf("Echter Bericht"), name="b.pdf")
    )
    content = client.get(report.get_absolute_url()).content.decode()
    current = content[content.index('class="document__download"') : content.index("</dl>")]
    assert "Platzhalterdatei" not in current
    # The earlier, generated version keeps its mark in the list of earlier versions.
    assert MARK in content[content.index("Frühere Fassungen") :]
