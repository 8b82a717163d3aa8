"""Stored action-plan progress: each planned action's standing kept as rows, so summaries add up rows.

The dashboard and the year-end report add up every planned action's standing of a year (thousands
of lead reports at scale). ``monev.models.PlanStanding`` keeps it, computed by the one rule
(``monev.plan_progress.action_standing``), per planned action and cut (its lead reports of
quarters 1 to the cut):

- every write of a lead report, a planned action or a row's lead agencies computes the stored rows
  of the actions it touches again, in the same transaction, the actions locked meanwhile (signals
  below, so the admin, the editions' services and the factories are covered too);
- a reader computes, under the same lock, the rows of the actions that have none yet (new actions,
  actions created in bulk). Writes only ever update rows that exist: a row deleted with its action
  is never written back.

``manage.py rebuild_plan_standings`` computes every row again; docs/standings.md.
"""

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, FilteredRelation, Q, Sum
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from actions.models import ActionPlanLead, PlannedAction
from monev import plan_cells
from monev.models import ActionProgress, PlanStanding
from monev.plan_progress import ActionStanding, PlanShare, ProgressFact, action_standing
from roadmap.models import RoadmapEdition

CUTS = (1, 2, 3, 4)
CHUNK = 500  # planned actions per query when many are computed at once
FIGURES = ("done", "reported", "pending", "percent")


def row_of(action_id: int, cut: int, standing: ActionStanding) -> PlanStanding:
    return PlanStanding(
        planned_action_id=action_id,
        cut=cut,
        done=standing.done,
        reported=standing.reported,
        pending=standing.pending,
        percent=standing.percent,
    )


def compute(action_ids: Iterable[int], *, missing_too: bool = False) -> int:
    """Store again the rows of these planned actions that exist (all of them: ``missing_too``).

    The actions are locked first (in id order), so a concurrent write of the same action waits, and
    their reports and leads are read after the lock. Returns how many actions were computed.
    """
    ids = sorted({pk for pk in action_ids if pk is not None})
    count = 0
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            count += _compute_chunk(ids[start : start + CHUNK], missing_too)
    return count


def _compute_chunk(ids: list[int], missing_too: bool) -> int:
    locked = dict(
        PlannedAction.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", "row_id")
    )
    if not missing_too:
        stored = set(PlanStanding.objects.filter(planned_action__in=locked).values_list("planned_action_id"))
        locked = {pk: row for pk, row in locked.items() if (pk,) in stored}
    if not locked:
        return 0
    leads: dict[int, list[int]] = defaultdict(list)
    for row_id, agency_id in (
        ActionPlanLead.objects.filter(row__in=set(locked.values()))
        .order_by("row", "order")
        .values_list("row_id", "agency_id")
    ):
        leads[row_id].append(agency_id)
    reports: dict[int, list[ProgressFact]] = defaultdict(list)
    for action_id, *fact in (
        ActionProgress.objects.filter(planned_action__in=locked, lead__isnull=False)
        .order_by()
        .values_list("planned_action_id", "lead_id", "quarter", "review_state", "status", "percent")
    ):
        reports[action_id].append(ProgressFact(*fact))
    rows = [
        row_of(pk, cut, action_standing(reports[pk], leads[row_id], range(1, cut + 1)))
        for pk, row_id in locked.items()
        for cut in CUTS
    ]
    # An upsert keeps each row's id: a row collected for deletion with its action stays collected.
    PlanStanding.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["planned_action", "cut"], update_fields=list(FIGURES)
    )
    return len(locked)


def rebuild() -> int:
    """Compute every planned action's rows, and every row's cells, again from the reports; returns how
    many action rows are stored."""
    with transaction.atomic():
        compute(PlannedAction.objects.values_list("pk", flat=True), missing_too=True)
        plan_cells.rebuild()
        return PlanStanding.objects.count()


# --- Keeping in step -----------------------------------------------------------------------------

_deferred = threading.local()
Pair = plan_cells.Pair


@contextmanager
def deferred() -> Iterator[None]:
    """Compute the actions and rows written within the block once, at its end (seeding, a review of
    many reports). Use it inside the writes' transaction."""
    if getattr(_deferred, "pending", None) is not None:
        yield  # the outermost block computes
        return
    _deferred.pending = (set(), set(), set())
    try:
        yield
        pending = _deferred.pending
    finally:
        _deferred.pending = None
    _flush(*pending)


def changed(
    action_ids: Iterable[int | None] = (), cells: Iterable[Pair] = (), new_cells: Iterable[Pair] = ()
):
    """These planned actions' lead reports or leads changed, and these rows' (and years') planned
    actions or leads (``new_cells``: a lead added): store their rows again, in this transaction."""
    ids = {pk for pk in action_ids if pk is not None}
    pending = getattr(_deferred, "pending", None)
    if pending is not None:
        pending[0].update(ids)
        pending[1].update(cells)
        pending[2].update(new_cells)
    else:
        _flush(ids, set(cells), set(new_cells))


def _flush(ids: set[int], cells: set[Pair], new_cells: set[Pair]) -> None:
    if ids:
        compute(ids)
        cells |= set(PlannedAction.objects.filter(pk__in=ids).values_list("row", "year"))
    plan_cells.compute(cells - new_cells)
    plan_cells.compute(new_cells, insert=True)


