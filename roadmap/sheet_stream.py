"""Rows of a write-only worksheet written as XML text, one string per row.

openpyxl's write-only sheet turns every value into a cell object, then builds, serialises and
escapes an ElementTree element for it through et_xmlfile: about 30 µs a cell, a second for the
30 000 cells of a full-year recap. Here a row's cells arrive with their value already in the type
a cell holds and their style already in the workbook's table, and the row is written as the text
openpyxl would write: inline strings, style ids, dates as serial numbers, the row's height.
tests/test_sheet_stream.py compares both writers' files element by element.

openpyxl writes through lxml when lxml is installed; lxml's writer takes no raw text, so the
cells then go through openpyxl's own writer.
"""

import datetime
from copy import copy
from dataclasses import dataclass
from typing import NamedTuple
from xml.sax.saxutils import escape

from openpyxl import LXML
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.compat import safe_string
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter

MAX_TEXT = 32767  # characters in a cell; openpyxl cuts longer text there too
LETTERS = [get_column_letter(n) for n in range(1, 703)]  # columns A to ZZ, named once


@dataclass(frozen=True, slots=True)
class CellStyle:
    """A style as the workbook's table holds it, and the font size and weight row heights need."""

    array: StyleArray
    attribute: str  # ' s="3"' in a cell's XML; empty for the default style
    size: float
    bold: bool


class StyledCell(NamedTuple):  # a tuple: made tens of thousands of times per workbook
    """A value (None, text, number, date or datetime: what ``spreadsheets.plain`` gives) and its style."""

    value: object
    style: CellStyle | None = None


def register_style(workbook: Workbook, cell: WriteOnlyCell, size: float, bold: bool) -> CellStyle:
    """A styled cell's style, added to the workbook's table once."""
    array = copy(cell._style)
    style_id = workbook._cell_styles.add(array)
    return CellStyle(array, f' s="{style_id}"' if any(array) else "", size, bold)


def checked_text(text: str) -> str:
    """Text a cell may hold; control characters are refused, as openpyxl refuses them."""
    text = text[:MAX_TEXT]
    if ILLEGAL_CHARACTERS_RE.search(text):
        raise IllegalCharacterError(f"{text} cannot be used in worksheets.")
    return text


class StreamedWorksheet(WriteOnlyWorksheet):
    """A write-only sheet whose rows are lists of ``StyledCell`` (or None for an empty cell).

    ``row_heights``: rows' heights in points, written with the row (no openpyxl dimension objects).
    """

    def __init__(self, parent, title):
        super().__init__(parent, title)
        self.row_heights: dict[int, float] = {}

    def _get_writer(self):
        if self._writer is None:
            self._writer = RowWriter(self)
            self._writer.write_top()

    def _values_to_row(self, values, row_idx):
        return values


def create_sheet(workbook: Workbook, title: str) -> StreamedWorksheet:
    sheet = StreamedWorksheet(parent=workbook, title=title)
    workbook._add_sheet(sheet)
    return sheet


class RowWriter(WorksheetWriter):
    raw = not LXML  # tests switch it off to compare with openpyxl's own writing

    def write_row(self, xf, row, row_idx):
        write = getattr(xf, "_file", None)
        raw = self.raw and write is not None
        height = self.ws.row_heights.get(row_idx)
        if height is not None and (not raw or row_idx in self.ws.row_dimensions):
            self.ws.row_dimensions[row_idx].height, height = (
                height,
                None,
            )  # one place for the row's attributes
        if not raw:
            super().write_row(xf, openpyxl_cells(self.ws, row, row_idx), row_idx)
            return
        parts = [f'<row r="{row_idx}"']
        if height is not None:
            parts.append(f' ht="{safe_string(height)}" customHeight="1"')
        for key, value in self.ws.row_dimensions.get(row_idx, {}):
            parts.append(f' {key}="{value}"')
        parts.append(">")
        epoch = self.ws.parent.epoch
        letters = (
            LETTERS if len(row) <= len(LETTERS) else [get_column_letter(n) for n in range(1, len(row) + 1)]
        )
        for letter, cell in zip(letters, row, strict=False):  # letters: at least as many
            if cell is None or (cell.value is None and cell.style is None):
                continue
            parts.append(cell_xml(f"{letter}{row_idx}", cell, epoch))
        parts.append("</row>")
        write("".join(parts))


def cell_xml(coordinate: str, cell: StyledCell, epoch) -> str:
    style = cell.style.attribute if cell.style is not None else ""
    value = cell.value
    if isinstance(value, str):
        stripped = value.strip()
        space = ' xml:space="preserve"' if stripped and stripped != value else ""
        return f'<c r="{coordinate}"{style} t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'
    if value is None:
        return f'<c r="{coordinate}"{style} t="n"/>'
    if isinstance(value, datetime.date):
        value = to_excel(value, epoch)
    return f'<c r="{coordinate}"{style} t="n"><v>{safe_string(value)}</v></c>'


def openpyxl_cells(ws, row, row_idx) -> list[WriteOnlyCell]:
    """The row as openpyxl's cells, for its own writer."""
    cells = []
    for column, cell in enumerate(row, start=1):
        if cell is None:
            continue
        out = WriteOnlyCell(ws)
        if cell.style is not None:
            out._style = copy(cell.style.array)  # first: a date keeps its own date format
        out.value = cell.value
        if isinstance(cell.value, str):
            out.data_type = "s"  # never a formula
        out.column, out.row = column, row_idx
        cells.append(out)
    return cells
