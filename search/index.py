"""Keeping the search table current: what each kind of content contributes, per language.

Each source turns one object into entries: (language, title, body, path). A language gets
its own entry only where the object has its own text in it; readers of other languages
find the German entry, marked as German. Saving or deleting content re-indexes it through
signals; `manage.py rebuild_search_index` rebuilds everything.
"""

import html
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from django.utils.html import strip_tags

from core.languages import SOURCE_LANGUAGE, language_codes

from .models import Kind, SearchEntry
from .text import fold

# PostgreSQL's text-search configurations; languages without one use "simple".
TEXT_SEARCH_CONFIGS = {
    "de": "german",
    "en": "english",
    "ru": "russian",
    "tr": "turkish",
    "es": "spanish",
}
MAX_BODY_CHARS = 60_000


def text_search_config(language):
    return TEXT_SEARCH_CONFIGS.get(language, "simple")


def plain(value):
    """Rich text as plain words."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def own(obj, field, language):
    return getattr(obj, f"{field}_{language}", "") or ""


def in_language(obj, field, language):
    """The field in `language`, else German: for parts of an entry that has its own title."""
    return own(obj, field, language) or own(obj, field, SOURCE_LANGUAGE)


@dataclass
class Source:
    """One model's contribution: its kind, objects to index and how to describe one."""

    key: str
    kind: str
    model_path: str
    describe: object  # (obj, language) -> (title, body, path) or None
    visibility: object  # obj -> (is_published, visible_from, visible_until)
    queryset: object = None  # model -> QuerySet for a rebuild
    languages: object = None  # obj -> languages with own text

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)

    def objects(self):
        if self.queryset:
            return self.queryset(self.model)
        return self.model._default_manager.all()


def _window(obj):
    return obj.is_published, obj.visible_from, obj.visible_until


def _always(obj):
    return True, None, None


def _translated(field):
    def languages(obj):
        return [code for code in language_codes() if own(obj, field, code)]

    return languages


# --- What each kind contributes ----------------------------------------------------------


def _person(person, language):
    from contacts import languages as spoken

    towns = ", ".join(town.name for town in person.municipalities.all())
    speaks = [spoken.describe(code) for code in person.languages]
    team = in_language(person.team, "name", language) if person.team_id else ""
    body = " · ".join(
        part
        for part in (
            in_language(person, "job_title", language),
            in_language(person, "department", language),
            team,
            towns,
            ", ".join(f"{item['name']} {item['endonym']}" for item in speaks),
        )
        if part
    )
    parts = (*person.honorific_prefixes, person.first_name, person.last_name)
    title = " ".join(part for part in parts if part)
    return title, body, f"ansprechpersonen/{person.slug}/"


def _person_languages(person):
    # The name is the same in every language: each language the site has a job title in.
    return [code for code in language_codes() if own(person, "job_title", code)] or [
        SOURCE_LANGUAGE
    ]


def _people(model):
    return model.objects.select_related("team").prefetch_related("municipalities")


def _team(team, language):
    from django.utils.text import slugify

    tasks = " ".join(in_language(task, "text", language) for task in team.tasks.all())
    title = f"{own(team, 'name', language)} ({team.abbreviation})".replace(" ()", "")
    body = " ".join((plain(in_language(team, "description", language)), tasks))
    return title, body, f"ansprechpersonen/#team-{slugify(team.abbreviation)}"


def _office(office, language):
    body = " ".join(
        (
            office.street,
            office.building,
            office.postal_code,
            office.town,
            plain(in_language(office, "opening_hours", language)),
            plain(in_language(office, "accessibility", language)),
            plain(in_language(office, "public_transport", language)),
        )
    )
    return own(office, "name", language), body, "ansprechpersonen/"


def _document(document, language):
    files = list(document.current_version.files.all()) if document.current_version else []
    texts = [f.text for f in files if f.language == language]
    if language == SOURCE_LANGUAGE:
        # Files in languages the document has no title in are found through the German entry.
        titled = set(_translated("title")(document))
        texts += [f.text for f in files if f.language not in titled]
    body = " ".join((plain(in_language(document, "description", language)), *texts))
    return own(document, "title", language), body, f"dokumente/{document.slug}/"


