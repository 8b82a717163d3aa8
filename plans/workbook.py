"""A plan as a workbook and back: one sheet "Rencana Aksi PD", one row per indicator (docs/plans.md).

Columns: area number (1–8), activity, unit pelaksana, indicator, unit, annual recap ("jumlah" or
"terakhir"), then one target column per plan year. A row naming one of the plan's standard
indicators sets its targets only (the activity columns stay empty); any other row is an own
indicator under the named activity, which is created when the plan has none of that name in the area.
Export and import share the layout, so an exported plan imports back unchanged.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from areas.models import Aggregation, ChangeArea
from areas.targets import item_levels, target_values
from plans.models import AgencyPlan
from plans.selectors import plan_sections
from roadmap.notation import format_number
from roadmap.spreadsheets import Column, Sheet, new_workbook
from roadmap.workbook_reading import BoundedWorkbook, Limits, TemplateError

SHEET = "Rencana Aksi PD"
FIXED = ["Area (1–8)", "Kegiatan", "Unit pelaksana", "Indikator", "Satuan", "Rekap tahunan"]
RECAP = {"jumlah": Aggregation.SUM, "terakhir": Aggregation.LATEST}
RECAP_WORD = {value: word for word, value in RECAP.items()}
HEADING_ROWS = 4  # title, agency and period, blank, header


def header(plan: AgencyPlan) -> list[str]:
    return FIXED + [f"Target {year}" for year in plan.years]


def plan_workbook(plan: AgencyPlan):
    workbook = new_workbook()
    widths = [10, 36, 22, 40, 12, 12] + [12] * len(plan.years)
    sheet = Sheet(
        workbook,
        SHEET,
        [Column(title, width) for title, width in zip(header(plan), widths, strict=True)],
        heading=[f"Rencana Aksi Reformasi Birokrasi {plan.agency.name}", f"Periode {plan.period_label}"],
    )
    for section in plan_sections(plan):
        for indicator in section.standard:
            sheet.write(row(section.area, None, indicator, plan))
        for activity in section.activities:
            for indicator in activity.plan_indicators:
                sheet.write(row(section.area, activity, indicator, plan))
    return workbook


def row(area, activity, indicator, plan) -> list:
    targets = indicator.targets_by_year
    return [
        area.order,
        activity.name if activity else "",
        activity.responsible_unit if activity else "",
        indicator.name,
        indicator.unit,
        RECAP_WORD.get(indicator.aggregation, ""),
        *[targets[year].as_written if year in targets else "" for year in plan.years],
    ]


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return format_number(Decimal(str(value)))
    return " ".join(str(value).split())


@dataclass
class Line:
    number: int
    area: ChangeArea | None = None
    activity: str = ""
    responsible_unit: str = ""
    indicator: str = ""
    unit: str = ""
    aggregation: str = Aggregation.LATEST
    targets: dict[int, dict] = field(default_factory=dict)
    standard_pk: int | None = None
    errors: list[str] = field(default_factory=list)


def read_plan(data: bytes, plan: AgencyPlan, limits: Limits | None = None) -> list[Line]:
    """Each filled-in row of the workbook as a line, with its errors; a file that is no plan is a TemplateError."""
    book = BoundedWorkbook(data, limits or Limits.from_settings(), sheets_hint=f'lembar "{SHEET}"')
    if SHEET not in book.sheetnames:
        raise TemplateError(
            f'Berkas ini tidak memiliki lembar "{SHEET}": unduh rencana aksi dari aplikasi ini.'
        )
    columns = len(header(plan))
    rows = [(n, [text(v) for v in values]) for n, values in book.rows(SHEET, columns)]
    start = next((i for i, (_, cells) in enumerate(rows) if cells[:2] == FIXED[:2]), None)
    if start is None or rows[start][1] != header(plan):
        raise TemplateError(
            f"Baris judul kolom tidak sesuai: {', '.join(header(plan))}. Unduh rencana aksi dari aplikasi ini."
        )
    if len(rows) - start - 1 > book.limits.lines:
        raise TemplateError(f"Lembar berisi lebih dari {book.limits.lines} baris.")
    areas = {area.order: area for area in ChangeArea.objects.filter(edition=plan.edition_id)}
    standards = {
        i.name.lower(): i for i in plan.indicators.filter(standard__isnull=False).select_related("scale")
    }
    return [read_line(n, cells, plan, areas, standards) for n, cells in rows[start + 1 :] if any(cells)]


def read_line(number: int, cells: list[str], plan: AgencyPlan, areas: dict, standards: dict) -> Line:
    area, activity, unit_in_charge, name, unit, recap, *targets = cells
    line = Line(number, activity=activity, responsible_unit=unit_in_charge, indicator=name, unit=unit)
    line.area = areas.get(int(area)) if area.isdigit() else None
    if line.area is None:
        line.errors.append(f'Area "{area}" tidak dikenal: tulis nomor area 1–{len(areas)}.')
    if not name:
        line.errors.append("Nama indikator kosong.")
    standard = standards.get(name.lower())
    if standard is not None:
        line.standard_pk = standard.pk
        levels = item_levels(standard)
        if line.area is not None and standard.area_id != line.area.pk:
            line.errors.append(f"Indikator standar ini termasuk area {standard.area.order}, bukan {area}.")
    else:
        levels = None
        if not activity or not unit_in_charge:
            line.errors.append("Indikator sendiri memerlukan kegiatan dan unit pelaksana.")
        if recap and recap.lower() not in RECAP:
            line.errors.append(f'Rekap tahunan "{recap}" tidak dikenal: tulis "jumlah" atau "terakhir".')
        line.aggregation = RECAP.get(recap.lower(), Aggregation.LATEST)
    for year, written in zip(plan.years, targets, strict=True):
        if not written:
            line.errors.append(f"Target {year} kosong.")
            continue
        try:
            line.targets[year] = target_values(written, levels)
        except ValueError as error:
            line.errors.append(f"Target {year}: {error}")
    return line
