"""Achievement of every item against its target for a year, and action-plan progress, by area and agency."""

import datetime
from collections import Counter

from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import TemplateView
from django_tables2 import RequestConfig

from actions.models import ActionPlanRow, PlannedAction, PriorityActivity
from areas.models import Indicator
from monev.achievement import DEFAULT_CATEGORIES, average
from monev.filters import AchievementFilter
from monev.models import ActionProgress, ActionStatus, Realisation, ReviewState
from monev.overview import as_of, periods_up_to
from monev.status import STATE_LABELS, Rules, year_status
from monev.tables import AchievementTable
from monev.views.action_plan import edition_plan_years, latest_lead_progress
from roadmap.filters import ignore_invalid
from roadmap.spreadsheets import TableExportMixin
from roadmap.views import EditionMixin

STATE_ORDER = list(STATE_LABELS)


def edition_years(edition) -> list[int]:
    years = set(Indicator.objects.of_edition(edition).values_list("targets__year", flat=True))
    years |= set(PriorityActivity.objects.of_edition(edition).values_list("targets__year", flat=True))
    return sorted(y for y in years if y is not None)


def default_year(edition, years: list[int]) -> int:
    today = timezone.localdate().year
    if today in years:
        return today
    return edition.start_year if edition.start_year in years else years[-1]


def achievement_rows(indicators, activities, year: int, today: datetime.date | None = None) -> list[dict]:
    rules = Rules.from_settings()
    rows = []
    for kind_label, items in (("Indikator", indicators), ("Kegiatan", activities)):
        for item in items:
            status = year_status(item, year, rules, today)
            home = item.area if item.area_id else item.quick_win
            agency = getattr(item, "agency", None)
            rows.append(
                {
                    "item": item,
                    "kind_label": kind_label,
                    "home": home,
                    "agency": agency,
                    "status": status,
                    "home_sort": (getattr(home, "order", 0) or 0, getattr(home, "number", 0) or 0, str(home)),
                    "name_sort": item.name.lower(),
                    "agency_sort": agency.name if agency else "",
                    "percent_sort": status.percent if status.percent is not None else -1,
                    "state_sort": STATE_ORDER.index(status.state),
                }
            )
    return rows


def realisations_for(year: int, periods: list[str] | None = None) -> Prefetch:
    reports = Realisation.objects.filter(year=year).select_related("level")
    return Prefetch("realisations", queryset=reports.filter(period__in=periods) if periods else reports)


class AchievementView(EditionMixin, TableExportMixin, TemplateView):
    export_title, export_name = "Capaian indikator dan kegiatan", "capaian"
    template_name = "monev/achievement.html"

    def get_context_data(self, **kwargs):
        years = edition_years(self.edition)
        data = self.request.GET.copy()
        data.setdefault("year", str(default_year(self.edition, years)))
        indicators = Indicator.objects.of_edition(self.edition).select_related("area", "scale")
        activities = PriorityActivity.objects.of_edition(self.edition).select_related(
            "area", "quick_win", "agency"
        )
        # One filter form, applied to both kinds of item.
        item_filter = AchievementFilter(data, queryset=activities, request=self.request, years=years)
        # An invalid value (a stale link, a typo) is shown with its error and ignored, like the lists do.
        fallback_year = default_year(self.edition, years)
        chosen = ignore_invalid(item_filter.form, {"year": str(fallback_year)})
        year = int(chosen["year"]) if chosen.get("year") else fallback_year
        kind = chosen.get("kind") or ""
        # "Up to a quarter" reads the year as it stood at that quarter's end, as the dashboard does.
        quarter = int(chosen["quarter"]) if chosen.get("quarter") else None
        periods = periods_up_to(quarter)
        chosen_indicators = (
            item_filter.filter_queryset(indicators).prefetch_related(
                "targets__level", "scale__levels", realisations_for(year, periods)
            )
            if kind != "activity"
            else Indicator.objects.none()
        )
        chosen_activities = (
            item_filter.filter_queryset(activities).prefetch_related(
                "targets", realisations_for(year, periods)
            )
            if kind != "indicator"
            else PriorityActivity.objects.none()
        )
        rows = achievement_rows(
            chosen_indicators, chosen_activities, year, as_of(year, quarter, timezone.localdate())
        )
        categories = Counter(row["status"].category.key for row in rows if row["status"].category)
        states = Counter(row["status"].state for row in rows)
        category = chosen.get("category") or ""
        state = chosen.get("state") or ""
        shown = [
            row
            for row in rows
            if (not category or (row["status"].category and row["status"].category.key == category))
            and (not state or row["status"].state == state)
        ]
        table = AchievementTable(shown)
        RequestConfig(self.request, paginate={"per_page": 50}).configure(table)
        return super().get_context_data(
            filter=item_filter,
            table=table,
            year=year,
            average=average([row["status"].percent for row in rows], cap=Rules.from_settings().cap),
            category_counts=[(c, categories.get(c.key, 0)) for c in DEFAULT_CATEGORIES],
            state_counts=[(key, label, states.get(key, 0)) for key, label in STATE_LABELS.items()],
            total=len(rows),
            **kwargs,
        )


