"""An edition's road-map tables as a workbook, and that workbook read back (docs/editions.md).

The layout is the recap's (dashboards/excel/recap.py) for the road map's own columns: a sheet
"Indikator" and a sheet "Kegiatan Prioritas" (No, name, Satuan, one Target column per year) with a
heading row per area ("3. Penataan dan Penguatan Organisasi") or quick win ("Quick win 2. ..."),
and a sheet "Rencana Aksi" (No, Sub kegiatan, Utama, Pendukung, one column of planned actions per
year) with a heading row per area and per group. The settings the recap does not show follow the
year columns, and the last column, "Kode", names the item a row is (I-12, K-40, R-7); a row
without a code is a new item. Targets are written as the regulation writes them (text).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from actions.loading import SUPPORT_PHRASES as LOADED_PHRASES
from actions.models import ActionPlanGroup, ActionPlanRow, PriorityActivity, SupportScope
from areas.models import Aggregation, Direction, Indicator, Scale, TargetKind
from areas.targets import scale_lookup
from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import format_number, parse_target
from roadmap.spreadsheets import GROUP_FILL, Column, Sheet, new_workbook
from roadmap.spreadsheets import stamp as stamp_text
from roadmap.workbook_reading import BoundedWorkbook, Limits, TemplateError

INDICATORS, ACTIVITIES, PLAN = "Indikator", "Kegiatan Prioritas", "Rencana Aksi"
CODE = "Kode"
PREFIX = {"indicator": "I", "activity": "K", "row": "R"}
# How a Pendukung cell names no agency: the regulation's phrases (actions.loading) and the scopes' own names.
SUPPORT_PHRASES = {phrase.lower(): scope for phrase, scope in LOADED_PHRASES.items()} | {
    str(label).lower(): value for value, label in SupportScope.choices if value != SupportScope.LISTED
}
READ_COLUMNS = 40
YES = {"ya", "y", "yes", "1", "true"}

INDICATOR_SETTINGS = [
    "Penanggung jawab data",
    "Jenis target",
    "Skala",
    "Arah",
    "Rekap tahunan",
    "Indikator kunci",
]
ACTIVITY_SETTINGS = ["Perangkat Daerah Pengampu", "Arah", "Rekap tahunan"]


def code_of(kind: str, pk: int) -> str:
    return f"{PREFIX[kind]}-{pk}"


def years_of(items, edition: RoadmapEdition) -> list[int]:
    return sorted(set(edition.years) | {t.year for item in items for t in item.targets.all()})


def measured_columns(name: str, years: list[int], settings: list[str]) -> list[Column]:
    return (
        [Column("No", 5), Column(name, 40), Column("Satuan", 12)]
        + [Column(str(y), 10, group="Target") for y in years]
        + [Column(title, 16) for title in settings]
        + [Column(CODE, 8)]
    )


def edition_workbook(edition: RoadmapEdition):
    workbook = new_workbook()
    heading = [f"Tabel road map · {edition}", edition.title, f"Diunduh {stamp_text()}"]
    indicators = list(
        Indicator.objects.of_edition(edition)
        .filter(dropped_from__isnull=True)
        .select_related("area", "scale", "data_owner")
        .prefetch_related("targets")
    )
    years = years_of(indicators, edition)
    sheet = Sheet(
        workbook, INDICATORS, measured_columns("Indikator keberhasilan", years, INDICATOR_SETTINGS), heading
    )
    previous = None
    for number, item in enumerate(indicators, start=1):
        if item.area_id != previous:
            sheet.span_row(["", f"{item.area.order}. {item.area.name}"], fill=GROUP_FILL)
            previous = item.area_id
        cells = [item.targets_by_year[y].as_written if y in item.targets_by_year else None for y in years]
        settings = [
            item.data_owner.name if item.data_owner_id else None,
            item.get_target_kind_display(),
            item.scale.name if item.scale_id else None,
            item.get_direction_display(),
            item.get_aggregation_display(),
            "Ya" if item.is_key else "Tidak",
        ]
        sheet.write([number, item.name, item.unit, *cells, *settings, code_of("indicator", item.pk)])
    activities = list(
        PriorityActivity.objects.of_edition(edition)
        .filter(dropped_from__isnull=True)
        .select_related("area", "quick_win", "agency")
        .prefetch_related("targets")
    )
    years = years_of(activities, edition)
    sheet = Sheet(workbook, ACTIVITIES, measured_columns("Kegiatan", years, ACTIVITY_SETTINGS), heading)
    previous = None
    for number, item in enumerate(activities, start=1):
        parent = item.area or item.quick_win
        if parent != previous:
            title = (
                f"{item.area.order}. {item.area.name}"
                if item.area_id
                else f"Quick win {item.quick_win.number}. {item.quick_win.name}"
            )
            sheet.span_row(["", title], fill=GROUP_FILL)
            previous = parent
        cells = [item.targets_by_year[y].as_written if y in item.targets_by_year else None for y in years]
        settings = [
            item.agency.name if item.agency_id else None,
            item.get_direction_display(),
            item.get_aggregation_display(),
        ]
        sheet.write([number, item.name, item.unit, *cells, *settings, code_of("activity", item.pk)])
    write_plan(workbook, edition, heading)
    return workbook


def write_plan(workbook, edition: RoadmapEdition, heading) -> None:
    rows = list(
        ActionPlanRow.objects.of_edition(edition)
        .filter(dropped_from__isnull=True)
        .select_related("area", "group__parent")
        .prefetch_related("leads__agency", "planned_actions")
    )
    years = sorted(set(edition.years) | {a.year for row in rows for a in row.planned_actions.all()})
    columns = [
        Column("No", 5),
        Column("Area Perubahan, Kegiatan Dan Sub Kegiatan", 36),
        Column("Utama", 20, group="Perangkat Daerah Terkait"),
        Column("Pendukung", 18, group="Perangkat Daerah Terkait"),
        *[Column(str(y), 26, group="Rencana Aksi Per Tahun") for y in years],
        Column(CODE, 8),
    ]
    sheet = Sheet(workbook, PLAN, columns, heading)
    area_id = group_id = None
    for row in rows:
        if row.area_id != area_id:
            sheet.span_row(["", f"{row.area.order}. {row.area.name}"], fill=GROUP_FILL)
            area_id, group_id = row.area_id, None
        if row.group_id and row.group_id != group_id:
            sheet.span_row([row.group.code or "", row.group.title], fill=GROUP_FILL)
            group_id = row.group_id
        actions = ["\n".join(a.text for a in row.planned_actions.all() if a.year == y) or None for y in years]
        leads = "\n".join(lead.agency.name for lead in row.leads.all())
        sheet.write(
            [
                row.label or None,
                row.name,
                leads,
                row.supporting_as_written or None,
                *actions,
                code_of("row", row.pk),
            ]
        )


# --- Reading it back ---------------------------------------------------------------------------


def text(value) -> str:
    """A cell as the text a target or a name is written in: numbers in Indonesian notation."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int | float | Decimal):
        return format_number(Decimal(str(value)))
    return " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()


