"""Pages of the core: the teams, the risks and the regulation itself."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView
from django_filters.views import FilterView

from roadmap.access import require_profile
from roadmap.filters import ignore_invalid
from roadmap.models import LegalBasis, RoadmapEdition, TeamMember, UserProfile


class RoleRequiredMixin:
    """The one role check of a page: ``access`` takes the user and returns their profile, or raises
    PermissionDenied (403). Pages that need more than a role set it, e.g. ``staticmethod(require_staff)``."""

    access = staticmethod(require_profile)
    profile: UserProfile

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Before dispatch, so that a view's own dispatch (fetching its object) runs only for a
        # user whose role may see the page at all.
        self.profile = self.access(request.user)


class EditionMixin(RoleRequiredMixin):
    """Pages show the edition in force; without one they explain how to load it."""

    edition: RoadmapEdition

    def dispatch(self, request, *args, **kwargs):
        edition = RoadmapEdition.objects.current()
        if edition is None:
            return render(request, "roadmap/no_edition.html", status=503)
        self.edition = edition
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(edition=self.edition, **kwargs)


def safe_next(request, fallback: str) -> str:
    """Where to go after a POST: the form's ``next`` when it is a page of this site, else ``fallback``."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


class LenientFilterView(FilterView):
    """A list whose invalid filter value (a stale link, a typo) is shown with its error and ignored,
    rather than emptying the whole list as django-filter's strict default does."""

    strict = False

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        if filterset.is_bound:
            ignore_invalid(filterset.form)
        return filterset


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
