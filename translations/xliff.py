"""XLIFF 1.2 export and import of content translations, for translation agencies.

One unit per translated field of one object, with a stable id `app.model.pk.field`, the
German source, the current translation as target, and a note that says where the text
appears. An import is checked completely before anything is written: a file with an error
changes nothing; a unit whose German source changed since the export is reported and skipped.
"""

import codecs
import re
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET  # noqa: S405 - only used to write; parsing uses defusedxml

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.history import revision
from core.languages import language_name
from core.richtext import RichTextField, sanitize_html

from .status import (
    COMPLETE,
    MISSING,
    OUTDATED,
    SOURCE,
    TARGETS,
    field_status,
    tracked_models,
    translated_fields,
)

NS = "urn:oasis:names:tc:xliff:document:1.2"
# Write XLIFF elements without a prefix, as translation tools expect.
ET.register_namespace("", NS)

STATE = {MISSING: "needs-translation", OUTDATED: "needs-review-translation", COMPLETE: "translated"}


def where(obj, field_name):
    """Kind of content, object and field label in words: Seite „Impressum“, Feld „Überschrift“."""
    meta = obj._meta
    return _("%(kind)s „%(name)s“, Feld „%(field)s“") % {
        "kind": meta.verbose_name,
        "name": obj,
        "field": meta.get_field(field_name).verbose_name,
    }


def _language_label(code):
    # A file may name any code; only the site's languages have a German name to show.
    try:
        return language_name(code)
    except LookupError:
        return f"„{code}“"


@dataclass
class Unit:
    id: str
    obj: object
    field: str
    source: str
    target: str
    status: str

    @property
    def is_rich(self):
        return isinstance(self.obj._meta.get_field(self.field), RichTextField)

    @property
    def note(self):
        note = where(self.obj, self.field)
        if hasattr(self.obj, "get_absolute_url"):
            note += f" – {self.obj.get_absolute_url()}"
        return note


def unit_id(obj, field_name):
    return f"{obj._meta.app_label}.{obj._meta.model_name}.{obj.pk}.{field_name}"


def units_for(language, *, everything=False):
    """Every translatable text for one language; by default only what is missing or outdated."""
    units = []
    for model in tracked_models():
        for obj in model._default_manager.order_by("pk"):
            for name in translated_fields(model):
                status = field_status(obj, name, language)
                if status is None or (status == COMPLETE and not everything):
                    continue
                units.append(
                    Unit(
                        id=unit_id(obj, name),
                        obj=obj,
                        field=name,
                        source=getattr(obj, f"{name}_{SOURCE}"),
                        target=getattr(obj, f"{name}_{language}") or "",
                        status=status,
                    )
                )
    return units


def nothing_to_export(language, *, everything=False):
    """Why there is no file to send: an empty one would look like a broken download."""
    if everything:
        return _("Es gibt noch keine Texte, die übersetzt werden können.")
    return _(
        "Für %(language)s fehlt nichts und nichts ist veraltet – es gibt nichts zu exportieren."
    ) % {"language": language_name(language)}


