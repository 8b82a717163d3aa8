"""What a draft must satisfy before it is enacted (docs/editions.md), said in Indonesian beside each item.

Problems block enacting: an item nobody can report (an indicator without a data owner, an activity
without a Pengampu, an action-plan row without an Utama), a target cell that does not read as the
item's kind of target, an area with nothing in it. Warnings do not: an item without a target in
any year of the edition's period may be meant so, but usually is an oversight.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator, TargetKind
from areas.targets import item_levels, target_values
from roadmap.models import RoadmapEdition


@dataclass(frozen=True)
class Finding:
    where: str  # the item, as a reader finds it ("Indikator: Nilai SAKIP (Area 7)")
    message: str
    url: str = ""  # where to mend it


@dataclass
class CheckResult:
    problems: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def edit_url(kind: str, pk: int) -> str:
    return reverse(f"editions:{kind}-edit", args=[pk])


def target_findings(item, where: str, url: str) -> list[Finding]:
    """Target cells that no longer read as written (a scale changed, a typed value disagrees)."""
    findings = []
    levels = item_levels(item)
    for target in item.targets.all():
        try:
            expected = target_values(target.as_written, levels)
        except ValueError as error:
            findings.append(Finding(where, f"Target {target.year} “{target.as_written}”: {error}", url))
            continue
        stored = {
            "number": target.number,
            "level": target.level,
            "comparator": target.comparator,
        }
        if any(stored[name] != expected[name] for name in stored):
            findings.append(
                Finding(
                    where, f"Target {target.year} “{target.as_written}” tidak cocok dengan nilainya.", url
                )
            )
        if (
            getattr(item, "target_kind", TargetKind.NUMBER) == TargetKind.NUMBER
            and expected["level"] is not None
        ):
            findings.append(
                Finding(where, f"Target {target.year} berupa tingkat, padahal jenis targetnya angka.", url)
            )
    return findings


def has_target_in(item, years) -> bool:
    return any(t.year in years and t.is_set for t in item.targets.all())


def check_edition(edition: RoadmapEdition) -> CheckResult:
    result = CheckResult()
    years = set(edition.years)
    areas = list(edition.areas.all())
    if not areas:
        result.problems.append(Finding("Edisi", "Belum ada area perubahan."))
    indicators = list(
        Indicator.objects.of_edition(edition)
        .filter(dropped_from__isnull=True)
        .select_related("area", "scale")
        .prefetch_related("targets__level", "scale__levels")
    )
    activities = list(
        PriorityActivity.objects.of_edition(edition)
        .filter(dropped_from__isnull=True)
        .select_related("area", "quick_win")
        .prefetch_related("targets__level")
    )
    rows = list(
        ActionPlanRow.objects.of_edition(edition)
        .filter(dropped_from__isnull=True)
        .select_related("area")
        .prefetch_related("leads")
    )
    filled = {i.area_id for i in indicators} | {a.area_id for a in activities} | {r.area_id for r in rows}
    for area in areas:
        if area.pk not in filled:
            result.problems.append(
                Finding(
                    f"Area {area.order}. {area.name}",
                    "Area ini kosong: tambahkan indikator, kegiatan prioritas atau rencana aksi, atau hapus areanya.",
                    reverse("editions:area-edit", args=[area.pk]),
                )
            )
    for indicator in indicators:
        where = f"Indikator: {indicator.name} (Area {indicator.area.order})"
        url = edit_url("indicator", indicator.pk)
        if indicator.data_owner_id is None:
            result.problems.append(Finding(where, "Belum ada Perangkat Daerah penanggung jawab data.", url))
        if indicator.target_kind == TargetKind.LEVEL and indicator.scale_id is None:
            result.problems.append(
                Finding(where, "Target berupa tingkat, tetapi skalanya belum dipilih.", url)
            )
        result.problems += target_findings(indicator, where, url)
        if not has_target_in(indicator, years):
            result.warnings.append(Finding(where, f"Belum ada target untuk {edition.period_label}.", url))
    for activity in activities:
        place = (
            f"Area {activity.area.order}" if activity.area_id else f"Quick win {activity.quick_win.number}"
        )
        where = f"Kegiatan: {activity.name} ({place})"
        url = edit_url("activity", activity.pk)
        if activity.agency_id is None:
            result.problems.append(Finding(where, "Belum ada Perangkat Daerah Pengampu.", url))
        result.problems += target_findings(activity, where, url)
        if not has_target_in(activity, years):
            result.warnings.append(Finding(where, f"Belum ada target untuk {edition.period_label}.", url))
    for row in rows:
        where = f"Rencana aksi: {row.name} (Area {row.area.order})"
        if not row.leads.all():
            result.problems.append(
                Finding(where, "Belum ada Perangkat Daerah Utama.", edit_url("row", row.pk))
            )
    return result
