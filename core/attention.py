"""„Was ansteht“: what needs an editor's attention, on the admin's start page.

An app with something to report gives its AppConfig a method `attention(request)` that
returns `Section`s; this module names no app. Sections with the same key (drafts, for
example, come from several apps) are merged into one. Each contribution runs a fixed
number of queries, however much content exists, and reports only what the user may change.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .publication import SOON, Reviewed

# Checked longer ago than this, a page is due for another look.
REVIEW_INTERVAL = datetime.timedelta(days=365)

# Sections several apps fill; core names them, as it owns publication and review.
TRANSLATIONS, TOWNS, DRAFTS, SCHEDULED, PROGRAMME, REVIEW = (
    "translations",
    "towns",
    "drafts",
    "scheduled",
    "programme",
    "review",
)
ORDER = (TRANSLATIONS, TOWNS, DRAFTS, SCHEDULED, PROGRAMME, REVIEW)


@dataclass
class Moment:
    """A date or a time, written for the German admin and for `<time datetime>`."""

    machine: str
    text: str

    @classmethod
    def of(cls, value):
        if isinstance(value, datetime.datetime):
            local = timezone.localtime(value)
            return cls(
                local.isoformat(),
                _("%(date)s, %(time)s Uhr")
                % {"date": date_format(local, "DATE_FORMAT"), "time": local.strftime("%H:%M")},
            )
        return cls(value.isoformat(), date_format(value, "DATE_FORMAT"))


@dataclass
class Item:
    """One line: a link to what needs attention, with what it is and when."""

    text: str
    url: str = ""
    kind: str = ""
    note: str = ""
    moment: Moment | None = None
    detail: str = ""
    # Items of a merged section are sorted by this.
    sort: tuple = ()


@dataclass
class Section:
    key: str
    title: str
    items: list = field(default_factory=list)
    intro: str = ""
    # Worth knowing, but no reason to act: does not count against „nothing to do“.
    informational: bool = False


def collect(request):
    """Every app's sections, merged by key, in a fixed order; empty ones left out."""
    merged = {}
    for config in global_apps.get_app_configs():
        contribute = getattr(config, "attention", None)
        if contribute is None:
            continue
        for section in contribute(request):
            if section.key in merged:
                merged[section.key].items.extend(section.items)
            else:
                merged[section.key] = Section(**{**section.__dict__, "items": list(section.items)})
    sections = [s for s in merged.values() if s.items]
    for section in sections:
        section.items.sort(key=lambda item: item.sort)
    return sorted(
        sections, key=lambda s: (ORDER.index(s.key) if s.key in ORDER else len(ORDER), s.key)
    )


def may_change(user, model):
    meta = model._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


def admin_url(obj_or_model, view="change"):
    """The admin page of a model (`changelist`) or an object (`change`); "" without one."""
    meta = obj_or_model._meta
    args = [obj_or_model.pk] if view == "change" else []
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)
    except NoReverseMatch:
        return ""


def _count_label(count, model):
    meta = model._meta
    name = meta.verbose_name if count == 1 else meta.verbose_name_plural
    return f"{count} {name}"


def review_due(obj, *, today):
    return obj.last_checked is None or obj.last_checked <= today - REVIEW_INTERVAL


def content_sections(request, model, *, at=None):
    """Drafts, what goes live or disappears soon, and overdue checks of one model: one query."""
    if not may_change(request.user, model):
        return []
    at = at or timezone.now()
    today = timezone.localdate(at)
    objects = model._default_manager
    rows = objects.drafts() | objects.going_live(at=at) | objects.expiring(at=at)
    reviewed = issubclass(model, Reviewed)
    if reviewed:
        rows = rows | objects.filter(last_checked__isnull=True)
        rows = rows | objects.filter(last_checked__lte=today - REVIEW_INTERVAL)
    rows = list(rows)
    kind = str(model._meta.verbose_name)
    sections = []

    drafts = [obj for obj in rows if not obj.is_published]
    if drafts:
        url = admin_url(model, "changelist")
        sections.append(
            Section(
                DRAFTS,
                _("Entwürfe"),
                [
                    Item(
                        _count_label(len(drafts), model),
                        url=url and f"{url}?is_published__exact=0",
                        sort=(str(model._meta.verbose_name_plural),),
                    )
                ],
                intro=_("Noch nicht veröffentlicht: Leser sehen sie nicht."),
            )
        )

    scheduled = []
    for obj in rows:
        if not obj.is_published:
            continue
        if obj.visible_from and at < obj.visible_from <= at + SOON:
            scheduled.append((obj, _("sichtbar ab"), obj.visible_from))
        if obj.visible_until and at < obj.visible_until <= at + SOON:
            scheduled.append((obj, _("sichtbar bis"), obj.visible_until))
    if scheduled:
        sections.append(
            Section(
                SCHEDULED,
                _("Geplant in den nächsten 14 Tagen"),
                [
                    Item(
                        str(obj),
                        url=admin_url(obj),
                        kind=kind,
                        note=label,
                        moment=Moment.of(when),
                        sort=(when,),
                    )
                    for obj, label, when in scheduled
                ],
                intro=_("Diese Inhalte erscheinen oder verschwinden von selbst."),
            )
        )

    if reviewed:
        due = [obj for obj in rows if review_due(obj, today=today)]
        if due:
            sections.append(
                Section(
                    REVIEW,
                    _("Seit einem Jahr oder noch nie geprüft"),
                    [
                        Item(
                            str(obj),
                            url=admin_url(obj),
                            kind=kind,
                            note=_("zuletzt geprüft")
                            if obj.last_checked
                            else _("noch nie geprüft"),
                            moment=Moment.of(obj.last_checked) if obj.last_checked else None,
                            # Never checked first, then the longest ago.
                            sort=(obj.last_checked or datetime.date.min, kind, str(obj)),
                        )
                        for obj in due
                    ],
                    intro=_(
                        "Stimmt hier noch alles? Klicken Sie nach der Prüfung auf „Sichern und "
                        "als geprüft markieren“. Leser sehen das Datum als „Stand“."
                    ),
                )
            )
    return sections
