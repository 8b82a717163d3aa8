"""The dashboard's figures, kept per process while the reported data stays the same.

The dashboard summarises every item's stored standing (monev/standings.py) and the whole year's
action plan, and is read far more often than reports change, so each gunicorn worker keeps the
last few results in memory, keyed by a fingerprint of the data they come from. Any saved, reviewed or deleted report, progress, target or
reporting window changes the fingerprint (their history tables grow, their row counts change), so a reader never
sees figures older than the last write; roadmap items edited in the Django admin are picked up
after ``MAX_AGE`` at the latest.
"""

import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from django.db import connection

from actions.models import ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev.models import ActionProgress, Realisation, ReportingWindow

T = TypeVar("T")
MAX_ENTRIES = 16
MAX_AGE = 300.0  # seconds

_entries: OrderedDict[tuple, tuple[float, object]] = OrderedDict()
_lock = threading.Lock()


@functools.cache
def _fingerprint_sql() -> str:
    parts = []
    for model in (Realisation, ActionProgress, IndicatorTarget, ActivityTarget, ReportingWindow):
        history = model.history.model._meta.db_table
        parts += [
            f"(SELECT MAX(history_id) FROM {history})",
            f"(SELECT COUNT(*) FROM {model._meta.db_table})",
        ]
    for model in (Indicator, PriorityActivity, ActionPlanRow, PlannedAction):
        table = model._meta.db_table
        parts += [f"(SELECT MAX(id) FROM {table})", f"(SELECT COUNT(*) FROM {table})"]
    return "SELECT " + ", ".join(parts)


def data_fingerprint() -> tuple:
    """One query: what changes whenever a report, progress, target or item is written or deleted."""
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        return tuple(cursor.fetchone())


def remember(key: tuple, build: Callable[[], T]) -> T:
    """``build()``'s result for ``key`` and the current data; computed again once the data changed.

    The result is shared between requests: callers must not modify it.
    """
    fingerprint = data_fingerprint()
    full_key = (connection.alias, *key, fingerprint)
    now = time.monotonic()
    with _lock:
        entry = _entries.get(full_key)
        if entry is not None and now - entry[0] < MAX_AGE:
            _entries.move_to_end(full_key)
            return entry[1]  # type: ignore[return-value]
    value = build()
    with _lock:
        # Results of older data can never be asked for again (history ids only grow): let them go.
        for stale in [k for k in _entries if k[0] == connection.alias and k[-1] != fingerprint]:
            del _entries[stale]
        _entries[full_key] = (now, value)
        _entries.move_to_end(full_key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def forget() -> None:
    """Drop every kept result (tests start from an empty memory)."""
    with _lock:
        _entries.clear()