@receiver(pre_save, sender=ActionProgress)
def progress_to_be_saved(sender, instance: ActionProgress, raw: bool = False, update_fields=None, **kwargs):
    # A lead part moved to another action or made a contribution (as the admin may do) changes the
    # standing it leaves too; a review (update_fields without them) moves nothing.
    moving = update_fields is None or {"planned_action", "lead"} & set(update_fields)
    if instance.pk and not raw and moving:
        instance.plan_before = list(
            ActionProgress.objects.filter(pk=instance.pk, lead__isnull=False).values_list(
                "planned_action_id", flat=True
            )
        )


@receiver(post_save, sender=ActionProgress)
@receiver(post_delete, sender=ActionProgress)
def progress_written(sender, instance: ActionProgress, raw: bool = False, **kwargs) -> None:
    if raw:  # loaddata: run rebuild_plan_standings afterwards
        return
    before = getattr(instance, "plan_before", [])
    changed([*([instance.planned_action_id] if instance.lead_id else []), *before])


@receiver(pre_save, sender=PlannedAction)
def action_to_be_saved(sender, instance: PlannedAction, raw: bool = False, **kwargs) -> None:
    if instance.pk and not raw:
        instance.cells_before = list(PlannedAction.objects.filter(pk=instance.pk).values_list("row", "year"))


@receiver(post_save, sender=PlannedAction)
def action_saved(sender, instance: PlannedAction, raw: bool = False, **kwargs) -> None:
    # Moved to another row, it answers to that row's lead agencies; the rows it leaves and joins
    # count one action less and more.
    if not raw:
        changed([instance.pk], [(instance.row_id, instance.year), *getattr(instance, "cells_before", [])])


@receiver(post_delete, sender=PlannedAction)
def action_deleted(sender, instance: PlannedAction, **kwargs) -> None:
    changed(cells=[(instance.row_id, instance.year)])


def actions_of(row_ids: Iterable[int]) -> list[int]:
    return list(PlannedAction.objects.filter(row__in=set(row_ids)).values_list("pk", flat=True))


@receiver(pre_save, sender=ActionPlanLead)
def lead_to_be_saved(sender, instance: ActionPlanLead, raw: bool = False, **kwargs) -> None:
    if instance.pk and not raw:
        instance.row_before = list(
            ActionPlanLead.objects.filter(pk=instance.pk).values_list("row_id", flat=True)
        )


@receiver(post_save, sender=ActionPlanLead)
def lead_saved(sender, instance: ActionPlanLead, raw: bool = False, **kwargs) -> None:
    if not raw:
        before = getattr(instance, "row_before", [])
        changed(
            actions_of([instance.row_id, *before]),
            cells=[(row, None) for row in before],
            new_cells=[(instance.row_id, None)],
        )


@receiver(post_delete, sender=ActionPlanLead)
def lead_deleted(sender, instance: ActionPlanLead, **kwargs) -> None:
    changed(actions_of([instance.row_id]), cells=[(instance.row_id, None)])


# --- Reading -------------------------------------------------------------------------------------


def shares_by_area(
    edition: RoadmapEdition, year: int, cut: int, area_ids: list[int] | None = None
) -> dict[int, PlanShare]:
    """Each area's progress over its planned actions of the year, their lead reports of quarters 1 to
    ``cut`` (areas without any are absent; ``area_ids``: the edition's, when known): one grouped query over the stored rows, and the rows of
    actions that have none computed first."""
    area_ids = area_ids if area_ids is not None else list(edition.areas.values_list("pk", flat=True))
    actions = PlannedAction.objects.filter(row__area__in=area_ids, year=year)
    return {area_id: share for (area_id,), share in _shares(actions, cut, "row__area_id").items()}


def shares_by_area_and_year(area_ids: list[int], cut: int) -> dict[tuple[int, int], PlanShare]:
    """``shares_by_area`` of every year at once, keyed (area id, year): one grouped query."""
    return _shares(PlannedAction.objects.filter(row__area__in=area_ids), cut, "row__area_id", "year")


def _shares(actions, cut: int, *groups: str) -> dict[tuple, PlanShare]:
    """The actions' stored rows of the cut added up per ``groups``; the rows missing computed first."""
    actions = actions.alias(standing=FilteredRelation("plan_standings", condition=Q(plan_standings__cut=cut)))
    grouped = (
        actions.order_by()
        .values(*groups)
        .annotate(
            total=Count("pk"),
            stored=Count("standing"),
            done=Count("standing", filter=Q(standing__done=True)),
            reported=Count("standing", filter=Q(standing__reported=True)),
            unverified=Count("standing", filter=Q(standing__pending=True)),
            percent_sum=Sum("standing__percent"),
        )
        .values_list(*groups, "total", "stored", "done", "reported", "unverified", "percent_sum")
    )
    width = len(groups)
    found = list(grouped)
    if any(row[width] != row[width + 1] for row in found):  # new actions, or actions made in bulk
        compute(actions.filter(standing__isnull=True).values_list("pk", flat=True), missing_too=True)
        found = list(grouped.all())
    shares = {}
    for row in found:
        total, _, done, reported, unverified, percent_sum = row[width:]
        shares[row[:width]] = PlanShare(total, done, reported, unverified, percent_sum or Decimal(0))
    return shares
