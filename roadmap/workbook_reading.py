"""Reading an uploaded workbook within bounds, so a hostile file is refused in about a second.

Shared by the reporting import (monev.excel.importing) and the road-map workbook (editions.workbook).

openpyxl on its own trusts what a file declares: a sheet declaring ``A1:XFD50000`` is padded to
800 million empty cells, a zip part may unpack to gigabytes, and a workbook may list thousands of
sheets, each opened on load. Here the file is checked before it is read (the unpacked size of
every part, the number of parts and sheets, each sheet's declared range) and while it is read
(cells and rows parsed, shared strings, text), and only the sheets and columns a template uses
are read. openpyxl still parses each cell, so values are typed as it types them.

The limits are settings (``IMPORT_MAX_*``, see roadmap/settings.py and DEPLOY.md).
"""

import math
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from openpyxl.cell.text import Text
from openpyxl.packaging.manifest import Manifest
from openpyxl.reader.excel import _find_workbook_part
from openpyxl.reader.workbook import WorkbookParser
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.exceptions import CellCoordinatesException, InvalidFileException
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import fromstring, iterparse

from roadmap.notation import format_number

MB = 1024 * 1024
MAX_PARTS = 500  # a workbook saved by Excel or LibreOffice has a few dozen
MAX_SHEETS = 50
CELL = f"{{{SHEET_MAIN_NS}}}c"
ROW = f"{{{SHEET_MAIN_NS}}}row"
DIMENSION = f"{{{SHEET_MAIN_NS}}}dimension"
STRING_ITEM = f"{{{SHEET_MAIN_NS}}}si"

UNREADABLE_MESSAGE = "Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca."
# What a damaged or foreign file raises while it is read (XML errors are SyntaxErrors).
UNREADABLE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    OSError,
    SyntaxError,
    CellCoordinatesException,
    InvalidFileException,
)


class TemplateError(Exception):
    """The file as a whole cannot be read as a template; the message says why, in Indonesian."""


def count(number: int) -> str:
    return format_number(number)


@dataclass(frozen=True)
class Limits:
    unpacked: int  # bytes of every part together, unpacked
    cells: int  # cells read from one sheet (declared and parsed), shared strings in the file
    lines: int  # filled-in lines of a template

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            unpacked=settings.IMPORT_MAX_UNPACKED_MB * MB,
            cells=settings.IMPORT_MAX_CELLS,
            lines=settings.IMPORT_MAX_ROWS,
        )


