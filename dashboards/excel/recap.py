"""The recap workbook: indicators, priority activities and the action plan of a year, in the
regulation's own table layout (Bab IV tables x.1 and x.2, Bab VI), with what was realised.

A recap covers the whole roadmap, one change area, or one agency (the activities it is
Pengampu of and the action-plan rows it leads). Realisations come from verified reports;
what awaits verification has its own column, never mixed in.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from actions.models import PriorityActivity
from areas.models import AreaPlacement, ChangeArea, Indicator
from dashboards.selectors import PlanRow, edition_items, plan_rows
from monev import standings
from monev.action_reports import contribution_lines, part_lines, standing_of
from monev.models import Period
from monev.models.periods import quarter_label
from monev.plan_progress import PlanShare
from monev.standing import STATE_LABELS, Rules, YearStatus
from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import normalize_decimal
from roadmap.spreadsheets import GROUP_FILL, Column, Percent, Sheet, new_workbook, target_cell
from roadmap.spreadsheets import stamp as stamp_text


@dataclass(frozen=True)
class Scope:
    """What a recap covers: everything, one change area, or one agency."""

    area: ChangeArea | None = None
    agency: Agency | None = None

    @property
    def title(self) -> str:
        if self.area:
            return f"Area {self.area.order}. {self.area.name}"
        if self.agency:
            return f"Perangkat Daerah: {self.agency.name}"
        return "Seluruh area perubahan"

    @property
    def slug(self) -> str:
        if self.area:
            return f"area-{self.area.order}"
        if self.agency:
            return self.agency.code
        return "semua-area"

    def activities(self, activities: list[PriorityActivity]) -> list[PriorityActivity]:
        if self.area:
            return [a for a in activities if a.area_id == self.area.pk]
        if self.agency:
            return [a for a in activities if a.agency_id == self.agency.pk]
        return activities

    def indicators(self, indicators: list[Indicator]) -> list[Indicator]:
        if self.agency:
            return []  # indicators measure the whole regency, not one agency
        return [i for i in indicators if self.area is None or i.area_id == self.area.pk]

    def rows(self, rows: list[PlanRow]) -> list[PlanRow]:
        if self.area:
            return [r for r in rows if r.area_id == self.area.pk]
        if self.agency:
            return [r for r in rows if any(lead.agency_id == self.agency.pk for lead in r.lead_records)]
        return rows


def figure(status: YearStatus | None):
    if status is None or not status.reported:
        return None
    if status.nil:
        return "nihil"
    return status.level.label if status.level else normalize_decimal(status.number)


def achievement_cell(status: YearStatus):
    """A percentage cell for a number target; for a grade or level, the words the pages use."""
    if status.percent is not None:
        return Percent(status.percent)
    text = status.achievement_display
    return None if text == "–" else text


def basis_cell(status: YearStatus) -> str | None:
    if not status.reported:
        return None
    return status.basis + (" (belum lengkap)" if status.incomplete else "")


def measured_columns(name: str, years: list[int], year: int, agency_column: bool) -> list[Column]:
    # Widths add up to at most 175 units, so a sheet fits one landscape page with 8-pt text.
    columns = [Column("No", 4), Column(name, 36 if agency_column else 44), Column("Satuan", 12)]
    columns += [Column(str(y), 7, group="Target") for y in years]  # up to six years (2016-2021)
    columns += [
        Column("Terverifikasi", 11, group=f"Realisasi {year}"),
        Column("Dasar angka", 15, group=f"Realisasi {year}"),
        Column("Menunggu verifikasi", 11, group=f"Realisasi {year}"),
        Column("Capaian", 10),
        Column("Keadaan", 12),
    ]
    if agency_column:
        columns.append(Column("Perangkat Daerah Pengampu", 20))
    return columns


def measured_row(number, item, status: YearStatus, years: list[int], agency_column: bool) -> list:
    values = [number, item.name, item.unit or "–"]
    values += [target_cell(item.targets_by_year.get(y)) for y in years]
    values += [
        figure(status),
        basis_cell(status),
        figure(status.provisional),
        achievement_cell(status),
        STATE_LABELS[status.state],
    ]
    if agency_column:
        values.append(item.agency.name if item.agency_id else "–")
    return values


def heading_of(item) -> str:
    if getattr(item, "quick_win_id", None):
        return f"Quick win {item.quick_win.number}. {item.quick_win.name}"
    return f"{item.area.order}. {item.area.name}"


def write_measured(
    sheet: Sheet, items, year: int, years: list[int], rules: Rules, today, agency_column: bool
):
    previous, number = None, 0
    found = standings.statuses(items, year, today=today, rules=rules)
    for item, status in zip(items, found, strict=True):
        heading = heading_of(item)
        if heading != previous:
            sheet.span_row(["", heading], fill=GROUP_FILL)
            previous, number = heading, 0
        number += 1
        sheet.write(measured_row(number, item, status, years, agency_column))


def progress_text(actions, row, year: int) -> tuple[str, object, str, str, str]:
    """Each Utama's part of the year's actions, the mean progress, the latest quarter, what awaits
    review, and the supporting agencies' contributions (docs/action-plan.md)."""
    lines, quarters, notes, contributions = [], [], [], []
    share = PlanShare()
    for action in actions:
        standing = standing_of(action, row)
        share.add(standing)
        prefix = f"{action.text[:40]}: " if len(actions) > 1 else ""
        lines += [prefix + line for line in part_lines(standing, row)]
        quarters.append(quarter_label(standing.quarter) or "–")
        notes.append("menunggu verifikasi" if standing.pending else "")
        contributions += [prefix + line for line in contribution_lines(action)]
    percent = Percent(share.percent) if share.percent is not None else None
    return (
        "\n".join(lines),
        percent,
        "\n".join(quarters),
        "\n".join(n for n in notes if n),
        "\n".join(contributions) or "–",
    )