def read_sheets(data: bytes, limits: Limits | None = None) -> dict[str, list[tuple[int, list[str]]]]:
    """Each road-map sheet the file has, as (row number, cell texts); a file that is none is a TemplateError."""
    book = BoundedWorkbook(
        data,
        limits or Limits.from_settings(),
        sheets_hint=f'lembar "{INDICATORS}", "{ACTIVITIES}" dan "{PLAN}"',
    )
    present = [name for name in (INDICATORS, ACTIVITIES, PLAN) if name in book.sheetnames]
    if not present:
        raise TemplateError(
            f'Berkas ini tidak memiliki lembar "{INDICATORS}", "{ACTIVITIES}" atau "{PLAN}": unduh tabel road map dari aplikasi ini.'
        )
    sheets = {}
    for name in present:
        rows = []
        for number, values in book.rows(name, READ_COLUMNS):
            rows.append((number, [text(v) for v in values]))
            if len(rows) > book.limits.lines:
                raise TemplateError(f'Lembar "{name}" berisi lebih dari {book.limits.lines} baris.')
        sheets[name] = rows
    return sheets


@dataclass
class Line:
    """One row of the workbook: what it would do to the edition, or why it cannot."""

    sheet: str
    row: int
    kind: str  # "indicator", "activity" or "row"
    name: str
    item: object = None  # the existing item it changes (None: a new one)
    values: dict = field(default_factory=dict)
    cells: dict = field(default_factory=dict)  # targets (or planned actions) by year
    leads: list = field(default_factory=list)
    supporters: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        if self.errors:
            return "error"
        if self.item is None:
            return "new"
        return "changed" if self.changes else "unchanged"


