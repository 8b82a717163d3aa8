"""Stored standings: each item's ``year_status`` kept as a row, so that whole-road-map pages read rows.

The pages over a whole road map (dashboard, achievement table, workbooks, year-end report, open
data) used to read every item's reports and judge them on every view. ``monev.models.Standing``
keeps the result, computed by the one rule (``monev.standing.year_status``), per item, year and cut:

- every write of a report, a target or an item refreshes that item's stored rows in the same
  transaction (signals below, so the admin, loaders and factories are covered too), the item
  locked meanwhile;
- a reader refreshes, under the same lock, the rows it needs that are missing (the first reading of
  a year), were computed on a day with fewer quarters over (a "whole year, today" row after a
  quarter ends) or with other achievement settings (``rules_token``). Computing under the lock is
  what keeps a reader from storing figures older than a concurrent write.

``manage.py rebuild_standings`` computes every stored row again; docs/standings.md.
"""

import datetime
import hashlib
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import FilteredRelation, Prefetch, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from actions.models import ActivityTarget, PriorityActivity
from areas.models import Indicator, IndicatorTarget, Scale, ScaleLevel
from monev import achievement
from monev.models import Realisation, ReviewState, Standing
from monev.periods import as_of, periods_up_to
from monev.quarters import YearBasis
from monev.standing import Rules, YearStatus, year_status
from plans.models import PlanIndicator, PlanTarget
from roadmap.models import RoadmapEdition

KINDS = {"indicator": Indicator, "activity": PriorityActivity, "plan": PlanIndicator}
FIELDS = {"indicator": "indicator", "activity": "activity", "plan": "plan_indicator"}  # Standing's keys
SCALED = ("indicator", "plan")  # kinds whose items may have a scale of levels
Key = tuple[str, int]  # ("indicator", 7)
Slot = tuple[int, int]  # (year, cut): cut 0 is the whole year read on the day, 1–4 up to that quarter's end
CHUNK = 500  # items per refresh when many are computed at once


def key_of(item) -> Key:
    return (next(kind for kind, model in KINDS.items() if isinstance(item, model)), item.pk)


def label_of(key: Key) -> str:
    return f"{key[0]}:{key[1]}"


def cut_of(up_to_quarter: int | None) -> int:
    return up_to_quarter or 0


def rules_token(rules: Rules) -> str:
    return hashlib.sha1(repr(rules).encode()).hexdigest()[:16]


def quarters_over_for(year: int, cut: int, today: datetime.date) -> int:
    """The quarters over on the day a row of this cut is read: fixed for 1–4, the calendar's for 0."""
    return achievement.quarters_over(year, as_of(year, cut or None, today))


# --- A status as a row and back ------------------------------------------------------------------


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def dump(status: YearStatus) -> dict:
    basis = status.figure_basis
    detail = {
        "number": _text(status.number),
        "level": status.level.pk if status.level else None,
        "nil": status.nil,
        "basis": [basis.source, list(basis.quarters), list(basis.missing)],
        "percent": _text(status.percent),
        "steps": _text(status.steps),
        "met": status.met,
        "on_track": status.on_track,
        "due": status.due_quarter,
        "returned": status.returned,
        "unverified": status.unverified,
    }
    if status.provisional is not None:
        detail["provisional"] = dump(status.provisional)
    return detail


def load(detail: dict, year: int, target, quarters_over: int, levels: dict[int, ScaleLevel]) -> YearStatus:
    source, quarters, missing = detail["basis"]
    status = YearStatus(
        year=year,
        target=target,
        number=_decimal(detail["number"]),
        level=levels.get(detail["level"]),
        nil=detail["nil"],
        figure_basis=YearBasis(source, tuple(quarters), tuple(missing)),
        returned=detail["returned"],
        unverified=detail["unverified"],
        percent=_decimal(detail["percent"]),
        steps=_decimal(detail["steps"]),
        met=detail["met"],
        on_track=detail["on_track"],
        quarters_over=quarters_over,
        due_quarter=detail["due"],
    )
    if "provisional" in detail:
        status.provisional = load(detail["provisional"], year, target, quarters_over, levels)
    return status


def level_ids(detail: dict) -> set[int]:
    found = {detail["level"]} if detail["level"] else set()
    return found | (level_ids(detail["provisional"]) if "provisional" in detail else set())


def row_of(key: Key, year: int, cut: int, status: YearStatus, token: str) -> Standing:
    row = Standing(
        item=label_of(key),
        year=year,
        cut=cut,
        quarters_over=status.quarters_over,
        rules=token,
        state=status.state,
        percent=status.percent,
        ordinal=status.ordinal,
        has_target=status.has_target,
        reported=status.reported,
        met=status.met,
        unverified=status.unverified,
        detail=dump(status),
    )
    setattr(row, f"{FIELDS[key[0]]}_id", key[1])
    return row


