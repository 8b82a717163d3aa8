"""Tasks and reminders from apps above monev (the follow-up register, issue 18).

Tugas saya and the reminder e-mails live here, below the apps whose work they also list: those apps
register a source in their ``AppConfig.ready`` and monev calls it without importing them, so the layers
stay one way (pyproject.toml).

A task source takes the user and their profile and returns ``OtherTask`` entries (one query at most:
the navigation counts them on every page). A reminder source takes the ``deliver`` function of
``monev.reminders``, today's date and the outcome to count into, and sends its own reminders.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class OtherTask:
    group: str  # the heading it is listed under, e.g. "Tindak lanjut hasil monev"
    title: str
    detail: str  # e.g. "batas waktu 31 Maret 2021 (5 hari lagi)"
    url: str
    urgent: bool = False  # shown in red: past its deadline, or returned


TaskSource = Callable[..., list[OtherTask]]
ReminderSource = Callable[..., None]

TASK_SOURCES: list[TaskSource] = []
REMINDER_SOURCES: list[ReminderSource] = []


def register_tasks(source: TaskSource) -> None:
    if source not in TASK_SOURCES:
        TASK_SOURCES.append(source)


def register_reminders(source: ReminderSource) -> None:
    if source not in REMINDER_SOURCES:
        REMINDER_SOURCES.append(source)


def other_tasks(user, profile) -> list[OtherTask]:
    return [task for source in TASK_SOURCES for task in source(user, profile)]
