"""What each user must do next: items to report in open windows, returned reports, the review queue."""

from dataclasses import dataclass, field

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from actions.models import ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev.items import item_kind
from monev.models import ActionProgress, Period, Realisation, ReopenedItem, ReportingWindow, ReviewState
from roadmap.access import profile_of
from roadmap.models import RoadmapEdition, UserProfile

DONE_STATES = (ReviewState.SUBMITTED, ReviewState.VERIFIED)


@dataclass
class Missing:
    item: Indicator | PriorityActivity | ActionPlanRow
    window: ReportingWindow

    @property
    def report_url(self) -> str:
        kind = item_kind(self.item)
        if kind == "row":
            quarter = Period(self.window.period).quarter
            return (
                reverse("monev:action-progress", args=[self.item.pk])
                + f"?year={self.window.year}&quarter={quarter}"
            )
        query = f"?year={self.window.year}&period={self.window.period}"
        return reverse(f"monev:{kind}-report", args=[self.item.pk]) + query


@dataclass
class Tasks:
    missing: list[Missing] = field(default_factory=list)
    returned: list = field(default_factory=list)
    drafts: list = field(default_factory=list)
    awaiting_review: int = 0

    @property
    def count(self) -> int:
        return len(self.missing) + len(self.returned) + len(self.drafts) + self.awaiting_review


def responsible_items(profile: UserProfile, editions) -> tuple[list, list[ActionPlanRow]]:
    """The items of ``editions`` the user reports: staff the regency-wide indicators nobody else owns; an
    agency its own activities, the action-plan rows it leads and the indicators it is the data owner of.

    Each comes with ``edition_ref``, its edition's pk, and ``dropped_from``, for ``due_in``.
    """
    fields = ("id", "name", "dropped_from")
    indicators = (
        Indicator.objects.filter(area__edition__in=editions)
        .annotate(edition_ref=F("area__edition"))
        .only(*fields)
    )
    if profile.is_staff_member:
        return list(indicators.filter(data_owner__isnull=True)), []
    activities = (
        PriorityActivity.objects.filter(Q(area__edition__in=editions) | Q(quick_win__edition__in=editions))
        .led_by(profile.agency)
        .annotate(edition_ref=Coalesce("area__edition", "quick_win__edition"))
        .only(*fields)
    )
    rows = (
        ActionPlanRow.objects.filter(area__edition__in=editions)
        .led_by(profile.agency)
        .annotate(edition_ref=F("area__edition"))
        .only(*fields)
    )
    return list(indicators.filter(data_owner=profile.agency)) + list(activities), list(rows)


def due_in(item, year: int, in_force: dict[int, int]) -> bool:
    """Whether ``item`` is reported for ``year``: its edition is the one in force then (a later road map
    answers for the years after it, docs/editions.md) and no amendment has dropped it by then."""
    return in_force.get(year) == item.edition_ref and item.active_in(year)


def target_years(items) -> set[tuple[str, int, int]]:
    """(kind, item id, year) of every target cell of the items: cheap tuples, not objects (this runs on every page)."""
    indicators = [i.pk for i in items if isinstance(i, Indicator)]
    activities = [i.pk for i in items if isinstance(i, PriorityActivity)]
    years = {
        ("indicator", *pair)
        for pair in IndicatorTarget.objects.filter(indicator__in=indicators).values_list(
            "indicator_id", "year"
        )
    }
    years |= {
        ("activity", *pair)
        for pair in ActivityTarget.objects.filter(activity__in=activities).values_list("activity_id", "year")
    }
    return years


def missing_reports(profile: UserProfile) -> list[Missing]:
    """Items to report in the open windows (or reopened for them) that have no submitted report yet."""
    reopened = list(ReopenedItem.objects.filter(active=True, window__is_open=False).select_related("window"))
    windows = {w.pk: w for w in ReportingWindow.objects.open()} | {r.window_id: r.window for r in reopened}
    if not windows:
        return []
    in_force = RoadmapEdition.objects.in_force_by_year({w.year for w in windows.values()})
    items, rows = responsible_items(profile, set(in_force.values()))
    # Compared by ids: fetching each reopened item would cost a query apiece.
    reopened_keys = {(r.window_id, r.indicator_id, r.activity_id, r.row_id) for r in reopened}

    def reportable(item, window) -> bool:
        ids = tuple(
            item.pk if isinstance(item, kind) else None
            for kind in (Indicator, PriorityActivity, ActionPlanRow)
        )
        return window.is_open or (window.pk, *ids) in reopened_keys

    indicator_ids = [i.pk for i in items if isinstance(i, Indicator)]
    activity_ids = [i.pk for i in items if isinstance(i, PriorityActivity)]
    years = {w.year for w in windows.values()}
    done = set(
        Realisation.objects.filter(review_state__in=DONE_STATES, year__in=years)
        .filter(Q(indicator__in=indicator_ids) | Q(activity__in=activity_ids))
        .values_list("indicator_id", "activity_id", "year", "period")
    )
    progress_done = set(
        ActionProgress.objects.filter(
            review_state__in=DONE_STATES,
            lead=profile.agency_id,
            planned_action__row__in=rows,
            planned_action__year__in=years,
        )
        .values_list("planned_action__row_id", "planned_action__year", "quarter")
        .distinct()
    )
    with_target = target_years(items)
    plan_years = set(PlannedAction.objects.filter(row__in=rows).values_list("row_id", "year"))
    missing = []
    for window in sorted(windows.values(), key=lambda w: (w.year, list(Period.values).index(w.period))):
        for item in items:
            kind = item_kind(item)
            key = (item.pk, None) if kind == "indicator" else (None, item.pk)
            if (
                (kind, item.pk, window.year) in with_target
                and due_in(item, window.year, in_force)
                and reportable(item, window)
                and (*key, window.year, window.period) not in done
            ):
                missing.append(Missing(item, window))
        quarter = Period(window.period).quarter
        for row in rows if quarter else []:
            if (
                (row.pk, window.year) in plan_years
                and due_in(row, window.year, in_force)
                and reportable(row, window)
                and (row.pk, window.year, quarter) not in progress_done
            ):
                missing.append(Missing(row, window))
    return missing


def tasks_for(user) -> Tasks:
    profile = profile_of(user)
    tasks = Tasks()
    if profile is None or not profile.can_report:
        return tasks
    if profile.is_staff_member:
        mine, progress_mine = Q(reported_by=user), Q(reported_by=user)
    else:
        mine = Q(activity__agency=profile.agency) | Q(indicator__data_owner=profile.agency)
        progress_mine = Q(contributor=profile.agency) | Q(lead=profile.agency)
    tasks.returned = list(
        Realisation.objects.filter(mine, review_state=ReviewState.RETURNED).select_related(
            "indicator", "activity", "reviewed_by"
        )
    ) + list(
        ActionProgress.objects.filter(progress_mine, review_state=ReviewState.RETURNED)
        .select_related("planned_action__row", "reviewed_by")
        .distinct()
    )
    tasks.drafts = list(
        Realisation.objects.filter(mine, review_state=ReviewState.DRAFT).select_related(
            "indicator", "activity"
        )
    )
    if profile.can_verify:
        tasks.awaiting_review = (
            Realisation.objects.filter(review_state=ReviewState.SUBMITTED)
            .reviewable_by(user, profile)
            .count()
            + ActionProgress.objects.filter(review_state=ReviewState.SUBMITTED)
            .reviewable_by(user, profile)
            .count()
        )
    tasks.missing = missing_reports(profile)
    return tasks


def task_count(user) -> int:
    return tasks_for(user).count