def _documents(model):
    return model.objects.select_related("current_version").prefetch_related(
        "current_version__files"
    )


def _document_visibility(document):
    return (
        document.is_published and document.current_version_id is not None,
        document.visible_from,
        document.visible_until,
    )


PROGRAMME_FIELDS = (
    "summary",
    "status_title",
    "status_text",
    "eligible_applicants",
    "funded_areas",
    "example_projects",
    "own_contribution",
    "eligible_costs",
    "project_period",
    "processing_time",
    "legal_basis",
    "co_financing_note",
)


def _programme(programme, language):
    body = " ".join(plain(in_language(programme, f, language)) for f in PROGRAMME_FIELDS)
    return own(programme, "title", language), body, "mikroprojekte/"


def _step(step, language):
    body = plain(in_language(step, "explanation", language))
    return own(step, "title", language), body, f"mikroprojekte/#step-{_step_number(step)}"


def _step_number(step):
    steps = list(step.programme.steps.values_list("pk", flat=True))
    return steps.index(step.pk) + 1 if step.pk in steps else 1


def _step_visibility(step):
    return _window(step.programme)


def _project(project, language):
    with translation.override(language):
        category = str(project.get_category_display())
    body = " ".join(
        (
            project.organisation,
            project.municipality.name,
            category,
            str(project.year),
            plain(in_language(project, "description", language)),
        )
    )
    return own(project, "title", language), body, "mikroprojekte/gefoerderte-projekte/"


def _project_visibility(project):
    return project.is_published, None, None


def _notice(notice, language):
    body = " ".join(
        (plain(in_language(notice, "text", language)), in_language(notice, "link_text", language))
    )
    return own(notice, "title", language), body, ""


def _page(page, language):
    body = " ".join(
        (in_language(page, "summary", language), plain(in_language(page, "body", language)))
    )
    path = page.get_absolute_url().split("/", 2)[2]
    return own(page, "title", language), body, path


def _page_visibility(page):
    if page.key in page.ALWAYS_PUBLIC:
        return True, None, None
    return _window(page)


SOURCES = [
    Source(
        "person",
        Kind.PERSON,
        "contacts.Person",
        _person,
        _window,
        _people,
        _person_languages,
    ),
    Source("team", Kind.TEAM, "contacts.Team", _team, _always, languages=_translated("name")),
    Source("office", Kind.TEAM, "contacts.Office", _office, _always, languages=_translated("name")),
    Source(
        "document",
        Kind.DOCUMENT,
        "documents.Document",
        _document,
        _document_visibility,
        _documents,
        _translated("title"),
    ),
    Source(
        "programme",
        Kind.PROGRAMME,
        "microprojects.FundingProgramme",
        _programme,
        _window,
        languages=_translated("title"),
    ),
    Source(
        "step",
        Kind.PROGRAMME,
        "microprojects.Step",
        _step,
        _step_visibility,
        lambda model: model.objects.select_related("programme"),
        _translated("title"),
    ),
    Source(
        "project",
        Kind.PROJECT,
        "microprojects.FundedProject",
        _project,
        _project_visibility,
        lambda model: model.objects.select_related("municipality"),
        _translated("title"),
    ),
    Source("notice", Kind.NOTICE, "pages.Notice", _notice, _window, languages=_translated("title")),
    Source(
        "page", Kind.PAGE, "pages.Page", _page, _page_visibility, languages=_translated("title")
    ),
]
SOURCES_BY_KEY = {source.key: source for source in SOURCES}


def _source_of(model):
    for source in SOURCES:
        if source.model is model:
            return source
    return None


# --- Writing entries ---------------------------------------------------------------------


