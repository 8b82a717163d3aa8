"""What each user must do next: items to report in open windows, returned reports, the review queue."""

from dataclasses import dataclass, field

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from actions.models import ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev.items import item_kind
from monev.models import ActionProgress, Period, Realisation, ReopenedItem, ReportingWindow, ReviewState
from monev.models.periods import quarter_label
from monev.task_sources import OtherTask, other_tasks
from plans.models import PlanIndicator, PlanStatus, PlanTarget
from roadmap.access import profile_of
from roadmap.models import RoadmapEdition, UserProfile


@dataclass
class Missing:
    item: Indicator | PriorityActivity | ActionPlanRow | PlanIndicator
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
    other: list[OtherTask] = field(default_factory=list)  # registered by apps above monev

    @property
    def count(self) -> int:
        return (
            len(self.missing) + len(self.returned) + len(self.drafts) + self.awaiting_review + len(self.other)
        )

    @property
    def other_groups(self) -> dict[str, list[OtherTask]]:
        groups: dict[str, list[OtherTask]] = {}
        for task in self.other:
            groups.setdefault(task.group, []).append(task)
        return groups


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
    # The indicators of the agency's own approved plans are reported like the road map's (docs/plans.md).
    plan_indicators = (
        PlanIndicator.objects.filter(
            plan__agency=profile.agency, plan__status=PlanStatus.APPROVED, plan__edition__in=editions
        )
        .annotate(edition_ref=F("plan__edition"))
        .only(*fields)
    )
    own = list(indicators.filter(data_owner=profile.agency)) + list(activities) + list(plan_indicators)
    return own, list(rows)


def due_in(item, year: int, in_force: dict[int, int]) -> bool:
    """Whether ``item`` is reported for ``year``: its edition is the one in force then (a later road map
    answers for the years after it, docs/editions.md) and no amendment has dropped it by then."""
    return in_force.get(year) == item.edition_ref and item.active_in(year)


def target_years(items) -> set[tuple[str, int, int]]:
    """(kind, item id, year) of every target cell of the items: cheap tuples, not objects (this runs on every page)."""
    indicators = [i.pk for i in items if isinstance(i, Indicator)]
    activities = [i.pk for i in items if isinstance(i, PriorityActivity)]
    plan_indicators = [i.pk for i in items if isinstance(i, PlanIndicator)]
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
    if plan_indicators:
        years |= {
            ("plan_indicator", *pair)
            for pair in PlanTarget.objects.filter(indicator__in=plan_indicators).values_list(
                "indicator_id", "year"
            )
        }
    return years


class OpenNow:
    """Which periods an agency may report now, for many items at the cost of two queries: the open
    windows, and the items reopened in closed ones."""

    def __init__(self):
        self.reopened = list(
            ReopenedItem.objects.filter(active=True, window__is_open=False).select_related("window")
        )
        self.windows = {w.pk: w for w in ReportingWindow.objects.open()} | {
            r.window_id: r.window for r in self.reopened
        }
        self.open = {(w.year, w.period) for w in self.windows.values() if w.is_open}
        # Compared by ids: fetching each reopened item would cost a query apiece.
        self.reopened_keys = {
            (r.window.year, r.window.period, r.indicator_id, r.activity_id, r.row_id, r.plan_indicator_id)
            for r in self.reopened
        }

    def allows(self, item_ids: tuple, year: int, period: str) -> bool:
        """``item_ids``: (indicator id, activity id, row id, plan indicator id), all but one None."""
        return (year, period) in self.open or (year, period, *item_ids) in self.reopened_keys

    def allows_report(self, report) -> bool:
        """Whether the agency may still write ``report`` (a realisation or progress) now."""
        if isinstance(report, Realisation):
            ids = (report.indicator_id, report.activity_id, None, report.plan_indicator_id)
            return self.allows(ids, report.year, report.period)
        year, period = report.planned_action.year, Period.of_quarter(report.quarter).value
        return self.allows((None, None, report.planned_action.row_id, None), year, period)


# What reminders count as reported: a draft or a returned report still has to be submitted.
SUBMITTED_STATES = (ReviewState.SUBMITTED, ReviewState.VERIFIED)