# --- Writing -------------------------------------------------------------------------------------


def compute(item, year: int, cut: int, rules: Rules, today: datetime.date) -> YearStatus:
    """``year_status`` as the read pages ask for it: drafts left out, the cut's periods only."""
    periods = set(periods_up_to(cut or None))
    reports = [r for r in item.realisations.all() if r.year == year and r.period in periods]
    return year_status(item, year, rules, today, cut or None, reports=reports)


def refresh(
    keys: Iterable[Key],
    wanted: Iterable[Slot] = (),
    *,
    rules: Rules | None = None,
    today: datetime.date | None = None,
) -> dict[tuple[Key, int, int], YearStatus]:
    """Compute and store again these items' rows: those stored and the ``wanted`` (year, cut) slots.

    Each item is locked first (kinds and ids in order), so a concurrent write of the same item
    waits, and its reports are read after the lock: the rows stored hold every committed report.
    Returns the statuses computed, keyed (key, year, cut).
    """
    rules, today = rules or Rules.from_settings(), today or timezone.localdate()
    token, wanted = rules_token(rules), set(wanted)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for kind, pk in set(keys):
        if pk is not None:
            by_kind[kind].append(pk)
    computed: dict[tuple[Key, int, int], YearStatus] = {}
    with transaction.atomic():
        for kind in sorted(by_kind):
            ids = sorted(by_kind[kind])
            for start in range(0, len(ids), CHUNK):
                computed |= _refresh_chunk(kind, ids[start : start + CHUNK], wanted, rules, token, today)
    return computed