def progress_share(actions: list[PlannedAction]) -> dict:
    """Done and reported counts from verified progress; what awaits review is counted apart."""
    latest = [latest_lead_progress(action) for action in actions]
    done = sum(1 for p in latest if p is not None and p.status == ActionStatus.DONE)
    reported = sum(1 for p in latest if p is not None)
    unverified = sum(
        1 for action in actions if any(p.review_state == ReviewState.SUBMITTED for p in action.progress.all())
    )
    return {
        "total": len(actions),
        "reported": reported,
        "done": done,
        "unverified": unverified,
        "share": round(100 * done / len(actions)) if actions else None,
    }


class ActionPlanProgressView(EditionMixin, TemplateView):
    """For a year: the share of planned actions done, per area and per lead agency."""

    template_name = "monev/action_plan_progress.html"

    def get_context_data(self, **kwargs):
        years = edition_plan_years(self.edition)
        try:
            year = int(self.request.GET.get("year", ""))
        except ValueError:
            year = default_year(self.edition, years)
        if year not in years:
            year = default_year(self.edition, years)
        quarter = self.request.GET.get("quarter", "")
        quarter = int(quarter) if quarter in ("1", "2", "3", "4") else None
        progress = ActionProgress.objects.filter(
            contributor__isnull=True, review_state__in=[ReviewState.VERIFIED, ReviewState.SUBMITTED]
        )
        if quarter:
            progress = progress.filter(quarter__lte=quarter)  # the plan as it stood at that quarter's end
        rows = (
            ActionPlanRow.objects.of_edition(self.edition)
            .select_related("area")
            .prefetch_related(
                "leads__agency",
                Prefetch(
                    "planned_actions",
                    queryset=PlannedAction.objects.filter(year=year).prefetch_related(
                        Prefetch("progress", queryset=progress)
                    ),
                ),
            )
        )
        by_area: dict = {}
        by_agency: dict = {}
        for row in rows:
            actions = list(row.planned_actions.all())
            by_area.setdefault(row.area, []).extend(actions)
            for lead in row.leads.all():
                by_agency.setdefault(lead.agency, []).extend(actions)
        all_actions = [action for actions in by_area.values() for action in actions]
        return super().get_context_data(
            year=year,
            years=years,
            quarter=quarter,
            quarter_choices=[(1, "TW I"), (2, "TW II"), (3, "TW III"), (4, "TW IV")],
            total=progress_share(all_actions),
            areas=[(area, progress_share(actions)) for area, actions in by_area.items()],
            agencies=sorted(
                ((agency, progress_share(actions)) for agency, actions in by_agency.items()),
                key=lambda pair: pair[0].name,
            ),
            **kwargs,
        )