class BoundedWorkbook:
    """The sheets of an .xlsx file, read row by row within ``limits``."""

    def __init__(self, data: bytes, limits: Limits, sheets_hint: str = 'lembar "Laporan" dan "Info"'):
        self.limits = limits
        try:
            self.archive = zipfile.ZipFile(BytesIO(data))
            self.check_parts()
            package = Manifest.from_tree(fromstring(self.archive.read(ARC_CONTENT_TYPES)))
            self.strings = self.read_strings(package)
            workbook = WorkbookParser(
                self.archive, _find_workbook_part(package).PartName[1:], keep_links=False
            )
            workbook.parse()
            if len(workbook.sheets) > MAX_SHEETS:
                raise TemplateError(
                    f"Berkas ini berisi {count(len(workbook.sheets))} lembar; templat hanya memiliki "
                    f"{sheets_hint}. Unduh templat baru."
                )
            self.sheets = {sheet.name: rel.target for sheet, rel in workbook.find_sheets()}
        except UNREADABLE:
            raise TemplateError(UNREADABLE_MESSAGE) from None

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    def check_parts(self) -> None:
        """Declared sizes bound what is unpacked: zipfile stops reading a part at its declared size."""
        parts = self.archive.infolist()
        if len(parts) > MAX_PARTS:
            raise TemplateError(
                f"Berkas ini terdiri dari {count(len(parts))} bagian: ini bukan templat laporan."
            )
        unpacked = sum(part.file_size for part in parts)
        if unpacked > self.limits.unpacked:
            raise TemplateError(
                f"Isi berkas ini {unpacked / MB:.0f} MB setelah dibuka, lebih dari batas "
                f"{self.limits.unpacked // MB} MB untuk satu unggahan. Unggah templat dari aplikasi ini "
                "tanpa lembar, gambar atau teks tambahan yang sangat panjang."
            )

    def read_strings(self, package) -> list[str]:
        part = package.find(SHARED_STRINGS)
        if part is None:
            return []
        strings = []
        with self.archive.open(part.PartName[1:]) as source:
            for _, node in iterparse(source):
                if node.tag == STRING_ITEM:
                    strings.append(Text.from_tree(node).content.replace("x005F_", ""))
                    node.clear()
                    if len(strings) > self.limits.cells:
                        raise TemplateError(
                            f"Berkas ini berisi lebih dari {count(self.limits.cells)} teks: ini bukan templat laporan."
                        )
        return strings

    def rows(self, name: str, columns: int, max_rows: int | None = None) -> Iterator[tuple[int, tuple]]:
        """(row number, the values of its first ``columns`` cells) for each row holding a value."""
        try:
            yield from self._rows(name, columns, max_rows)
        except IndexError:
            raise TemplateError(
                "Berkas ini rusak: sebuah sel merujuk ke teks yang tidak ada di dalam berkas. Simpan ulang "
                "berkas dari Excel atau LibreOffice, atau unduh templat baru."
            ) from None
        except UNREADABLE:
            raise TemplateError(UNREADABLE_MESSAGE) from None

    def _rows(self, name: str, columns: int, max_rows: int | None) -> Iterator[tuple[int, tuple]]:
        parser = WorkSheetParser(None, self.strings, data_only=True)
        work = 0  # cell and row elements parsed, read or not
        with self.archive.open(self.sheets[name]) as source:
            for _, element in iterparse(source):
                tag = element.tag
                if tag == DIMENSION:
                    self.check_declared(name, element.get("ref", ""), columns)
                elif tag in (CELL, ROW):
                    work += 1
                    if work > self.limits.cells:
                        raise TemplateError(
                            f'Lembar "{name}" berisi lebih dari {count(self.limits.cells)} sel. Hapus baris dan '
                            "kolom di luar tabel laporan, atau salin isian ke templat baru."
                        )
                if tag != ROW:
                    continue
                if not any(len(cell) for cell in element):  # only empty cells: nothing to read, skip cheaply
                    element.clear()
                    continue
                number, cells = parser.parse_row(element)
                element.clear()
                if max_rows is not None and number > max_rows:
                    return
                values = [None] * columns
                for cell in cells:
                    if cell["column"] <= columns:
                        values[cell["column"] - 1] = checked(cell)
                yield number, tuple(values)

    def check_declared(self, name: str, ref: str, columns: int) -> None:
        """A sheet's declared range, rows x the columns read, must be within the cells read."""
        try:
            first_col, first_row, last_col, last_row = range_boundaries(ref.split()[0])
        except (ValueError, TypeError, IndexError):
            return  # no usable declaration: the count while reading still bounds the work
        rows = (last_row or 1_048_576) - (first_row or 1) + 1  # "A:XFD" declares every row
        read = max(0, min(last_col or columns, columns) - (first_col or 1) + 1)
        if rows * read > self.limits.cells:
            raise TemplateError(
                f'Lembar "{name}" menyatakan rentang {ref} ({count(rows)} baris): lebih dari '
                f"{count(self.limits.cells)} sel yang dapat dibaca. Hapus baris kosong di bawah tabel, "
                "atau salin isian ke templat baru."
            )


def checked(cell: dict):
    value = cell["value"]
    if isinstance(value, float) and not math.isfinite(value):
        where = f"{get_column_letter(cell['column'])}{cell['row']}"
        raise TemplateError(
            f"Sel {where} berisi angka yang terlalu besar untuk dibaca. Tulis angkanya seperti 53,75 atau 3.900."
        )
    return value
