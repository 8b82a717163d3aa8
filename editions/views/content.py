"""Staff's page for an edition's content: every area with its indicators, activities and action plan,
and the quick wins, each with the links that add, change or drop it."""

from django.db.models import Prefetch
from django.views.generic import TemplateView

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from editions.access import get_edition_for_user, require_editor
from editions.mixins import OneEditionMixin


class ContentView(OneEditionMixin, TemplateView):
    template_name = "editions/content.html"
    access = staticmethod(require_editor)

    def fetch(self, request, pk):
        return get_edition_for_user(request.user, pk, write=True)

    def get_context_data(self, **kwargs):
        edition = self.subject
        years = list(edition.years)
        areas = edition.areas.prefetch_related(
            "pokja_memberships__agency",
            Prefetch(
                "indicators",
                queryset=Indicator.objects.select_related("data_owner", "scale").prefetch_related(
                    "targets__level"
                ),
            ),
            Prefetch(
                "activities",
                queryset=PriorityActivity.objects.select_related("agency").prefetch_related("targets__level"),
            ),
            Prefetch(
                "action_rows",
                queryset=ActionPlanRow.objects.select_related("group").prefetch_related(
                    "leads__agency", "planned_actions"
                ),
            ),
        )
        quick_wins = edition.quick_wins.select_related("lead_agency").prefetch_related(
            Prefetch(
                "activities",
                queryset=PriorityActivity.objects.select_related("agency").prefetch_related("targets__level"),
            )
        )
        return super().get_context_data(
            areas=areas,
            quick_wins=quick_wins,
            years=years,
            open_amendments=list(edition.amendments.open()),
            **kwargs,
        )
