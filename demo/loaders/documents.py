"""Demo categories and documents, each document with its generated PDF or DOCX files."""

from django.core.files.base import ContentFile

from demo.data import read
from demo.files import make_docx, make_pdf
from documents.models import Category, Document, DocumentFile
from documents.services import version_create

from . import ensure


def load():
    content = read("documents")
    created = 0
    categories = {}
    for spec in content["categories"]:
        category, was_created = ensure(Category, spec, key=("slug",))
        categories[spec["slug"]] = category
        created += was_created
    for spec in content["documents"]:
        document, was_created = ensure(
            Document,
            spec,
            key=("slug",),
            skip=("files",),
            category=categories[spec["category"]],
        )
        # A document that has files keeps them; only one without any gets the demo files.
        if not document.versions.exists():
            for demo_file in spec["files"]:
                version_create(
                    document=document,
                    language=demo_file["language"],
                    note=demo_file["note"],
                    upload=ContentFile(_render(spec, demo_file), name=demo_file["name"]),
                )
            # Generated stand-ins, not the office's files: readers see them marked as examples.
            DocumentFile.objects.filter(version__document=document).update(is_placeholder=True)
        created += was_created
    return created


def _render(spec, demo_file):
    text = demo_file["content"]
    title = text.get("title", spec["title"])
    language = text.get("language", "de-DE")
    sections = [(section.get("heading"), section["paragraphs"]) for section in text["sections"]]
    if demo_file["name"].endswith(".docx"):
        return make_docx(title, sections, language=language)
    drawing = text.get("drawing", "").encode("ascii")
    return make_pdf(title, sections, language=language, drawing=drawing)
