"""Fetching priority activities and action-plan rows for a user (see roadmap.access)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from actions.models import ActionPlanRow, PriorityActivity
from roadmap.access import require_profile, require_reporter
from roadmap.models import RoadmapEdition


def get_activity_for_user(user, pk: int, write: bool = False, queryset=None) -> PriorityActivity:
    """Read: any role. Write: staff, or the admin of the activity's Perangkat Daerah Pengampu."""
    profile = require_reporter(user) if write else require_profile(user)
    queryset = (
        queryset
        if queryset is not None
        else PriorityActivity.objects.select_related("area", "quick_win", "agency")
    )
    editions = RoadmapEdition.objects.in_force()
    activity = get_object_or_404(queryset.of_editions(editions), pk=pk)
    if write and not profile.can_report_for(activity.agency):
        raise Http404("Kegiatan ini bukan tanggung jawab Perangkat Daerah Anda.")
    return activity


def get_action_row_for_user(user, pk: int, write: bool = False, queryset=None) -> ActionPlanRow:
    """Read: any role. Write (the row's own report): staff, or the admin of a lead agency (Utama)."""
    profile = require_reporter(user) if write else require_profile(user)
    queryset = queryset if queryset is not None else ActionPlanRow.objects.select_related("area", "group")
    row = get_object_or_404(queryset.filter(area__edition__in=RoadmapEdition.objects.in_force()), pk=pk)
    if write and not profile.is_staff_member and not row.leads.filter(agency_id=profile.agency_id).exists():
        raise Http404("Rencana aksi ini tidak dipimpin Perangkat Daerah Anda.")
    return row


def get_action_row_for_contribution(user, pk: int) -> ActionPlanRow:
    """A supporting agency's own contribution: staff, or the admin of an agency that supports the row."""
    profile = require_reporter(user)
    rows = ActionPlanRow.objects.filter(area__edition__in=RoadmapEdition.objects.in_force())
    if not profile.is_staff_member:
        rows = rows.supported_by(profile.agency)
    return get_object_or_404(rows.select_related("area", "group"), pk=pk)