def action_plan_heading(area) -> tuple[str, str]:
    """The area as Bab VI numbers and names it (Pengawasan is 7. there, Akuntabilitas 6.)."""
    placement = next(
        (p for p in area.placements.all() if p.section == AreaPlacement.Section.ACTION_PLAN), None
    )
    if placement is None or not placement.position:
        return f"{area.order}.", area.name
    return placement.position, placement.name_as_written


def in_action_plan_order(rows: list[PlanRow]) -> list[PlanRow]:
    def key(row):
        position = action_plan_heading(row.area)[0].rstrip(".")
        return (int(position) if position.isdigit() else row.area.order, row.order)

    return sorted(rows, key=key)


def write_action_plan(sheet: Sheet, rows: list[PlanRow], plan_years: list[int], year: int):
    area_id = group_id = parent_id = None
    for row in in_action_plan_order(rows):
        if row.area_id != area_id:
            sheet.span_row(list(action_plan_heading(row.area)), fill=GROUP_FILL)
            area_id, group_id, parent_id = row.area_id, None, None
        group = row.group
        if group is not None and group.parent_id and group.parent_id != parent_id:
            sheet.span_row([group.parent.code, group.parent.title], fill=GROUP_FILL)
            parent_id = group.parent_id
        if group is not None and group.pk != group_id:
            sheet.span_row([group.code, group.title], fill=GROUP_FILL)
            group_id = group.pk
        actions = row.action_records
        per_year = ["\n".join(a.text for a in actions if a.year == y) or "–" for y in plan_years]
        year_actions = [a for a in actions if a.year == year]
        progress = (
            progress_text(year_actions, row, year)
            if year_actions
            else ("Tidak ada rencana aksi", None, "–", "", "–")
        )
        leads = "\n".join(lead.agency.name for lead in row.lead_records)
        name = f"{row.label} {row.name}".strip() if row.label else f"• {row.name}"
        sheet.write(["", name, leads, row.supporting_as_written or "–", *per_year, *progress])


def recap_workbook(edition: RoadmapEdition, year: int, scope: Scope, today: datetime.date | None = None):
    today = today or timezone.localdate()
    rules = Rules.from_settings()
    indicators, activities = edition_items(
        edition, year, list(Period.values), all_target_years=True, with_reports=False
    )
    indicators, activities = scope.indicators(indicators), scope.activities(activities)
    stamp = f"Data terverifikasi per {stamp_text()}"
    workbook = new_workbook()

    if indicators:
        years = sorted({y for item in indicators for y in item.targets_by_year})
        heading = [f"Rekap Capaian Indikator Keberhasilan Tahun {year}", f"{scope.title} · {edition}", stamp]
        sheet = Sheet(
            workbook, "Indikator", measured_columns("Indikator keberhasilan", years, year, False), heading
        )
        write_measured(sheet, indicators, year, years, rules, today, agency_column=False)

    years = sorted({y for item in activities for y in item.targets_by_year})
    heading = [f"Rekap Capaian Kegiatan Prioritas Tahun {year}", f"{scope.title} · {edition}", stamp]
    sheet = Sheet(workbook, "Kegiatan Prioritas", measured_columns("Kegiatan", years, year, True), heading)
    write_measured(sheet, activities, year, years, rules, today, agency_column=True)

    rows = scope.rows(plan_rows(edition, None, progress_year=year, placements=True))
    plan_years = sorted({a.year for row in rows for a in row.action_records})
    columns = [
        Column("No", 4),
        Column("Area Perubahan, Kegiatan Dan Sub Kegiatan", 30),
        Column("Utama", 18, group="Perangkat Daerah Terkait"),
        Column("Pendukung", 14, group="Perangkat Daerah Terkait"),
        *[Column(str(y), 22, group="Rencana Aksi Per Tahun") for y in plan_years],
        Column("Bagian Utama", 20, group=f"Kemajuan {year}"),
        Column("Kemajuan", 9, group=f"Kemajuan {year}"),
        Column("Triwulan", 8, group=f"Kemajuan {year}"),
        Column("Verifikasi", 11, group=f"Kemajuan {year}"),
        Column("Kontribusi pendukung", 16, group=f"Kemajuan {year}"),
    ]
    heading = [
        f"Rencana Aksi Reformasi Birokrasi dan Kemajuan Tahun {year}",
        f"{scope.title} · {edition}",
        stamp,
    ]
    sheet = Sheet(workbook, "Rencana Aksi", columns, heading)
    write_action_plan(sheet, rows, plan_years, year)
    return workbook
