"""What was verifiably achieved under one road-map edition, as public rows (docs/open-data.md).

Every figure comes from the one rule (``monev.standing.year_status``, ``average_of``,
``monev.plan_progress``) applied to verified reports only (``opendata.selectors``). A row holds
values, agencies and the regulation's own words: never a report's notes, a reviewer's note, or a
person. The JSON document, the CSV files and the public page are all made from ``build``.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from actions.opendata import json_number, target_value
from monev.action_reports import STATUS_LABELS, lead_ids, leads_of, part_lines, reports_of
from monev.models import Period
from monev.periods import periods_up_to
from monev.plan_progress import PlanShare, action_standing
from monev.quarters import quarter_label
from monev.standing import Rules, YearStatus, average_of, item_years, year_status
from opendata import selectors
from roadmap.models import RoadmapEdition

# A summary row is about one area, the quick wins' target tables (which have no area), or everything.
AREA, QUICK_WINS, ALL = "area", "quick_wins", "all"


def number(value: Decimal | None) -> int | float | None:
    return None if value is None else json_number(value)


def timestamp(moment: datetime.datetime | None, zone: datetime.tzinfo | None = None) -> str | None:
    """ISO 8601 in the regency's time zone: "2020-04-20T09:15:00+07:00". ``zone``: the current time
    zone, looked up once by a caller writing thousands of rows."""
    return None if moment is None else timezone.localtime(moment, zone).isoformat(timespec="seconds")


def latest_review(reports) -> datetime.datetime | None:
    return max((r.reviewed_at for r in reports if r.reviewed_at), default=None)


def item_code(item) -> str:
    """The item's code, as the road-map workbook names it (I-12, K-40; editions/workbook.py)."""
    return f"{'I' if item.kind == 'indicator' else 'K'}-{item.pk}"


def item_fields(item) -> dict:
    agency = item.data_owner if item.kind == "indicator" else item.agency
    return {
        "item_code": item_code(item),
        "item_kind": item.kind,
        "area": item.area.name if item.area_id else None,
        "quick_win": item.quick_win.name if getattr(item, "quick_win_id", None) else None,
        "item": item.name,
        "unit": item.unit,
        "agency": agency.name if agency else None,
    }


def standing_fields(status: YearStatus) -> dict:
    return {
        "target": target_value(status.target) if status.target is not None else None,
        "value": number(status.number),
        "level": status.level.label if status.level else None,
        "nil": status.nil,
        "basis": status.basis,
        "complete": not status.incomplete if status.reported else False,
        "achievement_percent": number(status.percent),
        "steps": number(status.steps),
        "achievement": status.achievement_display if status.reported else None,
        "met": status.met,
        "state": status.state,
        "state_label": status.state_label,
        "category": status.category.label if status.category else None,
    }


@dataclass
class OpenProgress:
    edition: RoadmapEdition
    achievements: list[dict] = field(default_factory=list)
    realisations: list[dict] = field(default_factory=list)
    action_progress: list[dict] = field(default_factory=list)
    summary: list[dict] = field(default_factory=list)

    @property
    def last_verified_at(self) -> str | None:
        stamps = [r["verified_at"] for r in self.realisations + self.action_progress if r["verified_at"]]
        return max(stamps, default=None)


PERIOD_ORDER = {period: order for order, period in enumerate(Period.values)}


def realisation_rows(
    item,
    reports: list,
    rules: Rules,
    today: datetime.date,
    fields: dict,
    zone: datetime.tzinfo | None = None,
) -> list[dict]:
    """Each of the item's verified ``reports``, with the year's standing as it was at the end of its
    period (``year_status`` counts the reports it is given). ``fields``: the item's ``item_fields``."""
    rows = []
    for report in sorted(reports, key=lambda r: (r.year, PERIOD_ORDER[r.period])):
        quarter = report.quarter
        counted = periods_up_to(quarter)
        cut = [r for r in reports if r.year == report.year and r.period in counted]
        status = year_status(item, report.year, rules, today, quarter, reports=cut)
        standing = standing_fields(status)
        rows.append(
            {
                **fields,
                "year": report.year,
                "period": report.period,
                "period_label": Period(report.period).label,
                "reported_value": number(report.number),
                "reported_level": report.level.label if report.level_id else None,
                "reported_nil": report.is_nil,
                **standing,
                "compared_with": status.due_label or "target tahun",
                "verified_at": timestamp(report.reviewed_at, zone),
            }
        )
    return rows


