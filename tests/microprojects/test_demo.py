import datetime

import pytest
from django.core.management import call_command

from demo.data import read
from demo.loaders import microprojects as demo_microprojects
from documents.models import Document
from microprojects.models import FundedProject, FundingProgramme, StepDocument

CONTENT = read("microprojects")
STEP_FORMS = {slug for step in CONTENT["steps"] for slug in step["documents"]}


def test_demo_programme_carries_the_facts_and_the_2025_notice(demo_content):
    programme = FundingProgramme.objects.get(slug=CONTENT["programme"]["slug"])
    assert programme.status == FundingProgramme.Status.PAUSED
    assert programme.status_title_de == "Derzeit keine Mittel verfügbar"
    assert programme.status_date == datetime.date(2025, 2, 17)
    assert (programme.max_amount_per_project, programme.max_amount_per_language_course) == (
        5000,
        1000,
    )
    assert (programme.deadline_day, programme.deadline_month) == (31, 10)
    assert programme.submission_email == "mikroprojekte-kfi@lk-l.de"
    assert "KomIntAVO" in programme.legal_basis_de
    assert programme.steps.count() == 6
    assert programme.title_en and programme.title_ar


def test_demo_steps_use_every_demo_form_that_exists(demo_content):
    existing = set(Document.objects.filter(slug__in=STEP_FORMS).values_list("slug", flat=True))
    wired = set(StepDocument.objects.values_list("document__slug", flat=True))
    assert wired == existing


def test_demo_funded_projects_are_labelled_as_examples(demo_content):
    projects = FundedProject.objects.all()
    assert projects.count() >= 10
    assert len({p.year for p in projects}) >= 3
    assert len({p.category for p in projects}) >= 6
    assert all(p.title_de.endswith("(Beispiel)") for p in projects)
    assert all(p.title_ar.endswith("(مثال)") for p in projects)


def test_loading_the_demo_twice_changes_nothing(demo_content):
    counts = (
        FundingProgramme.objects.count(),
        FundedProject.objects.count(),
        StepDocument.objects.count(),
    )
    assert demo_microprojects.load() == 0
    call_command("load_demo", verbosity=0)
    assert counts == (
        FundingProgramme.objects.count(),
        FundedProject.objects.count(),
        StepDocument.objects.count(),
    )


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_demo_programme_page_shows_the_notice_in_each_language(client, demo_content, language):
    programme = FundingProgramme.objects.get()
    content = client.get(f"/{language}/mikroprojekte/").content.decode()
    assert getattr(programme, f"status_title_{language}") in content
    assert 'datetime="2025-02-17"' in content
    assert content.count('aria-labelledby="banner-title"') == 1


def test_demo_funded_projects_page_lists_the_examples(client, demo_content):
    content = client.get("/ar/mikroprojekte/gefoerderte-projekte/").content.decode()
    assert "(مثال)" in content


@pytest.mark.parametrize("path", ["/de/", "/de/koordinierungsstelle/", "/ar/koordinierungsstelle/"])
def test_start_and_office_pages_link_to_the_programme(client, demo_content, path):
    language = path.split("/")[1]
    content = client.get(path).content.decode()
    # Once in the main navigation, and once more in the page's own text.
    assert content.count(f'href="/{language}/mikroprojekte/"') >= 2


def test_every_demo_form_of_the_documents_app_belongs_to_a_step():
    forms = {
        spec["slug"]
        for spec in read("documents")["documents"]
        if spec["category"] == "antragsunterlagen-mikroprojekte"
    }
    assert forms == STEP_FORMS


def test_demo_wires_all_ten_forms_to_the_steps(demo_content):
    assert StepDocument.objects.filter(document__isnull=False).count() == 10
