"""What every page shares: the role check, the edition in force, lenient list filters, safe redirects."""

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django_filters.views import FilterView

from roadmap.access import require_profile
from roadmap.filters import ignore_invalid
from roadmap.models import RoadmapEdition, UserProfile


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