@dataclass
class Preview:
    edition: RoadmapEdition
    lines: list[Line]
    missing: list  # items of the sheets read that the file no longer lists
    sheets: list[str]
    errors: list[str] = field(default_factory=list)  # about the file rather than one row

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(line.errors for line in self.lines)

    def count(self, outcome: str) -> int:
        return sum(1 for line in self.lines if line.outcome == outcome)

    @property
    def changed_lines(self) -> list[Line]:
        """What the file would do, errors first: the lines that are not unchanged."""
        order = {"error": 0, "new": 1, "changed": 2}
        lines = [line for line in self.lines if line.outcome != "unchanged"]
        return sorted(lines, key=lambda line: order[line.outcome])

    @property
    def new_count(self) -> int:
        return self.count("new")

    @property
    def changed_count(self) -> int:
        return self.count("changed")

    @property
    def unchanged_count(self) -> int:
        return self.count("unchanged")

    @property
    def error_count(self) -> int:
        return self.count("error") + len(self.errors)


class Reader:
    """Reads the sheets against one edition: its areas, quick wins, groups, items, and the agencies."""

    def __init__(self, edition: RoadmapEdition, sheets: dict):
        self.edition, self.sheets = edition, sheets
        self.areas = {a.order: a for a in edition.areas.all()}
        self.quick_wins = {q.number: q for q in edition.quick_wins.all()}
        self.agencies = Agency.objects.by_spelling() | {a.short_name: a for a in Agency.objects.all()}
        self.agencies = {name.lower(): agency for name, agency in self.agencies.items()}
        self.scales = {s.name.lower(): s for s in Scale.objects.prefetch_related("levels")}
        self.scales |= {s.code.lower(): s for s in self.scales.values()}
        self.errors: list[str] = []

    def preview(self) -> Preview:
        lines, missing = [], []
        readers = {INDICATORS: self.indicator_lines, ACTIVITIES: self.activity_lines, PLAN: self.row_lines}
        for name, rows in self.sheets.items():
            sheet_lines, existing = readers[name](rows)
            lines += sheet_lines
            seen = {line.item.pk for line in sheet_lines if line.item is not None}
            missing += [item for item in existing if item.pk not in seen]
        return Preview(self.edition, lines, missing, list(self.sheets), self.errors)

    # The header: the row starting "No", and under grouped columns the row of years.
    def header(self, name: str, rows) -> tuple[int, dict[str, int], dict[int, int]] | None:
        for index, (_, cells) in enumerate(rows[:20]):
            if cells and cells[0] == "No":
                below = rows[index + 1][1] if index + 1 < len(rows) else []
                years = {int(v): col for col, v in enumerate(below) if v.isdigit() and len(v) == 4}
                # Under a grouped header the column's own title is on the second row ("Utama" under
                # "Perangkat Daerah Terkait"); the years are read apart.
                titles = {title: col for col, title in enumerate(cells) if title}
                if years:
                    titles |= {
                        title: col for col, title in enumerate(below) if title and col not in years.values()
                    }
                if CODE not in titles:
                    self.errors.append(f'Lembar "{name}": kolom "{CODE}" tidak ditemukan.')
                    return None
                return index + (2 if years else 1), titles, years
        self.errors.append(f'Lembar "{name}": baris judul kolom (diawali "No") tidak ditemukan.')
        return None

    def body(self, name: str, rows):
        """(row number, cells, heading text or None) for each row under the header."""
        found = self.header(name, rows)
        if found is None:
            return None, [], {}
        start, titles, years = found
        out = []
        for number, cells in rows[start:]:
            if is_heading(name, cells):
                out.append((number, cells, cells[1]))
            elif any(cells):
                out.append((number, cells, None))
        return titles, out, years

    def agency(self, name: str, line: Line, what: str):
        if not name:
            return None
        found = self.agencies.get(name.strip().lower())
        if found is None:
            line.errors.append(
                f"{what} “{name}” tidak dikenal: tulis nama Perangkat Daerah seperti di daftar."
            )
        return found

    def choice(self, choices, value: str, line: Line, what: str, default: str):
        if not value:
            return default
        for key, label in choices:
            if value.lower() in (key.lower(), str(label).lower()):
                return key
        line.errors.append(
            f"{what} “{value}” tidak dikenal: {', '.join(str(label) for _, label in choices)}."
        )
        return default

    def item_by_code(self, code: str, kind: str, existing: dict, line: Line):
        if not code:
            return None
        prefix, _, pk = code.partition("-")
        item = existing.get(int(pk)) if prefix == PREFIX[kind] and pk.isdigit() else None
        if item is None:
            line.errors.append(
                f"Kode {code} bukan {line.sheet.lower()} edisi ini; kosongkan untuk item baru."
            )
        return item

    def target_cells(self, cells, years: dict[int, int], levels, line: Line) -> dict[int, str]:
        written = {}
        for year, col in years.items():
            value = cells[col] if col < len(cells) else ""
            try:
                parse_target(value, levels)
            except ValueError as error:
                line.errors.append(f"Target {year}: {error}")
            written[year] = value
        return written

    def measured_line(self, sheet, kind, number, cells, titles, parent_field, parent, existing) -> Line:
        def cell(title):
            col = titles.get(title)
            return cells[col] if col is not None and col < len(cells) else ""

        line = Line(sheet, number, kind, cell(sheet_name_title(sheet)))
        line.item = self.item_by_code(cell(CODE), kind, existing, line)
        if not line.name:
            line.errors.append("Nama kosong.")
        if parent is None:
            line.errors.append("Baris ini tidak berada di bawah judul area atau quick win yang dikenal.")
        line.values = {
            parent_field: parent,
            "name": line.name,
            "unit": cell("Satuan"),
            "direction": self.choice(
                Direction.choices, cell("Arah"), line, "Arah", Direction.HIGHER_IS_BETTER
            ),
            "aggregation": self.choice(
                Aggregation.choices, cell("Rekap tahunan"), line, "Rekap tahunan", Aggregation.LATEST
            ),
        }
        return line

    def indicator_lines(self, rows):
        existing = {
            i.pk: i
            for i in Indicator.objects.of_edition(self.edition)
            .filter(dropped_from__isnull=True)
            .prefetch_related("targets")
            .select_related("scale", "data_owner", "area")
        }
        titles, body, years = self.body(INDICATORS, rows)
        if titles is None:
            return [], []
        lines, area = [], None
        for number, cells, heading in body:
            if heading is not None:
                area = self.heading_area(heading)
                continue
            line = self.measured_line(INDICATORS, "indicator", number, cells, titles, "area", area, existing)
            col = titles.get
            scale_name = cells[col("Skala")] if col("Skala") is not None else ""
            scale = self.scales.get(scale_name.lower()) if scale_name else None
            if scale_name and scale is None:
                line.errors.append(f"Skala “{scale_name}” tidak dikenal.")
            kind_text = cells[col("Jenis target")] if col("Jenis target") is not None else ""
            kind = self.choice(TargetKind.choices, kind_text, line, "Jenis target", TargetKind.NUMBER)
            if kind == TargetKind.LEVEL and scale is None:
                line.errors.append("Target berupa tingkat memerlukan skala.")
            owner = cells[col("Penanggung jawab data")] if col("Penanggung jawab data") is not None else ""
            key = cells[col("Indikator kunci")] if col("Indikator kunci") is not None else ""
            line.values |= {
                "target_kind": kind,
                "scale": scale,
                "data_owner": self.agency(owner, line, "Penanggung jawab data"),
                "is_key": key.lower() in YES,
            }
            levels = scale_lookup(scale) if scale is not None and kind == TargetKind.LEVEL else None
            line.cells = self.target_cells(cells, years, levels, line)
            describe_changes(line)
            lines.append(line)
        return lines, list(existing.values())

    def heading_area(self, heading: str):
        order, _, _ = heading.partition(".")
        return self.areas.get(int(order)) if order.strip().isdigit() else None

    def activity_lines(self, rows):
        existing = {
            a.pk: a
            for a in PriorityActivity.objects.of_edition(self.edition)
            .filter(dropped_from__isnull=True)
            .select_related("agency", "area", "quick_win")
            .prefetch_related("targets")
        }
        titles, body, years = self.body(ACTIVITIES, rows)
        if titles is None:
            return [], []
        lines, parent_field, parent = [], "area", None
        for number, cells, heading in body:
            if heading is not None:
                if heading.lower().startswith("quick win"):
                    rest = heading[len("quick win") :].strip()
                    order = rest.partition(".")[0]
                    parent_field, parent = (
                        "quick_win",
                        self.quick_wins.get(int(order)) if order.isdigit() else None,
                    )
                else:
                    parent_field, parent = "area", self.heading_area(heading)
                continue
            line = self.measured_line(
                ACTIVITIES, "activity", number, cells, titles, parent_field, parent, existing
            )
            col = titles.get("Perangkat Daerah Pengampu")
            line.values["agency"] = self.agency(cells[col] if col is not None else "", line, "Pengampu")
            line.values["area" if parent_field == "quick_win" else "quick_win"] = None
            line.cells = self.target_cells(cells, years, None, line)
            describe_changes(line)
            lines.append(line)
        return lines, list(existing.values())

    def row_lines(self, rows):
        existing = {
            r.pk: r
            for r in ActionPlanRow.objects.of_edition(self.edition)
            .filter(dropped_from__isnull=True)
            .select_related("area", "group")
            .prefetch_related("leads__agency", "supporting_agencies", "planned_actions")
        }
        groups = {
            (g.area_id, g.code, g.title): g
            for g in ActionPlanGroup.objects.filter(area__edition=self.edition)
        }
        titles, body, years = self.body(PLAN, rows)
        if titles is None:
            return [], []
        lines, area, group = [], None, None
        for number, cells, heading in body:
            if heading is not None:
                found = self.heading_area(heading) if not cells[0] else None
                if found is not None:
                    area, group = found, None
                    continue
                group = groups.get((getattr(area, "pk", None), cells[0], heading))
                if group is None:
                    self.errors.append(
                        f'Lembar "{PLAN}" baris {number}: kelompok “{cells[0]} {heading}” tidak dikenal; tambahkan kelompok lewat formulir.'
                    )
                continue
            line = self.plan_line(number, cells, titles, years, area, group, existing)
            lines.append(line)
        return lines, list(existing.values())

    def plan_line(self, number, cells, titles, years, area, group, existing) -> Line:
        name = cells[1]
        line = Line(PLAN, number, "row", name)
        line.item = self.item_by_code(cells[titles[CODE]], "row", existing, line)
        if area is None:
            line.errors.append("Baris ini tidak berada di bawah judul area yang dikenal.")
        lead_names = (
            [n for n in cells[titles["Utama"]].splitlines() if n.strip()] if "Utama" in titles else []
        )
        line.leads = [a for a in (self.agency(n, line, "Utama") for n in lead_names) if a is not None]
        if not lead_names:
            line.errors.append("Belum ada Perangkat Daerah Utama.")
        support = cells[titles["Pendukung"]] if "Pendukung" in titles else ""
        scope = SUPPORT_PHRASES.get(support.lower(), SupportScope.LISTED)
        if scope == SupportScope.LISTED and support:
            names = [n for n in support.replace(";", "\n").splitlines() if n.strip()]
            line.supporters = [a for a in (self.agency(n, line, "Pendukung") for n in names) if a is not None]
        line.values = {
            "area": area,
            "group": group,
            "label": cells[0],
            "name": name,
            "support_scope": scope,
            "supporting_as_written": support,
        }
        line.cells = {year: [t for t in cells[col].splitlines() if t.strip()] for year, col in years.items()}
        if not name:
            line.errors.append("Nama sub kegiatan kosong.")
        describe_changes(line)
        return line


