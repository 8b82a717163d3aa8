"""Achievement of every item against its target for a year, filterable by area, agency, category and state."""

import datetime
from collections import Counter

from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import TemplateView
from django_tables2 import RequestConfig

from actions.models import ActivityTarget, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from dashboards.filters import AchievementFilter
from dashboards.tables import AchievementTable
from monev import standings
from monev.achievement import DEFAULT_CATEGORIES
from monev.models.periods import quarter_label
from monev.periods import default_year, edition_years
from monev.standing import STATE_LABELS, Rules, average_of
from roadmap.filters import ignore_invalid
from roadmap.mixins import EditionMixin
from roadmap.spreadsheets import TableExportMixin

STATE_ORDER = list(STATE_LABELS)


def achievement_rows(
    indicators, activities, year: int, today: datetime.date | None = None, quarter: int | None = None
) -> list[dict]:
    rules, today = Rules.from_settings(), today or timezone.localdate()
    rows = []
    for kind_label, items in (("Indikator", list(indicators)), ("Kegiatan", list(activities))):
        found = standings.statuses(items, year, up_to_quarter=quarter, today=today, rules=rules)
        for item, status in zip(items, found, strict=True):
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


class AchievementView(EditionMixin, TableExportMixin, TemplateView):
    export_title, export_name = "Capaian indikator dan kegiatan", "capaian"
    template_name = "dashboards/achievement.html"

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
        chosen_indicators = (
            item_filter.filter_queryset(indicators).prefetch_related(
                Prefetch(
                    "targets", queryset=IndicatorTarget.objects.filter(year=year).select_related("level")
                )
            )
            if kind != "activity"
            else Indicator.objects.none()
        )
        chosen_activities = (
            item_filter.filter_queryset(activities).prefetch_related(
                Prefetch("targets", queryset=ActivityTarget.objects.filter(year=year).select_related("level"))
            )
            if kind != "indicator"
            else PriorityActivity.objects.none()
        )
        rows = achievement_rows(chosen_indicators, chosen_activities, year, timezone.localdate(), quarter)
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
            average=average_of((row["status"] for row in rows), Rules.from_settings()),
            quarter_label=quarter_label(quarter) if quarter != 4 else "",
            cap=Rules.from_settings().cap,
            category_counts=[(c, categories.get(c.key, 0)) for c in DEFAULT_CATEGORIES],
            state_counts=[(key, label, states.get(key, 0)) for key, label in STATE_LABELS.items()],
            total=len(rows),
            **kwargs,
        )
