"""The streamed row writer (roadmap/sheet_stream.py) writes the file openpyxl's own writer writes."""

import datetime
import zipfile
from decimal import Decimal
from io import BytesIO
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Alignment, PatternFill

from roadmap import sheet_stream
from roadmap.spreadsheets import GROUP_FILL, Column, Percent, Sheet, new_workbook

NO_WRAP = Alignment(wrap_text=False, vertical="top")
YELLOW = PatternFill("solid", fgColor="FFF2CC")
LONG = "Sosialisasi ulang kepada seluruh Perangkat Daerah tentang tata cara pelaporan " * 3


def build() -> bytes:
    workbook = new_workbook()
    columns = [
        Column("No", 4),
        Column("Nama", 30),
        Column("2020", 8, group="Target"),
        Column("2021", 8, group="Target"),
        Column("Capaian", 10),
        Column("Tanggal", 16),
        Column("Kode", 6, hidden=True),
    ]
    sheet = Sheet(workbook, "Uji", columns, ["Judul", "Anak judul"])
    sheet.span_row(["", "1. Area"], fill=GROUP_FILL)
    sheet.write([1, "=1+1", Decimal("3.900"), 2.5, Percent("66.666"), datetime.date(2020, 12, 31), "k"])
    sheet.write([2, "  spasi di depan", Decimal("0.25"), None, "Sesuai target", None, ""], bold=True)
    sheet.write(
        [3, "<b>&amp; #N/A", 0, -4, None, datetime.datetime(2020, 6, 1, 3, 4, 5, tzinfo=datetime.UTC)]
    )
    sheet.ws.row_dimensions[sheet.row + 1].outlineLevel = 1  # a row with attributes of its own, and a height
    sheet.write([4, LONG, "B", "≥ 80", True, "baris\nkedua\n", 10**12])
    cells = [sheet.cell(None, fill=YELLOW, number_format="[$-421]General"), sheet.cell("x", align=NO_WRAP)]
    sheet.append(cells + [sheet.cell(7, size=13)])
    sheet.append([])
    sheet.append([None, "tanpa gaya", 5])
    sheet.note("Kajen, 30 November 2026", bold=True)
    Sheet(workbook, "Kosong", [Column("A")])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def parts(data: bytes) -> dict:
    def tree(element):
        text = (element.text or "").strip() if len(element) else element.text or ""
        return element.tag, sorted(element.attrib.items()), text, [tree(child) for child in element]

    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {
            name: tree(ElementTree.fromstring(archive.read(name)))
            for name in archive.namelist()
            if name != "docProps/core.xml"  # the moment the file was made
        }


def test_streamed_rows_are_what_openpyxl_writes(monkeypatch):
    streamed = build()
    monkeypatch.setattr(sheet_stream.RowWriter, "raw", False)
    written_by_openpyxl = build()
    ours, theirs = parts(streamed), parts(written_by_openpyxl)
    assert ours.keys() == theirs.keys()
    for name in theirs:
        assert ours[name] == theirs[name], name


def test_streamed_workbook_reads_back():
    sheet = load_workbook(BytesIO(build()))["Uji"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=6) if row[0].value}
    assert rows[1][1].value == "=1+1" and rows[1][1].data_type == "s"
    assert rows[1][2].value == 3.9 and rows[1][2].number_format == "[$-421]#,##0.0"
    assert rows[1][4].value == pytest.approx(0.6667) and rows[1][4].number_format == "[$-421]0.00%"
    assert rows[1][5].value == datetime.datetime(2020, 12, 31)
    assert rows[2][1].value == "  spasi di depan" and rows[2][1].font.b
    assert rows[3][1].value == "<b>&amp; #N/A"
    assert rows[3][5].value == datetime.datetime(2020, 6, 1, 10, 4, 5)  # Jakarta time
    assert rows[4][4].value == "Ya" and rows[4][5].value == "baris\nkedua\n"
    assert sheet.row_dimensions[rows[4][0].row].height > 15  # the long name wraps
    assert sheet.row_dimensions[rows[4][0].row].outlineLevel == 1
    assert sheet.freeze_panes == "A6"
    assert "C4:D4" in sheet.merged_cells and "B6:G6" in sheet.merged_cells
