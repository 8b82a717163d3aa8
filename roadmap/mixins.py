"""What every page shares: the role check, the edition shown, lenient list filters, safe redirects."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_filters.views import FilterView

from roadmap.access import require_profile
from roadmap.filters import ignore_invalid
from roadmap.models import RoadmapEdition, UserProfile
from roadmap.notation import parse_whole


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
    """The one place that decides which edition a page shows.

    ``?edition=<id>`` names one the user may read (enacted editions for every role, drafts for staff
    only: another's is a 404); without it, the edition in force. A page about one item (an
    indicator, an activity, an action-plan row) shows that item's edition: ``show_edition_of``.
    Links keep the choice through ``{% edition_url %}`` and ``{% edition_field %}`` (roadmap/templatetags/editions.py).
    """

    edition: RoadmapEdition
    edition_in_force: bool
    # Pages about the work at hand (tasks, windows, the review queue) follow the edition in force.
    edition_switch = True

    def dispatch(self, request, *args, **kwargs):
        in_force = RoadmapEdition.objects.current()
        edition = self.chosen_edition(request, in_force)
        if edition is None:
            return render(request, "roadmap/no_edition.html", status=503)
        self._in_force_pk = in_force.pk if in_force else None
        self._show(edition)
        item_edition = self.item_edition_pk()
        if item_edition is not None:
            self.show_edition_of(item_edition)
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self) -> int | None:
        """For a page that fetches its item before dispatching: the item's edition."""
        return None

    def chosen_edition(self, request, in_force: RoadmapEdition | None) -> RoadmapEdition | None:
        if not self.edition_switch or "edition" not in request.GET:
            return in_force
        pk = parse_whole(request.GET["edition"])
        if pk is None:
            raise Http404("Edisi road map tidak dikenal.")
        if in_force is not None and pk == in_force.pk:
            return in_force
        return get_object_or_404(RoadmapEdition.objects.visible_to(self.profile), pk=pk)

    def show_edition_of(self, edition_pk: int) -> None:
        """Show the edition an item belongs to (a query only when it is not the one chosen already)."""
        self._item_page = True
        if edition_pk != self.edition.pk:
            self._show(get_object_or_404(RoadmapEdition.objects.visible_to(self.profile), pk=edition_pk))

    def _show(self, edition: RoadmapEdition) -> None:
        self.edition = edition
        self.edition_in_force = edition.pk == self._in_force_pk
        # For what renders outside the view: list filters, the navigation's areas, edition links.
        self.request.edition = edition
        self.request.edition_in_force = self.edition_in_force

    def get_context_data(self, **kwargs):
        # Another edition has other items: switching from an item's page starts at the overview.
        item_page = getattr(self, "_item_page", False)
        return super().get_context_data(
            edition=self.edition,
            edition_in_force=self.edition_in_force,
            edition_switch=self.edition_switch,
            edition_switch_path=reverse("actions:overview") if item_page else self.request.path,
            **kwargs,
        )


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
