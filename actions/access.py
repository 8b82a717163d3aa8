"""Fetching priority activities and action-plan rows for a user (see roadmap.access).

The ``may_*`` predicates are the single answer to "may this profile write that"; the
``get_*_for_user`` helpers fetch through them, turning a "no" into 404 (another agency's
item) or 403 (a role that never writes).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from actions.models import ActionPlanRow, PriorityActivity
from areas.access import readable_editions
from roadmap.access import require_profile, require_reporter
from roadmap.models import UserProfile


def may_write_activity(profile: UserProfile | None, activity: PriorityActivity) -> bool:
    return profile is not None and profile.can_report_for(activity.agency)


def may_lead_row(profile: UserProfile | None, row: ActionPlanRow) -> bool:
    """The row's own report: staff, or an admin of one of its lead agencies (Utama)."""
    if profile is None or not profile.can_report:
        return False
    return profile.is_staff_member or any(lead.agency_id == profile.agency_id for lead in row.leads.all())


def may_contribute(profile: UserProfile | None, row: ActionPlanRow) -> bool:
    """A supporting agency's contribution: staff, or an admin of an agency that supports the row."""
    if profile is None or not profile.can_report:
        return False
    return (
        profile.is_staff_member
        or ActionPlanRow.objects.filter(pk=row.pk).supported_by(profile.agency).exists()
    )


def get_activity_for_user(user, pk: int, write: bool = False, queryset=None) -> PriorityActivity:
    """Read: any role. Write: staff, or the admin of the activity's Perangkat Daerah Pengampu."""
    profile = require_reporter(user) if write else require_profile(user)
    queryset = (
        queryset
        if queryset is not None
        else PriorityActivity.objects.select_related("area", "quick_win", "agency")
    )
    activity = get_object_or_404(queryset.of_editions(readable_editions(profile, write)), pk=pk)
    if write and not may_write_activity(profile, activity):
        raise Http404("Kegiatan ini bukan tanggung jawab Perangkat Daerah Anda.")
    return activity


def get_action_row_for_user(user, pk: int, write: bool = False, queryset=None) -> ActionPlanRow:
    """Read: any role. Write (the row's own report): staff, or the admin of a lead agency (Utama)."""
    profile = require_reporter(user) if write else require_profile(user)
    queryset = queryset if queryset is not None else ActionPlanRow.objects.select_related("area", "group")
    row = get_object_or_404(queryset.filter(area__edition__in=readable_editions(profile, write)), pk=pk)
    if write and not may_lead_row(profile, row):
        raise Http404("Rencana aksi ini tidak dipimpin Perangkat Daerah Anda.")
    return row


def get_action_row_for_contribution(user, pk: int, queryset=None) -> ActionPlanRow:
    """A supporting agency's own contribution: staff, or the admin of an agency that supports the row."""
    profile = require_reporter(user)
    rows = (queryset if queryset is not None else ActionPlanRow.objects.all()).filter(
        area__edition__in=readable_editions(profile, write=True)
    )
    if not profile.is_staff_member:
        rows = rows.supported_by(profile.agency)
    return get_object_or_404(rows.select_related("area", "group"), pk=pk)