def action_rows(
    row, action, leads: list[int], names: dict[int, str], zone: datetime.tzinfo | None = None
) -> list[dict]:
    """The planned action's standing at the end of each quarter a lead's verified report is for.
    ``leads``: the row's lead agencies' ids (``lead_ids``), ``names``: their names."""
    reports = [p for p in reports_of(action) if p.lead_id]
    rows = []
    for quarter in sorted({p.quarter for p in reports}):
        standing = action_standing(reports, leads, range(1, quarter + 1))
        rows.append(
            {
                "row_code": f"R-{row.pk}",
                "area": row.area.name,
                "group": row.group.label if row.group_id else None,
                "row": row.name,
                "action": action.text,
                "year": action.year,
                "quarter": quarter,
                "period_label": quarter_label(quarter),
                "lead_agencies": [names[lead] for lead in leads],
                "parts": [
                    {
                        "agency": names[part.lead_id],
                        "status": part.report.status if part.report else None,
                        "status_label": STATUS_LABELS[part.report.status] if part.report else None,
                        "percent": part.report.percent if part.report else None,
                    }
                    for part in standing.parts
                ],
                "parts_text": "; ".join(part_lines(standing, row)),
                "percent": number(standing.percent),
                "done": standing.done,
                "verified_at": timestamp(latest_review(standing.reports), zone),
            }
        )
    return rows


def summary_row(
    area: str | None, year: int, statuses: list[YearStatus], plan: PlanShare, rules: Rules
) -> dict:
    mean = average_of(statuses, rules)
    targeted = [s for s in statuses if s.has_target]
    return {
        "scope": AREA if area else ALL if area is None else QUICK_WINS,
        "area": area or None,
        "year": year,
        "items": len(statuses),
        "items_with_target": len(targeted),
        "items_reported": sum(1 for s in targeted if s.reported),
        "items_met": sum(1 for s in targeted if s.state == "met"),
        "average_percent": number(mean.percent),
        "category": mean.category.label if mean.category else None,
        "levels_met": mean.ordinal_met,
        "levels_with_figure": mean.ordinal_total,
        "plan_actions": plan.total,
        "plan_actions_done": plan.done,
        "plan_percent": number(plan.percent),
    }


def build(edition: RoadmapEdition, today: datetime.date | None = None) -> OpenProgress:
    today = today or timezone.localdate()
    rules = Rules.from_settings()
    zone = timezone.get_current_timezone()
    data = OpenProgress(edition)
    by_group: dict[tuple[str, int], list[YearStatus]] = defaultdict(list)  # (area name, year)
    items = selectors.indicators(edition) + selectors.activities(edition)
    for item in items:
        item.kind = "indicator" if hasattr(item, "data_owner_id") else "activity"
        group = item.area.name if item.area_id else ""  # "": the quick wins' tables
        fields = item_fields(item)
        reports = list(item.realisations.all())  # verified only (selectors)
        for year in item_years(item):
            status = year_status(item, year, rules, today, reports=reports)
            if not item.active_in(year) and not status.reported:
                continue
            by_group[group, year].append(status)
            data.achievements.append(
                {
                    **fields,
                    "year": year,
                    **standing_fields(status),
                    "verified_at": timestamp(latest_review(status.reports), zone),
                }
            )
        data.realisations += realisation_rows(item, reports, rules, today, fields, zone)
        selectors.let_go(item)
    plans: dict[tuple[str, int], PlanShare] = defaultdict(PlanShare)
    for row in selectors.plan_rows(edition):
        leads = lead_ids(row)
        names = {lead.agency_id: lead.agency.name for lead in leads_of(row)}
        for action in row.action_records:
            plans[row.area.name, action.year].add(
                action_standing([p for p in reports_of(action) if p.lead_id], leads)
            )
            data.action_progress += action_rows(row, action, leads, names, zone)
    areas = [area.name for area in edition.areas.all()] + [""]
    years = sorted({year for _, year in by_group} | {year for _, year in plans})
    for year in years:
        for area in areas:
            if (area, year) in by_group or (area, year) in plans:
                data.summary.append(summary_row(area, year, by_group[area, year], plans[area, year], rules))
        everything = [s for (_, y), statuses in by_group.items() if y == year for s in statuses]
        total = PlanShare()
        for (_, y), share in plans.items():
            if y == year:
                total.merge(share)
        data.summary.append(summary_row(None, year, everything, total, rules))
    return data
