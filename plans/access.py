"""Who may see, draft, review and report on agency plans: every fetch-for-user of this app is here.

- Staff and the Tim Pengarah read every plan; an agency admin reads its own agency's plans in every
  status and other agencies' approved plans only (another agency's draft is a 404).
- An agency admin drafts and corrects its own agency's plan; staff may correct any (a 403 for others).
- Staff review (approve or return) submitted plans and publish the standard indicators.
- An approved plan's indicators are reported by their agency's admins and by staff (monev).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from plans.models import AgencyPlan, PlanIndicator, PlanStatus, StandardIndicator
from roadmap.access import require_profile, require_staff
from roadmap.models import Role, UserProfile

NOT_YOURS = "Rencana aksi ini bukan milik Perangkat Daerah Anda."

PLANS = AgencyPlan.objects.select_related("agency", "edition", "reviewed_by")


def may_see_plan(profile: UserProfile | None, plan: AgencyPlan) -> bool:
    if profile is None:
        return False
    if profile.role in (Role.STAFF, Role.STEERING) or plan.status == PlanStatus.APPROVED:
        return True
    return profile.agency_id is not None and plan.agency_id == profile.agency_id


def may_draft_plan(profile: UserProfile | None, plan: AgencyPlan) -> bool:
    return profile is not None and profile.can_report and profile.can_report_for(plan.agency)


def visible_plans(profile: UserProfile):
    if profile.role in (Role.STAFF, Role.STEERING):
        return PLANS.all()
    approved = PLANS.filter(status=PlanStatus.APPROVED)
    return approved | PLANS.filter(agency=profile.agency_id) if profile.agency_id else approved


def get_plan_for_user(user, pk: int, write: bool = False) -> AgencyPlan:
    """A plan the user may read (404 otherwise); with ``write``, one they may draft (403 otherwise)."""
    profile = require_profile(user)
    plan = get_object_or_404(PLANS, pk=pk)
    if not may_see_plan(profile, plan):
        raise Http404(NOT_YOURS)
    if write and not may_draft_plan(profile, plan):
        raise PermissionDenied("Rencana aksi disusun oleh admin Perangkat Daerah pemiliknya.")
    return plan


def get_plan_for_reviewer(user, pk: int) -> AgencyPlan:
    require_staff(user, "Hanya staf Bagian Organisasi yang menyetujui atau mengembalikan rencana aksi.")
    return get_object_or_404(PLANS, pk=pk)


def get_plan_for_revision(user, pk: int) -> AgencyPlan:
    """Bagian Organisasi records an agreed revision of an approved plan's targets."""
    require_staff(user, "Revisi target rencana aksi yang disetujui dicatat oleh staf Bagian Organisasi.")
    return get_object_or_404(PLANS, pk=pk)


def get_standard_for_staff(user, pk: int) -> StandardIndicator:
    require_staff(user, "Hanya staf Bagian Organisasi yang menyusun indikator standar.")
    return get_object_or_404(StandardIndicator, pk=pk)


def may_write_plan_indicator(profile: UserProfile | None, indicator: PlanIndicator) -> bool:
    """Reports on an approved plan's indicator: its agency's admins and staff (monev.items)."""
    plan = indicator.plan
    return plan.status == PlanStatus.APPROVED and may_draft_plan(profile, plan)


def get_plan_indicator_for_user(user, pk: int, write: bool = False, queryset=None) -> PlanIndicator:
    profile = require_profile(user)
    queryset = (
        queryset if queryset is not None else PlanIndicator.objects.select_related("plan", "area", "scale")
    )
    indicator = get_object_or_404(queryset, pk=pk)
    if not may_see_plan(profile, indicator.plan):
        raise Http404(NOT_YOURS)
    if write and not may_write_plan_indicator(profile, indicator):
        if indicator.plan.status != PlanStatus.APPROVED:
            raise PermissionDenied("Indikator dilaporkan setelah rencana aksinya disetujui.")
        raise PermissionDenied("Indikator ini dilaporkan oleh admin Perangkat Daerah pemilik rencana aksi.")
    return indicator
