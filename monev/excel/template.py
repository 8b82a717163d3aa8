"""The reporting template of one agency for one period: exactly the items that agency reports.

Those are the priority activities it is Pengampu of that have a target in the year, and, for
a quarter, the year's planned actions of the action-plan rows it leads (Utama). Each line
carries a code (``K12`` an activity, ``RA34`` a planned action) that the import reads back;
the sheet "Info" says whose template it is and for which period. Existing reports are filled
in, and a hidden column "Cek" holds a fingerprint of each line's input cells as written, so a
line uploaded as it was downloaded changes nothing, even when someone reported it meanwhile.

Numbers are number cells: targets (so =SUM and =G7/E7 work) and the input cells, which carry the
Indonesian locale tag ``[$-421]``: LibreOffice then reads "3.900" typed into them as 3900 in any
language setting.
"""

import datetime
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import Prefetch
from django.utils import timezone
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from actions.models import ActionPlanRow, PlannedAction, PriorityActivity
from monev.models import ActionProgress, ActionStatus, Period, Realisation, ReviewState
from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import NO_TARGET_DISPLAY, format_number, normalize_decimal
from roadmap.spreadsheets import INPUT_NUMBER_FORMAT, Column, Sheet, new_workbook, target_cell

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
NO_WRAP = Alignment(vertical="top")
UNUSED_FILL = PatternFill("solid", fgColor="E7E6E6")
SHEET, INFO_SHEET = "Laporan", "Info"


@dataclass(frozen=True)
class TemplateColumn:
    key: str
    title: str
    width: float
    kinds: tuple[str, ...] = ()  # the kinds of line this column is filled in for; empty: read-only
    required: bool = True  # an upload without this column is refused


# Widths add up to 175 units: the sheet prints on one landscape page width with 8-pt text.
COLUMNS = (
    TemplateColumn("code", "Kode", 8),
    TemplateColumn("kind", "Jenis", 10),
    TemplateColumn("name", "Kegiatan / rencana aksi", 30),
    TemplateColumn("unit", "Satuan", 10),
    TemplateColumn("target", "Target", 10),
    TemplateColumn("state", "Status laporan", 13),
    TemplateColumn("value", "Realisasi", 11, ("activity",)),
    TemplateColumn("status", "Status pelaksanaan", 15, ("action",)),
    TemplateColumn("percent", "Persen selesai", 9, ("action",)),
    TemplateColumn("note", "Keterangan", 20, ("activity", "action")),
    TemplateColumn("obstacles", "Kendala", 20, ("activity",)),
    TemplateColumn("follow_up", "Rencana tindak lanjut", 20, ("activity",)),
    TemplateColumn("check", "Cek", 18, required=False),  # hidden: see line_check
)
TITLES = {column.key: column.title for column in COLUMNS}
INPUT_KEYS = ("value", "status", "percent", "note", "obstacles", "follow_up")
NUMBER_KEYS = ("value", "percent")  # read as the forms read them: Indonesian notation


def cell_text(key: str, value) -> str:
    """A cell as the text a user would have typed in the browser form (numbers in Indonesian notation)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
        return format_number(number) if key in NUMBER_KEYS else str(normalize_decimal(number))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def line_check(code: str, texts: dict[str, str]) -> str:
    """A fingerprint of a line's input cells (as ``cell_text`` reads them): equal means untouched."""
    content = "\x1f".join([code, *(texts.get(key, "") for key in INPUT_KEYS)])
    return hashlib.sha256(content.encode()).hexdigest()[:16]


def letter(key: str) -> str:
    return get_column_letter([column.key for column in COLUMNS].index(key) + 1)


@dataclass
class Entry:
    """One line of the template: an activity's report, or a planned action's progress in a quarter."""

    activity: PriorityActivity | None = None
    action: PlannedAction | None = None
    period: str = ""  # the template's period: an activity's reports of the whole year are prefetched

    @property
    def kind(self) -> str:
        return "activity" if self.activity else "action"

    @property
    def code(self) -> str:
        return f"K{self.activity.pk}" if self.activity else f"RA{self.action.pk}"

    @property
    def item(self) -> PriorityActivity | ActionPlanRow:
        """What the period's window and the review rules are checked against."""
        return self.activity or self.action.row

    @property
    def name(self) -> str:
        if self.activity:
            return self.activity.name
        return f"{self.action.row.name}: {self.action.text}"

    @cached_property
    def report(self) -> Realisation | ActionProgress | None:
        # Prefetched by reportable_entries, found once: ``.all()`` on a prefetched relation copies
        # its query every time, and a preview asks for each line's report several times.
        if self.activity:
            return next((r for r in self.activity.realisations.all() if r.period == self.period), None)
        return next(iter(self.action.period_reports), None)


