"""Pages of agencies, priority activities, quick wins and the action plan."""

from django.db.models import Prefetch
from django.views.generic import TemplateView
from django_tables2 import SingleTableMixin

from actions.filters import ActionPlanFilter, ActivityFilter, AgencyFilter
from actions.models import ActionPlanLead, ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from actions.tables import ActionPlanTable, ActivityTable, AgencyTable
from areas.models import PokjaMembership
from areas.selectors import years_of
from roadmap.access import get_agency_for_user
from roadmap.counting import count_of
from roadmap.mixins import EditionMixin, LenientFilterView
from roadmap.models import Agency
from roadmap.spreadsheets import TableExportMixin


def activities_with_targets(queryset):
    return queryset.select_related("area", "quick_win", "agency").prefetch_related("targets__level")


def action_rows_with_details(queryset):
    return queryset.select_related("area", "group").prefetch_related("leads__agency", "planned_actions")


def target_years(items) -> list[int]:
    return list(
        ActivityTarget.objects.filter(activity__in=items)
        .values_list("year", flat=True)
        .distinct()
        .order_by("year")
    )


def plan_years(rows) -> list[int]:
    return list(
        PlannedAction.objects.filter(row__in=rows).values_list("year", flat=True).distinct().order_by("year")
    )


class AgencyListView(EditionMixin, TableExportMixin, SingleTableMixin, LenientFilterView):
    export_title, export_name = "Perangkat Daerah", "perangkat-daerah"
    template_name = "actions/agency_list.html"
    table_class = AgencyTable
    filterset_class = AgencyFilter
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        edition = self.edition
        # One subquery per count: joining the three relations counts their product.
        return Agency.objects.annotate(
            activity_count=count_of(PriorityActivity.objects.of_edition(edition), "agency"),
            action_row_count=count_of(ActionPlanLead.objects.filter(row__area__edition=edition), "agency"),
            pokja_count=count_of(PokjaMembership.objects.filter(area__edition=edition), "agency"),
        ).order_by("name")


class AgencyDetailView(EditionMixin, TemplateView):
    template_name = "actions/agency_detail.html"

    def get_context_data(self, **kwargs):
        agency = get_agency_for_user(self.request.user, self.kwargs["code"])
        edition = self.edition
        activities = activities_with_targets(PriorityActivity.objects.of_edition(edition).led_by(agency))
        led_rows = action_rows_with_details(ActionPlanRow.objects.of_edition(edition).led_by(agency))
        supported_rows = action_rows_with_details(
            ActionPlanRow.objects.of_edition(edition).supported_by(agency)
        )
        years = plan_years(ActionPlanRow.objects.of_edition(edition))
        return super().get_context_data(
            agency=agency,
            activity_table=ActivityTable(activities, years=target_years(activities), orderable=False),
            led_table=ActionPlanTable(led_rows, years=years, orderable=False),
            supported_table=ActionPlanTable(supported_rows, years=years, orderable=False),
            quick_wins=agency.led_quick_wins.filter(edition=edition),
            pokja_memberships=agency.pokja_memberships.filter(area__edition=edition).select_related("area"),
            team_seats=agency.team_seats.filter(team__edition=edition).select_related("team"),
            **kwargs,
        )


class ActivityListView(EditionMixin, TableExportMixin, SingleTableMixin, LenientFilterView):
    export_title, export_name = "Kegiatan prioritas", "kegiatan-prioritas"
    template_name = "actions/activity_list.html"
    table_class = ActivityTable
    filterset_class = ActivityFilter
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return activities_with_targets(PriorityActivity.objects.of_edition(self.edition))

    def get_table_kwargs(self):
        return {"years": target_years(self.object_list)}


class ActionPlanListView(EditionMixin, TableExportMixin, SingleTableMixin, LenientFilterView):
    export_title, export_name = "Rencana aksi", "rencana-aksi"
    template_name = "actions/action_plan_list.html"
    table_class = ActionPlanTable
    filterset_class = ActionPlanFilter
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return action_rows_with_details(ActionPlanRow.objects.of_edition(self.edition))

    def get_table_kwargs(self):
        return {"years": plan_years(ActionPlanRow.objects.of_edition(self.edition))}


class QuickWinListView(EditionMixin, TemplateView):
    template_name = "actions/quick_win_list.html"

    def get_context_data(self, **kwargs):
        quick_wins = self.edition.quick_wins.select_related("lead_agency").prefetch_related(
            Prefetch("activities", queryset=activities_with_targets(PriorityActivity.objects.all()))
        )
        tables = []
        for quick_win in quick_wins:
            activities = quick_win.activities.all()
            table = ActivityTable(activities, years=years_of(activities), orderable=False, exclude=("home",))
            tables.append((quick_win, table))
        return super().get_context_data(quick_wins=tables, **kwargs)
