"""Which translations are complete, missing or outdated – and keeping that honest.

Each translated object keeps, per field and language, a fingerprint of the German text
the translation was written for (`translation_sources`). A translation is outdated exactly
when the German text differs from that fingerprint: editing German makes it outdated,
saving or confirming the translation makes it current again, and nothing else changes it.

Beside the fingerprints, each field keeps the German texts they were taken of, under the
source language's code: `{"title": {"ar": "<fp>", "en": "<fp>", "de": {"<fp>": "<German>"}}}`.
The admin compares the German a translation was made for with today's German; texts no
translation refers to any more are dropped on the next save. Data written before the texts
were kept simply lacks the "de" entry.
"""

import hashlib

from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from core.languages import SOURCE_LANGUAGE, target_languages

from .models import TranslationTracked

SOURCE = SOURCE_LANGUAGE
TARGETS = target_languages()

COMPLETE, MISSING, OUTDATED = "complete", "missing", "outdated"
STATUS_LABELS = {
    COMPLETE: _("vollständig"),
    MISSING: _("fehlt"),
    OUTDATED: _("veraltet"),
}


def fingerprint(text):
    normalised = " ".join((text or "").split())
    return hashlib.sha256(normalised.encode()).hexdigest()[:16]


def translated_fields(model):
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def tracked_models():
    return [
        m
        for m in translator.get_registered_models()
        if issubclass(m, TranslationTracked) and not m._meta.abstract
    ]


def field_status(obj, field, language):
    """Status of one field in one language; None when there is no German text to translate."""
    source = getattr(obj, f"{field}_{SOURCE}", None)
    if not source:
        return None
    if language == SOURCE:
        return COMPLETE
    if not getattr(obj, f"{field}_{language}", None):
        return MISSING
    recorded = (obj.translation_sources or {}).get(field, {}).get(language)
    return COMPLETE if recorded == fingerprint(source) else OUTDATED


def recorded_source(obj, field, language):
    """The German text the translation in `language` was made for; None when it is not known."""
    languages = (obj.translation_sources or {}).get(field, {})
    return (languages.get(SOURCE) or {}).get(languages.get(language))


def object_status(obj, language):
    """The worst status over the object's fields, with the fields that are not complete."""
    problems = {}
    for field in translated_fields(type(obj)):
        status = field_status(obj, field, language)
        if status in (MISSING, OUTDATED):
            problems[field] = status
    if MISSING in problems.values():
        return MISSING, problems
    if problems:
        return OUTDATED, problems
    return COMPLETE, problems


def record_saved_translations(sender, instance, raw=False, **kwargs):
    """pre_save: a translation that was written or changed now matches the current German."""
    if raw or not isinstance(instance, TranslationTracked):
        return
    fields = translated_fields(sender)
    _sanitise_rich_text(instance, fields)
    names = [f"{field}_{code}" for field in fields for code in (SOURCE, *TARGETS)]
    previous = None
    if instance.pk is not None:
        previous = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    state = {field: dict(langs) for field, langs in (instance.translation_sources or {}).items()}
    for field in fields:
        german = getattr(instance, f"{field}_{SOURCE}", None)
        current_source = fingerprint(german)
        languages = state.setdefault(field, {})
        for code in TARGETS:
            value = getattr(instance, f"{field}_{code}", None)
            if not value:
                languages.pop(code, None)
            elif previous is None or code not in languages or previous[f"{field}_{code}"] != value:
                languages[code] = current_source
        # The German before this save is what translations made before it were made for –
        # also for data recorded before the texts were kept.
        _keep_german_texts(languages, german, previous and previous[f"{field}_{SOURCE}"])
    instance.translation_sources = state


def _keep_german_texts(languages, *texts):
    """Keep the German text behind every fingerprint a translation still refers to, no other."""
    known = dict(languages.get(SOURCE) or {})
    for text in texts:
        if text:
            known.setdefault(fingerprint(text), text)
    used = {recorded for code, recorded in languages.items() if code != SOURCE}
    kept = {recorded: text for recorded, text in known.items() if recorded in used}
    if kept:
        languages[SOURCE] = kept
    else:
        languages.pop(SOURCE, None)


def _sanitise_rich_text(instance, fields):
    """Fingerprint what will be stored: rich text is cleaned on save, after this signal."""
    from core.richtext import RichTextField, sanitize_html

    for field in fields:
        for code in (SOURCE, *TARGETS):
            name = f"{field}_{code}"
            if isinstance(instance._meta.get_field(name), RichTextField):
                setattr(instance, name, sanitize_html(getattr(instance, name, None)))


def confirm_translations(obj, languages=TARGETS, *, save=True):
    """An editor confirms the existing translations still fit the current German text."""
    state = {field: dict(langs) for field, langs in (obj.translation_sources or {}).items()}
    for field in translated_fields(type(obj)):
        german = getattr(obj, f"{field}_{SOURCE}", None)
        current_source = fingerprint(german)
        for code in languages:
            if getattr(obj, f"{field}_{code}", None):
                state.setdefault(field, {})[code] = current_source
        if field in state:
            _keep_german_texts(state[field], german)
    obj.translation_sources = state
    if save:
        type(obj)._base_manager.filter(pk=obj.pk).update(translation_sources=state)
