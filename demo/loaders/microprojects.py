"""The demo funding programme with its steps and the example funded projects."""

from contacts.models import Municipality, Person
from demo.data import read
from documents.models import Document
from microprojects.models import FundedProject, FundingProgramme, Step, StepDocument

from . import ensure


def load():
    content = read("microprojects")
    return _load_programme(content) + _load_funded_projects(content)


def _load_programme(content):
    spec = content["programme"]
    programme, created = ensure(FundingProgramme, spec, key=("slug",), skip=("contact_persons",))
    if created:
        programme.contact_persons.set(Person.objects.filter(slug__in=spec["contact_persons"]))
    documents = Document.objects.in_bulk(
        [slug for step in content["steps"] for slug in step["documents"]],
        field_name="slug",
    )
    for spec in content["steps"]:
        step, was_created = ensure(
            Step,
            spec,
            key=("programme", "order"),
            skip=("documents",),
            programme=programme,
        )
        created += was_created
        if not was_created:
            continue
        for position, slug in enumerate(spec["documents"], start=1):
            # A form the documents demo did not create is left out, not invented here.
            if slug in documents:
                StepDocument.objects.create(step=step, document=documents[slug], order=position)
                created += 1
    return created


def _load_funded_projects(content):
    created = 0
    specs = content["funded_projects"]
    towns = Municipality.objects.in_bulk(
        [spec["municipality"] for spec in specs], field_name="name"
    )
    for spec in specs:
        if spec["municipality"] not in towns:
            continue
        created += ensure(
            FundedProject,
            spec,
            key=("year", "title", "organisation"),
            municipality=towns[spec["municipality"]],
        )[1]
    return created
