"""Writing agency plans: keyword-only, atomic, refusing with a ValidationError in Indonesian."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from plans import workflow
from plans.models import AgencyPlan, PlanActivity, PlanIndicator, PlanStatus, PlanTarget, StandardIndicator
from plans.selectors import REVISION
from roadmap.models import RoadmapEdition

INDICATOR_FIELDS = ("name", "unit", "target_kind", "scale", "direction", "aggregation")


@transaction.atomic
def create_plan(*, agency, start_year: int, user) -> AgencyPlan:
    """A draft plan for ``start_year`` and the year after, with every published standard indicator."""
    edition = RoadmapEdition.objects.current(start_year)
    if edition is None:
        raise ValidationError({"start_year": "Tidak ada road map yang berlaku untuk tahun ini."})
    if AgencyPlan.objects.filter(agency=agency, start_year=start_year).exists():
        raise ValidationError(
            {"start_year": f"{agency.short_name} sudah memiliki rencana aksi mulai {start_year}."}
        )
    plan = AgencyPlan.objects.create(agency=agency, edition=edition, start_year=start_year)
    standards = StandardIndicator.objects.filter(is_published=True, area__edition=edition)
    PlanIndicator.objects.bulk_create(from_standard(plan, standard) for standard in standards)
    return plan


def from_standard(plan: AgencyPlan, standard: StandardIndicator) -> PlanIndicator:
    return PlanIndicator(
        plan=plan,
        area_id=standard.area_id,
        standard=standard,
        order=standard.order,
        **{field: getattr(standard, field) for field in INDICATOR_FIELDS},
    )


def require_editable(plan: AgencyPlan) -> None:
    if not plan.is_editable:
        raise ValidationError("Rencana aksi yang sudah diajukan atau disetujui tidak dapat diubah di sini.")


@transaction.atomic
def save_activity(*, plan: AgencyPlan, activity: PlanActivity | None = None, **fields) -> PlanActivity:
    require_editable(plan)
    activity = activity or PlanActivity(plan=plan)
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def save_indicator(
    *, plan: AgencyPlan, indicator: PlanIndicator | None = None, targets: dict[int, dict], **fields
) -> PlanIndicator:
    """An own indicator with its fields, or a standard one with its targets only; ``targets`` by year."""
    require_editable(plan)
    indicator = indicator or PlanIndicator(plan=plan)
    if not indicator.is_standard:
        for name, value in fields.items():
            setattr(indicator, name, value)
        indicator.area_id = indicator.activity.area_id
    indicator.full_clean()
    indicator.save()
    write_targets(indicator, targets)
    return indicator


def write_targets(indicator: PlanIndicator, targets: dict[int, dict], reason: str = "") -> int:
    """Set each year's target (an empty cell removes it); returns how many targets changed."""
    current = {t.year: t for t in indicator.targets.all()}
    changed = 0
    for year, values in targets.items():
        target = current.get(year)
        if not values["as_written"]:
            if target is not None:
                target._change_reason = reason
                target.delete()
                changed += 1
            continue
        target = target or PlanTarget(indicator=indicator, year=year)
        if target.pk and all(getattr(target, name) == value for name, value in values.items()):
            continue
        for name, value in values.items():
            setattr(target, name, value)
        target._change_reason = reason
        target.save()
        changed += 1
    return changed


@transaction.atomic
def revise_targets(*, indicator: PlanIndicator, targets: dict[int, dict], reason: str, user) -> int:
    """An approved plan's targets change only here: with a reason, kept in the targets' history."""
    if not indicator.plan.is_approved:
        raise ValidationError("Revisi target hanya untuk rencana aksi yang sudah disetujui.")
    if not reason.strip():
        raise ValidationError({"reason": "Tuliskan alasan revisi target."})
    changed = write_targets(indicator, targets, reason=REVISION + reason.strip())
    if not changed:
        raise ValidationError("Tidak ada target yang berubah.")
    return changed


@transaction.atomic
def delete_line(*, plan: AgencyPlan, line: PlanActivity | PlanIndicator) -> None:
    require_editable(plan)
    if isinstance(line, PlanIndicator) and line.is_standard:
        raise ValidationError("Indikator standar Pokja termasuk dalam setiap rencana aksi.")
    line.delete()


