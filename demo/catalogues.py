"""Translations of the demo content, kept as one gettext catalogue per language.

Translators work on `demo/translations/<code>.po` with their usual tools:
the German demo text (as stored from demo/content/) is the msgid, `<app>.<model>.<field>`
the context. After demo/loaders/ created the German content, `fill_missing()` writes each
translation into fields that are still empty, so running `load_demo` again – or after an
editor's change – never overwrites anything.
"""

from pathlib import Path

import polib
from modeltranslation.translator import translator

from translations.status import SOURCE, TARGETS, translated_fields

CATALOGUES = Path(__file__).resolve().parent / "translations"


def catalogue_path(code):
    return CATALOGUES / f"{code}.po"


def context(model, field):
    return f"{model._meta.app_label}.{model._meta.model_name}.{field}"


def translated_objects():
    """Every object of a translated model with its translated fields."""
    for model in translator.get_registered_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        # modeltranslation keeps the fields in a set; declaration order keeps the catalogues
        # the same from one run to the next.
        declared = [field.name for field in model._meta.get_fields()]
        fields = sorted(translated_fields(model), key=declared.index)
        for obj in model._default_manager.order_by("pk"):
            yield model, obj, fields


def _lookup(code):
    path = catalogue_path(code)
    if not path.exists():
        return {}
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.fuzzy and not entry.obsolete
    }


def fill_missing():
    """Fill empty translation fields from the catalogues; returns how many texts it filled."""
    lookups = {code: _lookup(code) for code in TARGETS}
    filled = 0
    for model, obj, fields in translated_objects():
        changed = []
        for field in fields:
            source = getattr(obj, f"{field}_{SOURCE}", None)
            if not source:
                continue
            for code in TARGETS:
                name = f"{field}_{code}"
                text = lookups[code].get((context(model, field), source))
                if text and not getattr(obj, name, None):
                    setattr(obj, name, text)
                    changed.append(name)
        if changed:
            obj.save()
            filled += len(changed)
    return filled


def write_catalogues():
    """(Re)write the catalogues from the database: German texts, existing translations kept."""
    CATALOGUES.mkdir(exist_ok=True)
    for code in TARGETS:
        path = catalogue_path(code)
        old = _lookup(code)
        po = polib.POFile(wrapwidth=0)
        po.metadata = {
            "Project-Id-Version": "kfi-website demo content",
            "Language": code,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
        seen = set()
        for model, obj, fields in translated_objects():
            for field in fields:
                source = getattr(obj, f"{field}_{SOURCE}", None)
                key = (context(model, field), source)
                if not source or key in seen:
                    continue
                seen.add(key)
                po.append(
                    polib.POEntry(
                        msgctxt=key[0],
                        msgid=source,
                        msgstr=getattr(obj, f"{field}_{code}", None) or old.get(key, ""),
                        comment=f"{model._meta.verbose_name}: {obj}",
                    )
                )
        po.save(str(path))
