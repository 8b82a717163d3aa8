"""Fetching change areas and indicators for a user (see roadmap.access)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from areas.models import ChangeArea, Indicator
from roadmap.access import require_profile
from roadmap.models import RoadmapEdition, UserProfile


def readable_editions(profile: UserProfile | None, write: bool = False):
    """The editions whose items a user may read (drafts: staff only) or report on (enacted ones only)."""
    return RoadmapEdition.objects.enacted() if write else RoadmapEdition.objects.visible_to(profile)


def get_area_for_user(user, pk: int, queryset=None) -> ChangeArea:
    profile = require_profile(user)
    queryset = queryset if queryset is not None else ChangeArea.objects.all()
    return get_object_or_404(queryset.filter(edition__in=readable_editions(profile)), pk=pk)


def may_write_indicator(profile: UserProfile | None, indicator: Indicator) -> bool:
    """Indicators measure the whole regency: staff write them, and the admins of the agency that is
    the indicator's data owner (penanggung jawab data, docs/roles.md)."""
    if profile is None or not profile.can_report:
        return False
    return profile.is_staff_member or (
        indicator.data_owner_id is not None and indicator.data_owner_id == profile.agency_id
    )


def get_indicator_for_user(user, pk: int, write: bool = False, queryset=None) -> Indicator:
    profile = require_profile(user)
    queryset = queryset if queryset is not None else Indicator.objects.select_related("area", "scale")
    indicator = get_object_or_404(queryset.filter(area__edition__in=readable_editions(profile, write)), pk=pk)
    if write and not may_write_indicator(profile, indicator):
        raise PermissionDenied(
            "Hanya staf Bagian Organisasi dan Perangkat Daerah penanggung jawab data yang mengisi indikator ini."
        )
    return indicator