def _refresh_chunk(kind, ids, wanted, rules, token, today) -> dict:
    model = KINDS[kind]
    locked = list(
        model.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    labels = [label_of((kind, pk)) for pk in locked]
    slots: dict[str, set[Slot]] = defaultdict(lambda: set(wanted))
    for label, year, cut in Standing.objects.filter(item__in=labels).values_list("item", "year", "cut"):
        slots[label].add((year, cut))
    years = {year for label in labels for year, _ in slots[label]}
    reports = Realisation.objects.filter(year__in=years).exclude(review_state=ReviewState.DRAFT)
    items = model.objects.filter(pk__in=locked).prefetch_related(
        "targets__level", Prefetch("realisations", queryset=reports.select_related("level"))
    )
    if kind in SCALED:
        items = items.select_related("scale").prefetch_related("scale__levels")
    computed, rows = {}, []
    for item in items:
        key = (kind, item.pk)
        for year, cut in sorted(slots[label_of(key)]):
            status = compute(item, year, cut, rules, today)
            computed[(key, year, cut)] = status
            rows.append(row_of(key, year, cut, status, token))
    Standing.objects.filter(item__in=labels).delete()
    Standing.objects.bulk_create(rows, batch_size=CHUNK)
    return computed


def rebuild() -> int:
    """Compute every stored row again from the reports; returns how many rows are stored."""
    with transaction.atomic():
        stored = Standing.objects.values_list(*(f"{field}_id" for field in FIELDS.values())).distinct()
        refresh((kind, pk) for ids in stored for kind, pk in zip(FIELDS, ids, strict=True) if pk)
        return Standing.objects.count()


_deferred = threading.local()


@contextmanager
def deferred() -> Iterator[None]:
    """Store the rows of the items written within the block once, at its end (many writes of the same
    items: seeding, the Excel import, a review of many reports). Use it inside the writes' transaction."""
    if getattr(_deferred, "keys", None) is not None:
        yield  # the outermost block refreshes
        return
    _deferred.keys = set()
    try:
        yield
        keys = _deferred.keys
    finally:
        _deferred.keys = None
    refresh(keys)


def changed(keys: Iterable[Key]) -> None:
    """These items' reports, targets or settings changed: store their rows again, in this transaction."""
    keys = [key for key in keys if key[1] is not None]
    pending = getattr(_deferred, "keys", None)
    if pending is not None:
        pending.update(keys)
    elif keys:
        refresh(keys)


def items_of(report: Realisation) -> list[Key]:
    return [(kind, getattr(report, f"{field}_id")) for kind, field in FIELDS.items()]


@receiver(pre_save, sender=Realisation)
def report_to_be_saved(sender, instance: Realisation, raw: bool = False, **kwargs) -> None:
    # A report moved to another item (as the admin may do) changes the standing it leaves too.
    if instance.pk and not raw:
        before = Realisation.objects.filter(pk=instance.pk).values_list(*(f"{f}_id" for f in FIELDS.values()))
        found = before.first()
        instance.items_before = list(zip(FIELDS, found, strict=True)) if found else []


@receiver(post_save, sender=Realisation)
@receiver(post_delete, sender=Realisation)
def report_written(sender, instance: Realisation, raw: bool = False, **kwargs) -> None:
    if not raw:  # loaddata: run rebuild_standings afterwards
        changed([*items_of(instance), *getattr(instance, "items_before", [])])


@receiver(post_save, sender=IndicatorTarget)
@receiver(post_delete, sender=IndicatorTarget)
def indicator_target_written(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        changed([("indicator", instance.indicator_id)])


@receiver(post_save, sender=ActivityTarget)
@receiver(post_delete, sender=ActivityTarget)
def activity_target_written(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        changed([("activity", instance.activity_id)])


@receiver(post_save, sender=PlanTarget)
@receiver(post_delete, sender=PlanTarget)
def plan_target_written(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        changed([("plan", instance.indicator_id)])


@receiver(post_save, sender=Indicator)
@receiver(post_save, sender=PriorityActivity)
@receiver(post_save, sender=PlanIndicator)
def item_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    # Direction, aggregation and scale enter the standing; a new item has no rows yet.
    if not created and not raw:
        changed([key_of(instance)])


@receiver(post_save, sender=ScaleLevel)
@receiver(post_delete, sender=ScaleLevel)
@receiver(post_save, sender=Scale)
def scale_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    # Rare (an administrator's edit): the rows of every item are computed again when next read.
    if not raw:
        Standing.objects.all().delete()


# --- Reading -------------------------------------------------------------------------------------


def _stored(
    labels: Sequence[str], year: int, cut: int, over: int, token: str, *columns: str
) -> dict[str, tuple]:
    """The rows of these items for the slot that are current (the rest are to be computed)."""
    rows = Standing.objects.filter(item__in=labels, year=year, cut=cut).values_list(
        "item", "quarters_over", "rules", *columns
    )
    return {row[0]: row[3:] for row in rows if row[1] == over and row[2] == token}


def statuses(
    items: Sequence,
    year: int,
    *,
    up_to_quarter: int | None = None,
    today: datetime.date,
    rules: Rules | None = None,
) -> list[YearStatus]:
    """Each item's ``year_status`` (drafts left out), in the order given, from the stored rows.

    Items come with ``targets`` prefetched. No status carries its ``reports`` (pages that print
    report texts read them themselves), whether read from a row or computed now.
    """
    rules = rules or Rules.from_settings()
    cut = cut_of(up_to_quarter)
    over, token = quarters_over_for(year, cut, today), rules_token(rules)
    keys = [key_of(item) for item in items]
    stored = _stored([label_of(k) for k in keys], year, cut, over, token, "detail")
    missing = [key for key in keys if label_of(key) not in stored]
    computed = refresh(missing, [(year, cut)], rules=rules, today=today) if missing else {}
    ids = {level for (detail,) in stored.values() for level in level_ids(detail)}
    levels = {level.pk: level for item in items for level in prefetched_levels(item) if level.pk in ids}
    ids -= levels.keys()
    levels |= ScaleLevel.objects.in_bulk(ids) if ids else {}
    result = []
    for item, key in zip(items, keys, strict=True):
        target = item.targets_by_year.get(year)
        if label_of(key) in stored:
            result.append(load(stored[label_of(key)][0], year, target, over, levels))
        else:
            status = computed[(key, year, cut)]
            status.reports = []
            if status.provisional is not None:
                status.provisional.reports = []
            result.append(status)
    return result


def prefetched_levels(item) -> list[ScaleLevel]:
    """The levels of the item's scale where the caller has them already (``scale__levels``
    prefetched), else none: no query."""
    scale = item._state.fields_cache.get("scale") if getattr(item, "scale_id", None) else None
    return (
        scale._prefetched_objects_cache.get("levels", [])
        if scale is not None and hasattr(scale, "_prefetched_objects_cache")
        else []
    )


@dataclass(frozen=True)
class Tally:
    """What the summaries of a whole road map need of an item's standing (no item, no target)."""

    key: Key
    area_id: int | None
    quick_win_id: int | None
    state: str
    percent: Decimal | None
    ordinal: bool
    has_target: bool
    met: bool | None
    unverified: int
    reported: bool


TALLY = ("state", "percent", "ordinal", "has_target", "met", "unverified", "reported")


def edition_tallies(
    edition: RoadmapEdition,
    year: int,
    *,
    up_to_quarter: int | None = None,
    today: datetime.date,
    rules: Rules | None = None,
) -> list[Tally]:
    """Every indicator's and activity's standing in the edition, as plain values: one query per kind,
    each item read with its stored row of the slot (joined, not listed), the rest computed now."""
    rules = rules or Rules.from_settings()
    cut = cut_of(up_to_quarter)
    over, token = quarters_over_for(year, cut, today), rules_token(rules)

    def row():  # a FilteredRelation serves one queryset only
        return FilteredRelation("standings", condition=Q(standings__year=year, standings__cut=cut))

    columns = ("row__quarters_over", "row__rules", *(f"row__{column}" for column in TALLY))
    places: dict[Key, tuple[int | None, int | None]] = {}
    stored: dict[str, tuple] = {}
    found = [
        (("indicator", pk), (area, None), values)
        for pk, area, *values in Indicator.objects.of_edition(edition)
        .alias(row=row())
        .values_list("pk", "area_id", *columns)
    ] + [
        (("activity", pk), (area, quick_win), values)
        for pk, area, quick_win, *values in PriorityActivity.objects.of_edition(edition)
        .alias(row=row())
        .values_list("pk", "area_id", "quick_win_id", *columns)
    ]
    for key, place, (row_over, row_rules, *tally) in found:
        places[key] = place
        if row_over == over and row_rules == token:
            stored[label_of(key)] = tuple(tally)
    missing = [key for key in places if label_of(key) not in stored]
    computed = refresh(missing, [(year, cut)], rules=rules, today=today) if missing else {}
    for (key, *slot), status in computed.items():
        if tuple(slot) == (year, cut):  # the item's other stored slots are computed again too
            stored[label_of(key)] = tally_of(status)
    return [Tally(key, *places[key], *stored[label_of(key)]) for key in places]


def tally_of(status: YearStatus) -> tuple:
    return tuple(getattr(status, column) for column in TALLY)


def plan_tallies(
    ids: Sequence[int], year: int, *, today: datetime.date, rules: Rules | None = None
) -> dict[int, Tally]:
    """These agency-plan indicators' standings of the whole year, read on ``today``, as plain values
    (no place in the road map): one query, plus computing the rows not stored yet."""
    rules = rules or Rules.from_settings()
    over, token = quarters_over_for(year, 0, today), rules_token(rules)
    keys = [("plan", pk) for pk in ids]
    stored = _stored([label_of(k) for k in keys], year, 0, over, token, *TALLY)
    missing = [key for key in keys if label_of(key) not in stored]
    for (key, *slot), status in refresh(missing, [(year, 0)], rules=rules, today=today).items():
        if tuple(slot) == (year, 0):  # the item's other stored slots are computed again too
            stored[label_of(key)] = tally_of(status)
    return {key[1]: Tally(key, None, None, *stored[label_of(key)]) for key in keys}


def year_columns(
    keys_by_year: dict[int, Sequence[Key]],
    columns: Sequence[str],
    *,
    today: datetime.date,
    rules: Rules | None = None,
    within: Q | None = None,
) -> dict[tuple[Key, int], tuple]:
    """The whole-year (cut 0) rows of many items over many years, as ``columns`` values keyed (key,
    year): one query for what is stored and current, the rest computed and stored now. A column is a
    ``YearStatus`` attribute of the same name (``detail``: the whole status as stored). ``within``: a
    filter of rows that holds at least those of these items (cheaper to plan than naming them all)."""
    rules = rules or Rules.from_settings()
    token = rules_token(rules)
    labels = {key: label_of(key) for keys in keys_by_year.values() for key in keys}
    # Only current rows (this day's quarters over, these rules): the others are computed again below.
    current = Q()
    for year in keys_by_year:
        current |= Q(year=year, quarters_over=quarters_over_for(year, 0, today))
    found: dict[tuple[str, int], tuple] = {
        (row[0], row[1]): row[2:]
        for row in Standing.objects.filter(
            current, within or Q(item__in=set(labels.values())), cut=0, rules=token
        )
        .order_by()
        .values_list("item", "year", *columns)
    }
    values: dict[tuple[Key, int], tuple] = {}
    for year, keys in keys_by_year.items():
        missing = []
        for key in keys:
            row = found.get((labels[key], year))
            if row is None:
                missing.append(key)
            else:
                values[key, year] = row
        if missing:
            computed = refresh(missing, [(year, 0)], rules=rules, today=today)
            for key in missing:
                status = computed.get((key, year, 0))
                if status is None:  # the item was deleted meanwhile
                    continue
                values[key, year] = tuple(
                    dump(status) if c == "detail" else getattr(status, c) for c in columns
                )
    return values