def export_xliff(language, *, everything=False, units=None):
    """The XLIFF document (bytes, UTF-8) for one target language.

    `units` lets a caller that already looked at what is open avoid computing it twice.
    """
    if units is None:
        units = units_for(language, everything=everything)
    root = ET.Element(f"{{{NS}}}xliff", version="1.2")
    file_el = ET.SubElement(
        root,
        f"{{{NS}}}file",
        {
            "original": "kfi-website",
            "source-language": SOURCE,
            "target-language": language,
            "datatype": "html",
            "tool-id": "kfi-website",
        },
    )
    body = ET.SubElement(file_el, f"{{{NS}}}body")
    for unit in units:
        el = ET.SubElement(
            body,
            f"{{{NS}}}trans-unit",
            {
                "id": unit.id,
                "resname": unit.id,
                "datatype": "html" if unit.is_rich else "plaintext",
            },
        )
        ET.SubElement(el, f"{{{NS}}}source", {"xml:lang": SOURCE}).text = unit.source
        target = ET.SubElement(
            el, f"{{{NS}}}target", {"xml:lang": language, "state": STATE[unit.status]}
        )
        target.text = unit.target
        ET.SubElement(el, f"{{{NS}}}note", {"from": "kfi-website"}).text = unit.note
    ET.indent(root)
    # Again here: the mapping is global, and other code (WeasyPrint's PDF metadata, for one)
    # takes the empty prefix for itself, which would give every element an `ns0:` prefix.
    ET.register_namespace("", NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@dataclass
class Text:
    """One translated field of one object, as a unit of the file names it."""

    unit_id: str
    obj: object
    field: str

    @property
    def where(self):
        return where(self.obj, self.field)


@dataclass
class Change(Text):
    old: str
    new: str


@dataclass
class ImportPlan:
    language: str = ""
    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    # Texts whose German source changed since the export: reported, never applied.
    skipped: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def ok(self):
        return not self.errors

    @property
    def stale(self):
        return [text.unit_id for text in self.skipped]

    @property
    def language_name(self):
        return language_name(self.language) if self.language in TARGETS else ""


def _text(element):
    """The text of a source/target, inline markup included (tools may split HTML into tags)."""
    if element is None:
        return ""
    inner = (element.text or "") + "".join(
        ET.tostring(child, encoding="unicode") for child in element
    )
    return inner


def _same(a, b):
    return " ".join((a or "").split()) == " ".join((b or "").split())


# Files exported before the site-wide pages moved out of the project package name their app
# by its old label; a translation agency may still send such a file back.
FORMER_APP_LABELS = {"integration_site": "pages"}


def _parse(uid):
    """(model, pk, field) of a unit id that names a translated field, or None."""
    try:
        app_label, model_name, pk, name = uid.split(".")
        app_label = FORMER_APP_LABELS.get(app_label, app_label)
        model = apps.get_model(app_label, model_name)
    except (ValueError, LookupError):
        return None
    if model not in tracked_models() or name not in translated_fields(model):
        return None
    # isdigit() alone lets "²" through, which the database lookup then refuses with an error;
    # more than 18 digits would overflow the database's integer.
    if not (pk.isascii() and pk.isdigit()) or len(pk) > 18:
        return None
    return model, int(pk), name


# Primary keys per query: well below SQLite's limit on parameters.
LOAD_CHUNK = 500


def _load(units):
    """Every object the units name, a query per model and 500 objects: {(model, pk): obj}."""
    wanted = {}
    for unit in units:
        parsed = _parse(unit.get("id", ""))
        if parsed is not None:
            wanted.setdefault(parsed[0], set()).add(parsed[1])
    objects = {}
    for model, pks in wanted.items():
        pks = sorted(pks)
        for start in range(0, len(pks), LOAD_CHUNK):
            chunk = pks[start : start + LOAD_CHUNK]
            for obj in model._default_manager.filter(pk__in=chunk):
                objects[(model, obj.pk)] = obj
    return objects


def _resolve(uid, objects):
    """The object and field a unit id names, or None."""
    parsed = _parse(uid)
    if parsed is None:
        return None
    model, pk, name = parsed
    obj = objects.get((model, pk))
    return (obj, name) if obj is not None else None


XML_DECLARATION = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
# A valid UTF-8 sequence beyond ASCII: bytes meant as UTF-8, whatever the file declares.
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _line_of(data, position):
    return data.count(b"\n", 0, position) + 1


def _encoding_problem(data):
    """Why the encoding the file declares cannot be right for its bytes, or None.

    Read with the wrong encoding, every umlaut would become a change in the preview.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte order mark: the parser reads it
    body = data.removeprefix(b"\xef\xbb\xbf")
    match = XML_DECLARATION.match(body)
    declared = match.group(1).decode("ascii") if match else "UTF-8"
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return _("Die Datei gibt die unbekannte Zeichenkodierung „%(encoding)s“ an.") % {
            "encoding": declared
        }
    if codec == "utf-8":
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as error:
            return _(
                "Die Datei gibt UTF-8 als Zeichenkodierung an, enthält aber in Zeile %(line)s "
                "Zeichen, die kein gültiges UTF-8 sind. Bitte speichern Sie sie als UTF-8."
            ) % {"line": _line_of(body, error.start)}
        return None
    if data.startswith(b"\xef\xbb\xbf") or (
        not codec.startswith(("utf-16", "utf-32"))
        and UTF8_MULTIBYTE.search(body)
        and _is_utf8(body)
    ):
        return _(
            "Die Datei gibt %(declared)s als Zeichenkodierung an, ist aber als UTF-8 "
            "gespeichert; Umlaute und andere Zeichen kämen verfälscht an. Bitte ändern Sie in "
            "der ersten Zeile encoding=„%(declared)s“ in encoding=„UTF-8“ oder speichern Sie "
            "die Datei in der angegebenen Kodierung."
        ) % {"declared": declared}
    return None


def _is_utf8(data):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# A document type or entity declaration, which no XLIFF file needs.
DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def plan_import(data, *, language=None):
    """Check an XLIFF file completely and say what importing it would change."""
    plan = ImportPlan(language=language or "")
    problem = _encoding_problem(data)
    if problem:
        plan.errors.append(problem)
        return plan
    dtd_refused = _(
        "Die Datei enthält eine DTD oder XML-Entitäten. Das ist in XLIFF-Dateien "
        "nicht erlaubt; bitte exportieren Sie die Datei ohne sie neu."
    )
    # Refused before parsing, whatever the parser would make of it; defusedxml stays as the
    # guard for what this plain look cannot see (other encodings).
    if DECLARATION.search(data):
        plan.errors.append(dtd_refused)
        return plan
    try:
        root = SafeET.fromstring(data)
    # Before ValueError: defusedxml's refusals are ValueErrors, and their text is a repr.
    except DefusedXmlException:
        plan.errors.append(dtd_refused)
        return plan
    except SafeET.ParseError as error:
        line, column = error.position
        plan.errors.append(
            _(
                "Die Datei ist kein wohlgeformtes XML: Fehler in Zeile %(line)s, Zeichen "
                "%(column)s. Bitte exportieren Sie sie aus dem Übersetzungsprogramm neu."
            )
            % {"line": line, "column": column + 1}
        )
        return plan
    except (ValueError, LookupError):
        plan.errors.append(_("Die Zeichenkodierung der Datei ist unbekannt."))
        return plan
    limit = settings.XLIFF_IMPORT_MAX_UNITS
    count = sum(1 for _unit in root.iter(f"{{{NS}}}trans-unit"))
    if count > limit:
        plan.errors.append(
            _(
                "Die Datei enthält %(count)s Einheiten. Erlaubt sind höchstens %(limit)s; "
                "bitte teilen Sie den Export auf, zum Beispiel nach Sprache oder ohne die "
                "schon übersetzten Texte."
            )
            % {
                "count": number_format(count, force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
            }
        )
        return plan
    if root.tag != f"{{{NS}}}xliff" or root.get("version") != "1.2":
        plan.errors.append(_("Die Datei ist keine XLIFF-1.2-Datei."))
        return plan
    files = root.findall(f"{{{NS}}}file")
    if not files:
        plan.errors.append(_("Die Datei enthält keine Übersetzungen."))
        return plan
    seen = set()
    objects = _load(root.iter(f"{{{NS}}}trans-unit"))
    for file_el in files:
        source_language = file_el.get("source-language", "")
        target_language = file_el.get("target-language", "")
        if source_language.split("-")[0] != SOURCE:
            plan.errors.append(
                _("Die Ausgangssprache der Datei ist %(language)s, erwartet wird Deutsch.")
                % {"language": _language_label(source_language)}
            )
        target_language = target_language.split("-")[0]
        if target_language not in TARGETS:
            plan.errors.append(
                _("Die Zielsprache %(language)s wird auf der Website nicht angeboten.")
                % {"language": _language_label(target_language)}
            )
            continue
        if plan.language and target_language != plan.language:
            plan.errors.append(
                _("Die Datei enthält Texte auf %(found)s, gewählt wurde %(chosen)s.")
                % {
                    "found": language_name(target_language),
                    "chosen": _language_label(plan.language),
                }
            )
            continue
        plan.language = target_language
        for unit in file_el.iter(f"{{{NS}}}trans-unit"):
            _plan_unit(plan, unit, seen, objects)
    return plan


def _plan_unit(plan, unit, seen, objects):
    uid = unit.get("id", "")
    if uid in seen:
        plan.errors.append(_("Die Einheit „%(id)s“ kommt doppelt vor.") % {"id": uid})
        return
    seen.add(uid)
    resolved = _resolve(uid, objects)
    if resolved is None:
        plan.errors.append(
            _("Unbekannte Einheit „%(id)s“: Dieser Text existiert auf der Website nicht (mehr).")
            % {"id": uid}
        )
        return
    obj, name = resolved
    target = _text(unit.find(f"{{{NS}}}target")).strip()
    if not target:
        return
    if not _same(_text(unit.find(f"{{{NS}}}source")), getattr(obj, f"{name}_{SOURCE}")):
        plan.skipped.append(Text(unit_id=uid, obj=obj, field=name))
        return
    if isinstance(obj._meta.get_field(name), RichTextField):
        target = sanitize_html(target)
    try:
        # E.g. a title longer than its column: PostgreSQL would refuse it halfway through applying.
        obj._meta.get_field(f"{name}_{plan.language}").run_validators(target)
    except ValidationError as error:
        # The unit id stays in the message: it is what the agency finds in its tool.
        plan.errors.extend(f"{where(obj, name)} ({uid}): {message}" for message in error.messages)
        return
    old = getattr(obj, f"{name}_{plan.language}") or ""
    if old == target:
        plan.unchanged += 1
        return
    plan.changes.append(Change(unit_id=uid, obj=obj, field=name, old=old, new=target))


@transaction.atomic
def apply_import(plan, *, user=None):
    """Write a checked plan in one transaction and one revision; returns how many texts changed."""
    if not plan.ok:
        raise ValueError("refusing to apply a plan with errors")
    by_object = {}
    for change in plan.changes:
        by_object.setdefault((type(change.obj), change.obj.pk), []).append(change)
    comment = _("Übersetzung importiert (XLIFF, %(language)s)") % {"language": plan.language_name}
    with revision(comment, user=user):
        for (model, pk), changes in by_object.items():
            obj = model._default_manager.select_for_update().get(pk=pk)
            for change in changes:
                setattr(obj, f"{change.field}_{plan.language}", change.new)
            obj.save()
    return len(plan.changes)
