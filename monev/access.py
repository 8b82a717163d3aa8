"""Who may review, reopen and download in monev (see roadmap.access).

Every fetch-for-user of monev's own objects is here: another agency's object is a 404, a
role that may not do the thing is a 403. Items themselves are fetched through
``areas.access`` and ``actions.access``.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from actions.access import may_contribute, may_lead_row, may_write_activity
from actions.models import PriorityActivity
from areas.access import may_write_indicator
from areas.models import Indicator
from monev.items import ITEM_MODELS
from monev.models import ActionProgress, Evidence, Realisation, ReportingWindow
from monev.workflow import Actor
from plans.access import may_write_plan_indicator
from plans.models import PlanIndicator
from roadmap.access import profile_of, require_profile, require_staff
from roadmap.models import Agency, UserProfile
from roadmap.notation import parse_whole

REPORT_MODELS = {"realisation": Realisation, "progress": ActionProgress}


def require_reviewer(user) -> UserProfile:
    profile = require_profile(user)
    if not profile.can_verify:
        raise PermissionDenied("Hanya staf Bagian Organisasi yang memverifikasi laporan.")
    return profile


def review_refusal(user, report) -> tuple[int, str] | None:
    """Why ``user`` may not verify or return ``report`` (HTTP status, message), or None when they may.

    Staff review every report; a Pokja member reviews the reports of its areas' items, never its own
    agency's; nobody reviews a report they submitted themselves (docs/roles.md, settings REVIEW_*).
    """
    profile = profile_of(user)
    if profile is None or not profile.can_verify:
        return 403, "Hanya staf Bagian Organisasi yang memverifikasi laporan."
    if settings.REVIEW_FORBID_OWN_REPORTS and report.reported_by_id == user.pk:
        return 403, "Laporan yang Anda ajukan sendiri diverifikasi oleh orang lain."
    if profile.is_staff_member:
        return None
    if isinstance(report, Realisation) and report.plan_indicator_id:
        return 403, "Laporan rencana aksi Perangkat Daerah diverifikasi oleh staf Bagian Organisasi."
    area_id, owner_id = report_area_and_owner(report)
    if area_id not in profile.pokja_area_ids:
        return 404, "Laporan ini bukan laporan area Pokja Anda."
    if owner_id == profile.agency_id:
        return 403, "Laporan Perangkat Daerah Anda sendiri diverifikasi oleh anggota Tim Gabungan lain."
    return None


def report_area_and_owner(report) -> tuple[int | None, int | None]:
    """The change area a report's item belongs to, and the agency whose report it is."""
    if isinstance(report, Realisation):
        item = report.indicator if report.indicator_id else report.activity
        owner = item.data_owner_id if report.indicator_id else item.agency_id
        return item.area_id, owner
    return report.planned_action.row.area_id, report.lead_id or report.contributor_id


def reviewer_actor(user, report) -> Actor:
    """Staff, or a Pokja reviewer of this report (or a reader, who may not review it)."""
    if review_refusal(user, report) is not None:
        return Actor.READER
    return Actor.STAFF if profile_of(user).is_staff_member else Actor.REVIEWER


def get_report_for_reviewer(user, kind: str, pk: int) -> Realisation | ActionProgress:
    require_reviewer(user)
    model = REPORT_MODELS.get(kind)
    if model is None:
        raise Http404("Jenis laporan tidak dikenal.")
    report = get_object_or_404(model, pk=pk)
    refusal = review_refusal(user, report)
    if refusal is not None:
        status, why = refusal
        raise Http404(why) if status == 404 else PermissionDenied(why)
    return report


def mark_reviewable(user, reports) -> None:
    """Tell the item pages which reports this user may verify or return (``report.can_review``)."""
    for report in reports:
        report.can_review = review_refusal(user, report) is None


def get_evidence_for_user(user, pk) -> Evidence:
    require_profile(user)  # every role reads every report's evidence
    return get_object_or_404(Evidence, pk=pk)


def get_item_for_reopening(user, kind: str, pk: int):
    """An indicator, activity or action-plan row staff reopen in a closed window."""
    require_staff(user)
    model = ITEM_MODELS.get(kind)
    if model is None:
        raise Http404("Jenis item tidak dikenal.")
    return get_object_or_404(model, pk=pk)


def get_closed_window_for_staff(user, window_id: str | None) -> ReportingWindow:
    require_staff(user)
    pk = parse_whole(window_id)
    if pk is None:
        raise Http404("Jendela pelaporan tidak dikenal.")
    return get_object_or_404(ReportingWindow, pk=pk, is_open=False)


def closed_windows_for(user) -> list[ReportingWindow]:
    """Closed windows the user may reopen an item in: staff only (an empty list for other roles)."""
    profile = require_profile(user)
    if not profile.is_staff_member:
        return []
    return list(ReportingWindow.objects.filter(is_open=False))


def agency_actor(user, agency: Agency) -> Actor:
    """How the review rules see ``user`` writing the reports of ``agency``'s own items (the workbook import)."""
    profile = profile_of(user)
    if profile is None or not profile.can_report:
        return Actor.READER
    if profile.is_staff_member:
        return Actor.STAFF
    return Actor.AGENCY if profile.can_report_for(agency) else Actor.READER


def reporting_actor(user, item, *, lead: Agency | None = None, contributor: Agency | None = None) -> Actor:
    """How the review rules see ``user`` writing a report on ``item`` (an indicator, activity or
    action-plan row; for a row, ``lead``'s own part or ``contributor``'s contribution)."""
    profile = profile_of(user)
    if profile is None or not profile.can_report:
        return Actor.READER
    if profile.is_staff_member:
        return Actor.STAFF
    if isinstance(item, Indicator):
        allowed = may_write_indicator(profile, item)
    elif isinstance(item, PriorityActivity):
        allowed = may_write_activity(profile, item)
    elif isinstance(item, PlanIndicator):
        allowed = may_write_plan_indicator(profile, item)
    elif contributor is not None:
        allowed = contributor.pk == profile.agency_id and may_contribute(profile, item)
    else:
        allowed = may_lead_row(profile, item) and (lead is None or lead.pk == profile.agency_id)
    return Actor.AGENCY if allowed else Actor.READER