def missing_targets(plan: AgencyPlan) -> list[str]:
    indicators = plan.indicators.prefetch_related("targets")
    years = set(plan.years)
    return [i.name for i in indicators if not years <= {t.year for t in i.targets.all() if t.is_set}]


@transaction.atomic
def submit_plan(*, plan: AgencyPlan, user) -> AgencyPlan:
    refusal = workflow.submit_refusal(plan.status, plan.indicators.count(), missing_targets(plan))
    if refusal:
        raise ValidationError(refusal)
    plan.status = PlanStatus.SUBMITTED
    plan.submitted_at = timezone.now()
    plan._change_reason = "Diajukan"
    plan.save()
    return plan


@transaction.atomic
def review_plan(
    *,
    plan: AgencyPlan,
    user,
    approve: bool,
    note: str = "",
    activity_notes: dict[int, str] | None = None,
    indicator_notes: dict[int, str] | None = None,
) -> AgencyPlan:
    """Approve the plan, or return it with a general note and notes on the lines to correct."""
    refusal = workflow.review_refusal(plan.status)
    activity_notes, indicator_notes = activity_notes or {}, indicator_notes or {}
    if refusal is None and not approve:
        refusal = workflow.return_refusal(note, [*activity_notes.values(), *indicator_notes.values()])
    if refusal:
        raise ValidationError(refusal)
    for model, notes in ((PlanActivity, activity_notes), (PlanIndicator, indicator_notes)):
        for line in model.objects.filter(plan=plan):
            line.review_note = "" if approve else notes.get(line.pk, "").strip()
            line.save(update_fields=["review_note"])
    plan.status = PlanStatus.APPROVED if approve else PlanStatus.RETURNED
    plan.review_note = note.strip()
    plan.reviewed_by = user
    plan.reviewed_at = timezone.now()
    plan._change_reason = "Disetujui" if approve else "Dikembalikan"
    plan.save()
    return plan


@transaction.atomic
def save_standard(*, standard: StandardIndicator | None = None, **fields) -> StandardIndicator:
    standard = standard or StandardIndicator()
    for name, value in fields.items():
        setattr(standard, name, value)
    standard.full_clean()
    standard.save()
    if standard.is_published:
        # Plans still being drafted take it up at once; submitted and approved plans keep what was agreed.
        drafts = AgencyPlan.objects.filter(
            edition=standard.area.edition_id, status__in=[PlanStatus.DRAFT, PlanStatus.RETURNED]
        ).exclude(indicators__standard=standard)
        PlanIndicator.objects.bulk_create(from_standard(plan, standard) for plan in drafts)
    return standard


@transaction.atomic
def import_lines(*, plan: AgencyPlan, lines) -> tuple[int, int]:
    """Apply a previewed workbook with no errors: targets of standard indicators, own activities and
    indicators created or updated by name. Returns (activities created, indicators written)."""
    require_editable(plan)
    if any(line.errors for line in lines):
        raise ValidationError("Perbaiki baris yang salah lalu unggah ulang: tidak ada yang disimpan.")
    created = written = 0
    for line in lines:
        if line.standard_pk:
            write_targets(plan.indicators.get(pk=line.standard_pk), line.targets)
            written += 1
            continue
        activity, new = PlanActivity.objects.get_or_create(
            plan=plan,
            area=line.area,
            name=line.activity,
            defaults={"responsible_unit": line.responsible_unit},
        )
        if not new and activity.responsible_unit != line.responsible_unit:
            activity.responsible_unit = line.responsible_unit
            activity.save(update_fields=["responsible_unit"])
        created += new
        indicator = PlanIndicator.objects.filter(activity=activity, name=line.indicator).first()
        indicator = indicator or PlanIndicator(
            plan=plan, activity=activity, area=line.area, name=line.indicator
        )
        indicator.unit, indicator.aggregation = line.unit, line.aggregation
        indicator.full_clean()
        indicator.save()
        write_targets(indicator, line.targets)
        written += 1
    return created, written
