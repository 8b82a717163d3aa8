"""Pages of the core: the teams, the risks and the regulation itself; the site icon."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from roadmap.mixins import EditionMixin
from roadmap.models import LegalBasis, TeamMember


class TeamListView(EditionMixin, TemplateView):
    template_name = "roadmap/team_list.html"

    def get_context_data(self, **kwargs):
        teams = self.edition.teams.prefetch_related(
            Prefetch("members", queryset=TeamMember.objects.select_related("agency"))
        )
        areas = self.edition.areas.prefetch_related("placements", "pokja_memberships__agency")
        return super().get_context_data(teams=teams, areas=areas, **kwargs)


class RiskListView(EditionMixin, TemplateView):
    template_name = "roadmap/risk_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(risks=self.edition.risks.prefetch_related("solutions"), **kwargs)


class RegulationView(EditionMixin, TemplateView):
    template_name = "roadmap/regulation.html"

    def get_context_data(self, **kwargs):
        edition = self.edition
        areas = edition.areas.prefetch_related("placements")
        # Section codes come from the placements themselves, in the document's order.
        sections = sorted(
            {(p.section, p.get_section_display()) for area in areas for p in area.placements.all()}
        )
        matrix = [
            (
                area,
                [next((p for p in area.placements.all() if p.section == code), None) for code, _ in sections],
            )
            for area in areas
        ]
        bases = list(edition.legal_bases.all())
        return super().get_context_data(
            legal_bases=[
                (kind.label, [basis for basis in bases if basis.kind == kind]) for kind in LegalBasis.Kind
            ],
            document_tables=edition.document_tables.all(),
            sections=sections,
            placement_matrix=matrix,
            **kwargs,
        )


@login_not_required
@require_safe
def favicon(request):
    """Browsers and tools ask for /favicon.ico whatever the page says: send them to the icon."""
    return redirect(static("img/favicon.svg"), permanent=True)
