"""The topics of the application, in the order of the task list, and which are done."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Task:
    key: str
    slug: str
    title: str
    optional: bool = False


TASKS = (
    Task("applicant", "antragstellende", _("Antragstellende")),
    Task("partner", "kooperation", _("Zusammenarbeit")),
    Task("project", "projekt", _("Projekt")),
    Task("target_group", "zielgruppe", _("Zielgruppe und Teilnehmende")),
    Task("municipality", "ort", _("Ort")),
    Task("period", "zeitraum", _("Projektzeitraum")),
    Task("costs", "kosten", _("Kosten- und Finanzierungsplan")),
    Task("attachments", "anlagen", _("Anlagen"), optional=True),
    Task("consent", "einwilligung", _("Einwilligung")),
)
SLUGS = "|".join(task.slug for task in TASKS)


def task_by_slug(slug):
    for task in TASKS:
        if task.slug == slug:
            return task
    raise Http404("No such task.")


@dataclass(frozen=True)
class TaskState:
    task: Task
    done: bool


def task_states(application):
    done = set(application.completed_tasks)
    return [TaskState(task, task.key in done) for task in TASKS]
