"""Reads for the programme page and the funded projects, in the reader's language."""

from django.db.models import Count, Sum

from contacts.models import Municipality, Person
from contacts.selectors import people_for_display
from documents.models import Document
from documents.selectors import documents_for_display

from .models import FundedProject, StepDocument


def programme_deadline(programme, *, today):
    """The annual deadline, and while applications are taken the next one and the days left."""
    deadline = {"annual": programme.deadline_in(today.year), "date": None, "days": None}
    if programme.is_open:
        deadline["date"] = programme.next_deadline(today)
        deadline["days"] = (deadline["date"] - today).days
    return deadline


def programme_steps(programme, *, language):
    """The steps in order, each with `forms`: its published forms, ready to display."""
    steps = list(programme.steps.all())
    links = list(
        StepDocument.objects.filter(
            step__programme=programme,
            document__in=Document.objects.published(),
        )
        .order_by("step__order", "order", "pk")
        .values_list("step_id", "document_id")
    )
    documents = documents_for_display(
        Document.objects.published().filter(pk__in={doc for _step, doc in links}),
        language=language,
    )
    by_pk = {document.pk: document for document in documents}
    for step in steps:
        step.forms = [by_pk[doc] for step_id, doc in links if step_id == step.pk and doc in by_pk]
    return steps


def programme_contacts(programme):
    """The programme's published contact persons, ready to display."""
    return people_for_display(Person.objects.filter(funding_programmes=programme))


def step_form_problems(programme):
    """What an editor should fix: forms that were deleted or are not published."""
    published = set(Document.objects.published().values_list("pk", flat=True))
    problems = []
    links = StepDocument.objects.filter(step__programme=programme).select_related(
        "step", "document"
    )
    for link in links:
        if link.document is None:
            problems.append((link.step, None))
        elif link.document_id not in published:
            problems.append((link.step, link.document))
    return problems


def funded_projects(*, year=None, municipality=None, category=None):
    """Published funded projects matching the filters that are set."""
    projects = FundedProject.objects.published().select_related("municipality")
    if year:
        projects = projects.filter(year=year)
    if municipality:
        projects = projects.filter(municipality=municipality)
    if category:
        projects = projects.filter(category=category)
    return projects


def funded_project_totals(projects):
    """Count and sum per year (newest first) and overall, in one query."""
    per_year = list(
        projects.order_by()
        .values("year")
        .annotate(count=Count("pk"), total=Sum("amount"))
        .order_by("-year")
    )
    return {
        "per_year": per_year,
        "count": sum(row["count"] for row in per_year),
        "total": sum((row["total"] for row in per_year), start=0),
    }


def funded_project_years():
    return list(
        FundedProject.objects.published()
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def municipalities_with_funded_projects():
    return (
        Municipality.objects.filter(funded_projects__is_published=True).distinct().order_by("name")
    )
