"""load_demo creates what is missing and fills what is empty, but never overwrites an edit."""

import datetime
from decimal import Decimal

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command

from contacts.models import Person, Team
from core.languages import SOURCE_LANGUAGE
from demo.data import read
from documents.models import Document
from documents.services import document_delete, version_create
from microprojects.models import FundedProject, FundingProgramme, Step
from pages.models import Notice, Page
from tests.documents.files import pdf
from translations.status import TARGETS, translated_fields

CONTENT_APPS = ("pages", "contacts", "documents", "microprojects")


def _content_rows():
    """Every row of every table of the content apps, many-to-many links included."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values())
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


def _load():
    call_command("load_demo", verbosity=0)


def test_loading_twice_changes_no_row(demo_content):
    before = _content_rows()
    assert sum(map(len, before.values())) > 150
    _load()
    assert _content_rows() == before


def test_a_title_an_editor_changed_in_the_admin_survives(editor_client, demo_content):
    page = Page.objects.get(key=Page.Key.HOME)
    data = {
        "key": page.key,
        "is_published": "True",
        "videos-TOTAL_FORMS": "0",
        "videos-INITIAL_FORMS": "0",
        "videos-MIN_NUM_FORMS": "0",
        "videos-MAX_NUM_FORMS": "1000",
    }
    for field in translated_fields(Page):
        for code in (SOURCE_LANGUAGE, *TARGETS):
            data[f"{field}_{code}"] = getattr(page, f"{field}_{code}") or ""
    data["title_de"] = "Willkommen im Landkreis Leipzig"
    response = editor_client.post(f"/admin/pages/page/{page.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    edited = _content_rows()
    _load()
    page.refresh_from_db()
    assert page.title_de == "Willkommen im Landkreis Leipzig"
    assert _content_rows() == edited


def test_values_an_editor_chose_survive_even_false_and_zero(demo_content):
    Notice.objects.update(is_highlighted=False)
    Team.objects.filter(abbreviation="KOI").update(order=0)
    FundingProgramme.objects.update(max_amount_per_project=Decimal("0"), deadline_day=15)
    loth = Person.objects.get(slug="loth")
    loth.municipalities.clear()
    step = Step.objects.get(order=2)
    step.step_documents.filter(document__slug="hinweise-antragstellung").delete()
    report = Document.objects.get(slug="integrationskonzept-teil-1")
    version_create(document=report, upload=_upload("Bericht_2024.pdf"), language="de")
    edited = _content_rows()
    _load()
    assert _content_rows() == edited
    report.refresh_from_db()
    assert report.current_version.files.get().original_name == "Bericht_2024.pdf"


def test_an_emptied_field_is_filled_again(demo_content):
    pages = {spec["key"]: spec for spec in read("pages")["pages"]}
    Page.objects.filter(key=Page.Key.IMPRINT).update(summary_de="", body_de="")
    Person.objects.filter(slug="richter").update(room="", office=None)
    Document.objects.filter(slug="integrationskonzept-teil-1").update(year=None)
    FundingProgramme.objects.update(status_date=None)
    _load()
    imprint = Page.objects.get(key=Page.Key.IMPRINT)
    assert imprint.summary_de == pages["impressum"]["summary"]
    assert imprint.body_de.startswith("<h2>Anbieter</h2>")
    richter = Person.objects.get(slug="richter")
    assert (richter.room, richter.office.town) == ("414", "Grimma")
    assert Document.objects.get(slug="integrationskonzept-teil-1").year == 2018
    assert FundingProgramme.objects.get().status_date == datetime.date(2025, 2, 17)


def test_an_object_an_editor_deleted_is_created_again(demo_content):
    complete = _content_rows()
    Notice.objects.all().delete()
    FundedProject.objects.filter(municipality__name="Borna").delete()
    Person.objects.filter(slug="richter").delete()
    document_delete(document=Document.objects.get(slug="zwischenbericht-integrationskonzept"))
    _load()
    notice = Notice.objects.get()
    assert notice.title_en and notice.text_ar
    assert FundedProject.objects.filter(municipality__name="Borna").exists()
    assert Person.objects.get(slug="richter").team.abbreviation == "KOI"
    report = Document.objects.get(slug="zwischenbericht-integrationskonzept")
    assert report.current_version.files.get().original_name.endswith(".pdf")
    assert {table: len(rows) for table, rows in _content_rows().items()} == {
        table: len(rows) for table, rows in complete.items()
    }


def _upload(name):
    return ContentFile(pdf("Bericht eines Redakteurs"), name=name)