def entries_for(source, obj):
    is_published, visible_from, visible_until = source.visibility(obj)
    entries = []
    languages = source.languages(obj) if source.languages else [SOURCE_LANGUAGE]
    if SOURCE_LANGUAGE not in languages:
        languages = [SOURCE_LANGUAGE, *languages]
    for language in languages:
        with translation.override(language):
            described = source.describe(obj, language)
        title, body, path = described
        title = (title or "").strip()[:300]
        if not title:
            continue
        body = (body or "")[:MAX_BODY_CHARS]
        entries.append(
            SearchEntry(
                kind=source.kind,
                source=source.key,
                object_id=obj.pk,
                language=language,
                title=title,
                body=body,
                path=path,
                folded_title=fold(title)[:300],
                folded=fold(f"{title} {body}"),
                is_published=is_published,
                visible_from=visible_from,
                visible_until=visible_until,
            )
        )
    return entries


def _fill_vectors(queryset):
    """On PostgreSQL: each entry's vector in its language's configuration, title weighted."""
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    for language in queryset.values_list("language", flat=True).distinct():
        config = text_search_config(language)
        queryset.filter(language=language).update(
            vector=SearchVector("title", weight="A", config=config)
            + SearchVector("body", weight="B", config=config)
        )


def index_object(source, obj):
    entries = entries_for(source, obj)
    with transaction.atomic():
        SearchEntry.objects.filter(source=source.key, object_id=obj.pk).delete()
        SearchEntry.objects.bulk_create(entries)
        _fill_vectors(SearchEntry.objects.filter(source=source.key, object_id=obj.pk))


def remove_object(source, pk):
    SearchEntry.objects.filter(source=source.key, object_id=pk).delete()


def rebuild():
    """Every entry anew; returns how many there are."""
    entries = []
    for source in SOURCES:
        for obj in source.objects():
            entries += entries_for(source, obj)
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchEntry.objects.bulk_create(entries, batch_size=200)
        _fill_vectors(SearchEntry.objects.all())
    return len(entries)


# --- Signals -----------------------------------------------------------------------------

_paused = []


@contextmanager
def paused():
    """No re-indexing on each save (e.g. while loading the demo); rebuild afterwards."""
    _paused.append(True)
    try:
        yield
    finally:
        _paused.pop()


def reindex(source, pk):
    if _paused:
        return
    obj = source.objects().filter(pk=pk).first()
    if obj is None:
        remove_object(source, pk)
    else:
        index_object(source, obj)


def _related(instance):
    """Objects whose entries show part of `instance`: (source key, pk)."""
    label = instance._meta.label
    if label == "contacts.Team":
        return [("person", pk) for pk in instance.people.values_list("pk", flat=True)]
    if label == "contacts.Task":
        return [("team", instance.team_id)]
    if label == "microprojects.FundingProgramme":
        return [("step", pk) for pk in instance.steps.values_list("pk", flat=True)]
    if label == "documents.DocumentVersion":
        return [("document", instance.document_id)]
    if label == "documents.DocumentFile":
        return [("document", instance.version.document_id)]
    if label == "contacts.Municipality":
        return [("person", pk) for pk in instance.responsible_people.values_list("pk", flat=True)]
    return []


RELATED_MODELS = (
    "contacts.Task",
    "documents.DocumentVersion",
    "documents.DocumentFile",
    "contacts.Municipality",
)


def _saved(sender, instance, raw=False, **kwargs):
    if raw or _paused:
        return
    source = _source_of(sender)
    if source:
        reindex(source, instance.pk)
    for key, pk in _related(instance):
        if pk is not None:
            reindex(SOURCES_BY_KEY[key], pk)


def _deleted(sender, instance, **kwargs):
    if _paused:
        return
    source = _source_of(sender)
    if source:
        remove_object(source, instance.pk)
    if sender._meta.label in RELATED_MODELS:
        try:
            related = _related(instance)
        except ObjectDoesNotExist:  # the parent went first in the same cascade
            related = []
        for key, pk in related:
            if pk is not None:
                reindex(SOURCES_BY_KEY[key], pk)


def _towns_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not _paused:
        from contacts.models import Person

        if isinstance(instance, Person):
            reindex(SOURCES_BY_KEY["person"], instance.pk)


def connect_signals():
    from django.apps import apps

    for label in [source.model_path for source in SOURCES] + list(RELATED_MODELS):
        model = apps.get_model(label)
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{label}")
    through = apps.get_model("contacts.Person").municipalities.through
    m2m_changed.connect(_towns_changed, sender=through, dispatch_uid="search-towns")