def reportable_entries(edition: RoadmapEdition, agency: Agency, year: int, period: str) -> list[Entry]:
    activities = (
        PriorityActivity.objects.of_edition(edition)
        .active_in(year)
        .led_by(agency)
        .select_related("area", "quick_win")
        .prefetch_related(
            "targets__level",
            # The whole year: the form compares a quarter's figure with the year's other quarters.
            Prefetch("realisations", queryset=Realisation.objects.filter(year=year)),
        )
    )
    entries = [
        Entry(activity=activity, period=period)
        for activity in activities
        if activity.targets_by_year.get(year) is not None and activity.targets_by_year[year].is_set
    ]
    quarter = Period(period).quarter
    if quarter:
        rows = ActionPlanRow.objects.of_edition(edition).active_in(year).led_by(agency)
        progress = ActionProgress.objects.filter(quarter=quarter, lead=agency)
        actions = (
            PlannedAction.objects.filter(year=year, row__in=rows)
            .select_related("row__area")
            .prefetch_related(Prefetch("progress", queryset=progress, to_attr="period_reports"))
            .order_by("row__area__order", "row__order", "order")
        )
        entries += [Entry(action=action) for action in actions]
    return entries


def entry_values(entry: Entry, year: int) -> dict:
    report = entry.report
    state = ReviewState(report.review_state).label if report else "Belum ada"
    if entry.activity:
        target = entry.activity.targets_by_year.get(year)
        values = {
            "kind": "Kegiatan prioritas",
            "unit": entry.activity.unit or "–",
            "target": target_cell(target),
        }
        if report:
            number = normalize_decimal(report.number) if report.number is not None else None
            values |= {"value": number, "note": report.note}
            values |= {"obstacles": report.obstacles, "follow_up": report.follow_up}
    else:
        values = {"kind": "Rencana aksi", "unit": "–", "target": NO_TARGET_DISPLAY}
        if report:
            values |= {"status": ActionStatus(report.status).label, "percent": report.percent}
            values |= {"note": report.note}
    values = {"code": entry.code, "name": entry.name, "state": state, **values}
    values["check"] = line_check(entry.code, {key: cell_text(key, values.get(key)) for key in INPUT_KEYS})
    return values


def template_workbook(edition: RoadmapEdition, agency: Agency, year: int, period: str):
    entries = reportable_entries(edition, agency, year, period)
    label = Period(period).label
    workbook = new_workbook()
    heading = [
        f"Templat laporan monev Reformasi Birokrasi {label} {year}",
        f"{agency.name} · {edition}",
        "Isi kolom berlatar kuning, lalu unggah berkas ini di menu Impor Excel. "
        "Jangan mengubah kolom Kode. Angka ditulis seperti 53,75 atau 3.900.",
    ]
    columns = [Column(c.title, c.width, hidden=c.key == "check") for c in COLUMNS]
    sheet = Sheet(workbook, SHEET, columns, heading, key_columns=3)
    first = sheet.row + 1
    for entry in entries:
        values = entry_values(entry, year)
        cells = []
        for column in COLUMNS:
            fill, number_format = None, None
            if column.kinds:
                used = entry.kind in column.kinds
                fill = INPUT_FILL if used else UNUSED_FILL
                if used and column.key in NUMBER_KEYS and values.get(column.key) is None:
                    number_format = INPUT_NUMBER_FORMAT
            align = NO_WRAP if column.key == "check" else None  # a hidden cell must not make its row tall
            cells.append(
                sheet.cell(values.get(column.key), fill=fill, number_format=number_format, align=align)
            )
        sheet.append(cells)
    last = max(sheet.row, first) + 200  # room for lines typed in by hand, which the import reports
    statuses = DataValidation(
        type="list",
        formula1='"' + ",".join(ActionStatus.labels) + '"',
        allow_blank=True,
        error="Pilih salah satu status pelaksanaan.",
        showErrorMessage=True,
    )
    statuses.add(f"{letter('status')}{first}:{letter('status')}{last}")
    percents = DataValidation(
        type="whole", operator="between", formula1="0", formula2="100", allow_blank=True
    )
    percents.error, percents.showErrorMessage = "Persen selesai: bilangan bulat 0 sampai 100.", True
    percents.add(f"{letter('percent')}{first}:{letter('percent')}{last}")
    sheet.ws.data_validations.append(statuses)
    sheet.ws.data_validations.append(percents)

    info = Sheet(workbook, INFO_SHEET, [Column("Keterangan", 26), Column("Isi", 60)])
    for key, value in (
        ("Perangkat Daerah", agency.name),
        ("Kode Perangkat Daerah", agency.code),
        ("Tahun", str(year)),
        ("Periode", period),
        ("Nama periode", label),
        ("Jumlah item", len(entries)),
        ("Dibuat", timezone.localtime()),
    ):
        info.write([key, value])
    return workbook