def missing_reports(
    profile: UserProfile, open_now: "OpenNow | None" = None, *, done_states: tuple | None = None
) -> list[Missing]:
    """Items to report in the open windows (or reopened for them) with no report yet.

    In the task list a draft or a returned report is not missing: it is listed once, as what it is
    (``done_states`` None: any report counts). Reminders pass ``SUBMITTED_STATES``.
    """
    open_now = open_now or OpenNow()
    windows = open_now.windows
    if not windows:
        return []
    in_force = RoadmapEdition.objects.in_force_by_year({w.year for w in windows.values()})
    items, rows = responsible_items(profile, set(in_force.values()))

    def item_ids(item) -> tuple:
        return tuple(
            item.pk if isinstance(item, kind) else None
            for kind in (Indicator, PriorityActivity, ActionPlanRow, PlanIndicator)
        )

    indicator_ids = [i.pk for i in items if isinstance(i, Indicator)]
    activity_ids = [i.pk for i in items if isinstance(i, PriorityActivity)]
    plan_indicator_ids = [i.pk for i in items if isinstance(i, PlanIndicator)]
    years = {w.year for w in windows.values()}
    states = Q(review_state__in=done_states) if done_states else Q()
    reported = set(
        Realisation.objects.filter(states, year__in=years)
        .filter(
            Q(indicator__in=indicator_ids)
            | Q(activity__in=activity_ids)
            | Q(plan_indicator__in=plan_indicator_ids)
        )
        .values_list("indicator_id", "activity_id", "plan_indicator_id", "year", "period")
    )
    progress_reported = set(
        ActionProgress.objects.filter(
            states,
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
            key = tuple(
                item.pk if kind == name else None for name in ("indicator", "activity", "plan_indicator")
            )
            if (
                (kind, item.pk, window.year) in with_target
                and due_in(item, window.year, in_force)
                and open_now.allows(item_ids(item), window.year, window.period)
                and (*key, window.year, window.period) not in reported
            ):
                missing.append(Missing(item, window))
        quarter = Period(window.period).quarter
        for row in rows if quarter else []:
            if (
                (row.pk, window.year) in plan_years
                and due_in(row, window.year, in_force)
                and open_now.allows(item_ids(row), window.year, window.period)
                and (row.pk, window.year, quarter) not in progress_reported
            ):
                missing.append(Missing(row, window))
    return missing


def form_url(report) -> str:
    """The form that corrects ``report``, opened on its period."""
    if isinstance(report, Realisation):
        kind = item_kind(report.item)
        return reverse(f"monev:{kind}-report", args=[report.item.pk]) + (
            f"?year={report.year}&period={report.period}"
        )
    row_id = report.planned_action.row_id
    query = f"?year={report.planned_action.year}&quarter={report.quarter}"
    if report.contributor_id:
        return (
            reverse("monev:action-contribution", args=[row_id])
            + query
            + f"&contributor={report.contributor_id}"
        )
    return reverse("monev:action-progress", args=[row_id]) + query


@dataclass
class Task:
    """A report the user must finish: returned or a draft, with where to correct it."""

    report: Realisation | ActionProgress
    can_write: bool  # False: the window has closed since; only staff can reopen it

    @property
    def url(self) -> str:
        return form_url(self.report)

    @property
    def item(self):
        report = self.report
        return report.item if isinstance(report, Realisation) else report.planned_action.row

    @property
    def summary(self) -> str:
        report = self.report
        if isinstance(report, Realisation):
            return report.display
        return f"{report.get_status_display()}, {report.percent}%"

    @property
    def period(self) -> str:
        report = self.report
        if isinstance(report, Realisation):
            return f"{report.get_period_display()} {report.year}"
        return f"{quarter_label(report.quarter)} {report.planned_action.year}"


def tasks_for(user) -> Tasks:
    profile = profile_of(user)
    tasks = Tasks()
    if profile is None or not profile.can_report:
        return tasks
    if profile.is_staff_member:
        mine, progress_mine = Q(reported_by=user), Q(reported_by=user)
    else:
        mine = (
            Q(activity__agency_id=profile.agency_id)
            | Q(indicator__data_owner_id=profile.agency_id)
            | Q(plan_indicator__plan__agency_id=profile.agency_id)
        )
        progress_mine = Q(contributor_id=profile.agency_id) | Q(lead_id=profile.agency_id)
    open_now = OpenNow()
    staff = profile.is_staff_member

    # Returned reports and drafts in one query per kind of report (this runs on every page).
    unfinished = (ReviewState.RETURNED, ReviewState.DRAFT)
    reports = list(
        Realisation.objects.filter(mine, review_state__in=unfinished).select_related(
            "indicator", "activity", "plan_indicator", "reviewed_by"
        )
    ) + list(
        ActionProgress.objects.filter(progress_mine, review_state__in=unfinished)
        .select_related("planned_action__row", "reviewed_by")
        .distinct()
    )
    tasks.returned = [
        Task(r, staff or open_now.allows_report(r)) for r in reports if r.review_state == ReviewState.RETURNED
    ]
    # A draft whose window has closed can no longer be submitted by the agency: not a task.
    tasks.drafts = [
        Task(r, True)
        for r in reports
        if r.review_state == ReviewState.DRAFT and (staff or open_now.allows_report(r))
    ]
    if profile.can_verify:
        tasks.awaiting_review = (
            Realisation.objects.filter(review_state=ReviewState.SUBMITTED)
            .reviewable_by(user, profile)
            .count()
            + ActionProgress.objects.filter(review_state=ReviewState.SUBMITTED)
            .reviewable_by(user, profile)
            .count()
        )
    tasks.missing = missing_reports(profile, open_now)
    tasks.other = other_tasks(user, profile)
    return tasks


def task_count(user) -> int:
    return tasks_for(user).count
