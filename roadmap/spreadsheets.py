"""Excel workbooks the way the Bagian Organisasi reads them.

Numbers stay numbers (with an Indonesian number format, so "1.234,5" shows on any machine), dates
and times are date cells in Jakarta time with Indonesian month names, headers are bold, frozen and
may span several columns, rows are as tall as their wrapped text, and sheets print readably (see
roadmap/sheet_layout.py). Text is written exactly as typed, as a string cell, which a spreadsheet
never evaluates: "=1+1" or "- sosialisasi ulang" shows as written, without an apostrophe. (CSV has
no cell types: CSV exports escape formula-looking text with ``csv_text``.)

Sheets are written in openpyxl's write-only mode, row by row: column widths, merges, print setup
and the frozen header are declared first, which is why ``Sheet`` wants the widths up front. Each
row is written as one piece of XML text (roadmap/sheet_stream.py), each style registered once.
"""

import datetime
import functools
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django_tables2.columns import DateColumn, DateTimeColumn
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from roadmap.notation import NO_TARGET_DISPLAY, normalize_decimal
from roadmap.sheet_layout import BODY_FONT, BODY_PT, READABLE_TOTAL_WIDTH, print_setup, row_height
from roadmap.sheet_stream import CellStyle, StyledCell, checked_text, create_sheet, register_style

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
INDONESIAN = "[$-421]"  # locale tag: Indonesian separators and month names, and typed input read so
DATE_FORMAT = INDONESIAN + "d mmmm yyyy"
# 29 November 2026 14.05 WIB, as pages write it; the dot quoted, or the locale makes it a comma.
DATETIME_FORMAT = INDONESIAN + 'd mmmm yyyy hh"."mm "WIB"'
PERCENT_FORMAT = INDONESIAN + "0.00%"
INPUT_NUMBER_FORMAT = INDONESIAN + "General"  # an empty cell to type a number into: 3.900 reads 3900

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9EAD3")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """Text for a CSV file, where a spreadsheet program would run ``=...`` as a formula (OWASP)."""
    return "'" + text if text.startswith(CSV_FORMULA_STARTS) else text


def local_datetime(value: datetime.datetime) -> datetime.datetime:
    """A moment as a spreadsheet date cell holds it: Jakarta wall-clock time to the second, no time zone."""
    if timezone.is_aware(value):
        value = value.astimezone(ZoneInfo(settings.TIME_ZONE))
    return value.replace(tzinfo=None, microsecond=0)


def stamp(value: datetime.datetime | None = None) -> str:
    """A moment in a heading line: "29 November 2026 14.05 WIB"."""
    local = local_datetime(value or timezone.now())
    return f"{formats.date_format(local, 'j F Y')} {local:%H.%M} WIB"


@functools.lru_cache(maxsize=4096, typed=True)  # a workbook repeats its numbers
def number_format(value: int | float | Decimal) -> str:
    """Thousands grouped; as many decimals as the value has (a Decimal's own places)."""
    places = 0
    if isinstance(value, Decimal):
        exponent = normalize_decimal(value).as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    elif isinstance(value, float) and not value.is_integer():
        places = 2
    return INDONESIAN + ("#,##0." + "0" * places if places else "#,##0")


def target_cell(target):
    """A yearly target in a cell: a plain number stays a number; grades, levels and "≥ 80" stay as written."""
    if target is None or not target.is_set:
        return NO_TARGET_DISPLAY
    if target.number is not None and target.level_id is None and not target.comparator:
        return normalize_decimal(target.number)
    return target.display


class Percent(Decimal):
    """An achievement in percent (70.77), written as the fraction Excel formats as "70,77%".

    A Decimal, so that django-tables2's exports pass it through untouched.
    """


def plain(value):
    """A Python value as a cell holds it, with the number format it needs (or None)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, Percent):
        return round(Decimal(value), 2) / 100, PERCENT_FORMAT  # as the app shows it: 66,67 %
    if isinstance(value, bool):
        return ("Ya" if value else "Tidak"), None
    if isinstance(value, int | float | Decimal):
        return value, number_format(value)
    if isinstance(value, datetime.datetime):
        return local_datetime(value), DATETIME_FORMAT
    if isinstance(value, datetime.date):
        return value, DATE_FORMAT
    return str(value), None


def unstyled(value) -> StyledCell:
    """A bare value given to ``Sheet.append`` instead of a ``Sheet.cell``: written without a style."""
    value = plain(value)[0]
    return StyledCell(checked_text(value) if isinstance(value, str) else value)


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 14
    group: str = ""  # a header spanning this and the neighbouring columns of the same group
    hidden: bool = False


class Sheet:
    """One worksheet: a title, a one- or two-row header, then rows written in order.

    ``key_columns``: the columns that name a row, repeated on each page when the sheet is too
    wide to print on one page width.
    """

    def __init__(
        self,
        workbook: Workbook,
        title: str,
        columns: Sequence[Column],
        heading: Sequence[str] = (),
        key_columns: int = 2,
    ):
        self.ws = create_sheet(workbook, title[:31])
        self.columns = columns
        self.widths = [0 if column.hidden else column.width for column in columns]
        self.row = 0
        self.styles = {}  # cell styles by what sets them, see cell()
        for index, column in enumerate(columns, start=1):
            dimension = self.ws.column_dimensions[get_column_letter(index)]
            dimension.width, dimension.hidden = column.width, column.hidden
        # A write-only sheet writes its views with the first row: freeze below the header now.
        header_rows = 2 if any(column.group for column in columns) else 1
        header_top = len(heading) + (1 if heading else 0) + 1
        self.ws.freeze_panes = f"A{header_top + header_rows}"
        self.printed_pt = print_setup(
            self.ws, self.widths, f"{header_top}:{header_top + header_rows - 1}", key_columns
        )
        for line, text in enumerate(heading):
            self.span_row([text], bold=True, size=13 if line == 0 else 11, border=False)
        if heading:
            self.append([])
        self.write_header()

    @property
    def width(self) -> int:
        return len(self.columns)

    def cell(
        self, value, *, bold=False, fill=None, border=True, size=None, align=None, number_format=None
    ) -> StyledCell:
        value, fmt = plain(value)
        if isinstance(value, str):
            value = checked_text(value)  # written as text, never a formula, whatever it starts with
        return StyledCell(value, self.style(number_format or fmt, bold, fill, border, size, align))

    def style(self, number_format, bold=False, fill=None, border=True, size=None, align=None) -> CellStyle:
        """Each combination of settings is one style in the workbook's table, registered once."""
        key = (number_format, bold, size, id(fill), border, id(align))
        known = self.styles.get(key)
        if known is None:
            cell = WriteOnlyCell(self.ws)
            if number_format:
                cell.number_format = number_format
            cell.alignment = align or WRAP_TOP
            if bold or size:
                # Named: a font without a name is drawn in the reader's default font (LibreOffice: a serif).
                cell.font = Font(name=BODY_FONT, bold=bold, size=size or BODY_PT)
            if fill:
                cell.fill = fill
            if border:
                cell.border = BORDER
            style = register_style(self.ws.parent, cell, size or BODY_PT, bold)
            known = self.styles[key] = (style, fill, align)  # fill and align kept: their ids stay theirs
        return known[0]

    def append(self, cells: Iterable, spans: Sequence[tuple[int, int]] = ()) -> None:
        """Write a row, as tall as its wrapped text; ``spans``: (first, last) columns merged after it."""
        cells = [cell if cell is None or isinstance(cell, StyledCell) else unstyled(cell) for cell in cells]
        widths = self.widths
        if spans:
            widths = list(widths)
            for first, last in spans:
                widths[first - 1] = sum(self.widths[first - 1 : last])
        texts = []
        for cell, width in zip(cells, widths, strict=False):
            if cell is not None and cell.value is not None and width:
                text = cell.value if type(cell.value) is str else "0"  # numbers and dates: one line
                style = cell.style
                texts.append(
                    (text, width, style.size, style.bold) if style else (text, width, BODY_PT, False)
                )
        height = row_height(texts)
        if height:
            self.ws.row_heights[self.row + 1] = height
        self.ws.append(cells)
        self.row += 1

    def merge(self, first_col: int, last_col: int, first_row: int | None = None, last_row: int | None = None):
        first_row = first_row or self.row
        last_row = last_row or first_row
        if (first_col, first_row) != (last_col, last_row):
            start, end = get_column_letter(first_col), get_column_letter(last_col)
            # Straight into the set: ``merged_cells.add`` compares each range with all the others.
            self.ws.merged_cells.ranges.add(CellRange(f"{start}{first_row}:{end}{last_row}"))

    def span_row(self, values: Sequence, *, bold=True, fill=None, size=None, border=True) -> None:
        """A row whose last given value spans the remaining columns (titles, area headings)."""
        cells = [self.cell(value, bold=bold, fill=fill, size=size, border=border) for value in values]
        cells += [self.cell(None, fill=fill, border=border) for _ in range(self.width - len(values))]
        self.append(cells, spans=[(len(values), self.width)])
        self.merge(len(values), self.width)

    def write_header(self) -> None:
        centred = Alignment(wrap_text=True, horizontal="center", vertical="center")
        grouped = any(column.group for column in self.columns)

        def header(value):
            return self.cell(value, bold=True, fill=HEADER_FILL, align=centred)

        if grouped:
            spans = []
            start = 1
            for index in range(1, self.width + 1):
                group = self.columns[index - 1].group
                if index == self.width or self.columns[index].group != group or not group:
                    if group:
                        spans.append((start, index))
                    start = index + 1
            self.append((header(column.group or column.title) for column in self.columns), spans=spans)
            self.append(header(column.title if column.group else None) for column in self.columns)
            top = self.row - 1
            for index, column in enumerate(self.columns, start=1):
                if not column.group:
                    self.merge(index, index, top, self.row)  # a plain column spans both header rows
            for first, last in spans:
                self.merge(first, last, top, top)
        else:
            self.append(header(column.title) for column in self.columns)

    def note(self, text: str, *, bold=False) -> None:
        """A line of text under a table (place and date, a signature block), without borders."""
        self.append([self.cell(None, border=False), self.cell(text, bold=bold, border=False)])

    def write(self, values: Sequence, *, bold=False, fill=None) -> None:
        # As ``cell`` for each value; text (most cells) and empty cells share the row's plain style,
        # registered when first needed (the order styles are registered in is the file's).
        cells, plain_style = [], None
        for value in values:
            if value is None or type(value) is str:
                plain_style = plain_style or self.style(None, bold, fill)
                cells.append(StyledCell(checked_text(value) if value else None, plain_style))
            else:
                cells.append(self.cell(value, bold=bold, fill=fill))
        self.append(cells)


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


TEXT_COLUMN_FLOOR = 16


def widths_for(header: Sequence[str], rows: Sequence[Sequence], limit: float = 40) -> list[float]:
    """Column widths from the longest value of each column (first lines only), within limits.

    Headers wrap, so a long title does not widen its column past 16; text columns give way
    (their text wraps, rows grow) until the table fits one page width at a readable size.
    """
    widths = [min(len(str(title)), 16) for title in header]
    for row in rows[:500]:
        for index, value in enumerate(row):
            text = "" if value is None else str(value).split("\n", 1)[0]
            widths[index] = max(widths[index], len(text))
    widths = [min(max(width + 2, 8), limit) for width in widths]
    while sum(widths) > READABLE_TOTAL_WIDTH:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= TEXT_COLUMN_FLOOR:
            break  # too many columns: printed over several pages (see sheet_layout.print_setup)
        widths[widest] -= 1
    return widths


def without_markup(value):
    """Columns without an export-specific value fall back to their HTML: keep only the text."""
    if isinstance(value, str) and "<" in value:
        return html.unescape(strip_tags(value)).strip()
    return value


def export_rows(table) -> tuple[list[str], list[list]]:
    """The table's header and rows as exported; date and time columns keep their values (date cells)."""
    values = list(table.as_values())
    exported = [c for c in table.columns.iterall() if not c.column.exclude_from_export]
    dated = [i for i, c in enumerate(exported) if isinstance(c.column, DateColumn | DateTimeColumn)]
    rows = [[without_markup(value) for value in row] for row in values[1:]]
    for row, table_row in zip(rows, table.rows, strict=True):
        for index in dated:
            moment = exported[index].accessor.resolve(table_row.record, quiet=True)
            if moment is not None:
                row[index] = moment
    return [str(title) for title in values[0]], rows


def table_workbook(table, title: str, subtitle: str = "") -> Workbook:
    """A django-tables2 table (all its rows, in its current order) as a one-sheet workbook."""
    header, rows = export_rows(table)
    columns = [Column(name, width) for name, width in zip(header, widths_for(header, rows), strict=True)]
    workbook = new_workbook()
    heading = [title, subtitle or f"Diunduh {stamp()} · {len(rows)} baris"]
    sheet = Sheet(workbook, title, columns, heading, key_columns=1)
    for row in rows:
        sheet.write(row)
    sheet.ws.auto_filter.ref = f"A{sheet.row - len(rows)}:{get_column_letter(len(columns))}{sheet.row}"
    return workbook


class TableExportMixin:
    """``?_export=xlsx`` on a table page downloads the table as filtered and sorted on screen."""

    export_title = "Tabel"
    export_name = "tabel"

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("_export") == "xlsx":
            workbook = table_workbook(context["table"], self.export_title)
            return xlsx_response(workbook, f"{self.export_name}-{timezone.localdate():%Y%m%d}.xlsx")
        return super().render_to_response(context, **kwargs)
