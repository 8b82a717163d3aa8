"""The follow-up register: every finding staff and the Tim Pengarah may read, an agency's own only."""

from django.utils import timezone
from django_tables2 import SingleTableMixin

from areas.models import ChangeArea
from followup.access import visible_findings
from followup.filters import FindingFilter
from followup.selectors import tally
from followup.sources import last_year_over
from followup.tables import FindingTable
from roadmap.mixins import LenientFilterView, RoleRequiredMixin
from roadmap.models import RoadmapEdition, Role
from roadmap.spreadsheets import TableExportMixin


class RegisterView(RoleRequiredMixin, TableExportMixin, SingleTableMixin, LenientFilterView):
    export_title, export_name = "Register tindak lanjut hasil monev", "tindak-lanjut"
    template_name = "followup/register.html"
    table_class = FindingTable
    filterset_class = FindingFilter
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return visible_findings(self.profile).select_related("agency", "area")

    def get_filterset_kwargs(self, filterset_class):
        edition = RoadmapEdition.objects.current()
        areas = ChangeArea.objects.filter(edition=edition) if edition else ChangeArea.objects.none()
        return {
            **super().get_filterset_kwargs(filterset_class),
            "areas": list(areas),
            "own_only": self.profile.role == Role.AGENCY_ADMIN,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["counts"] = tally(self.object_list, today)
        # Only staff are offered to propose findings: the year costs three queries.
        context["last_year"] = last_year_over(today) if self.profile.is_staff_member else None
        return context