HEADING = re.compile(r"^(quick win\s+)?[0-9]+\.\s", re.IGNORECASE)


def is_heading(sheet: str, cells: list[str]) -> bool:
    """An area's or a quick win's heading ("3. Penataan ..."), or in the action plan also a group's
    ("b.1" beside its title): only the first two cells are written."""
    if not cells[1] or any(cells[2:]):
        return False
    return sheet == PLAN or (not cells[0] and bool(HEADING.match(cells[1])))


def sheet_name_title(sheet: str) -> str:
    return "Indikator keberhasilan" if sheet == INDICATORS else "Kegiatan"


def describe_changes(line: Line) -> None:
    """What a row with a code would change in its item (empty: nothing)."""
    item = line.item
    if item is None or line.errors:
        return
    for name, value in line.values.items():
        if name in ("area", "quick_win", "group") and getattr(item, f"{name}_id") == getattr(
            value, "pk", None
        ):
            continue
        if getattr(item, name) != value and not (getattr(item, name) in (None, "") and value in (None, "")):
            label = item._meta.get_field(name).verbose_name
            line.changes.append(f"{label}: {getattr(item, name) or '–'} → {value or '–'}")
    if line.kind == "row":
        before = {}
        for action in item.planned_actions.all():
            before.setdefault(action.year, []).append(action.text)
        for year, texts in line.cells.items():
            if before.get(year, []) != texts:
                line.changes.append(f"Rencana aksi {year}")
        if [lead.agency for lead in item.leads.all()] != line.leads:
            line.changes.append("Perangkat Daerah Utama")
        return
    for year, written in line.cells.items():
        target = item.targets_by_year.get(year)
        if (target.as_written if target else "") != written and not (target is None and not written):
            line.changes.append(f"Target {year}: {target.as_written if target else '–'} → {written or '–'}")


def build_preview(edition: RoadmapEdition, sheets: dict) -> Preview:
    return Reader(edition, sheets).preview()
