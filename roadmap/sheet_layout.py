"""How a worksheet is laid out on screen and on paper: row heights for wrapped text, and print setup.

Spreadsheet programs do not grow a row for wrapped text they open (Excel only when a cell is
edited, LibreOffice never): a row keeps the height the file gives it, so a row of three lines of
text written without a height shows its first line only. Heights are estimated here from the
column widths, the way the text wraps word by word.

Printing: A4 landscape, the header rows repeated on every page, and the sheet fitted to the
page width only where its text then stays at least ``MIN_PRINTED_PT`` points; a wider sheet is
printed at a fixed readable scale over several pages, its first columns repeated.
"""

import functools
import math

BODY_FONT, BODY_PT = "Calibri", 11  # openpyxl's default font (LibreOffice draws it with Carlito)
LINE_PT = 15  # Excel's row height for one line of Calibri 11
MIN_PRINTED_PT = 8
WIDE_SCALE = 80  # percent, for sheets too wide to fit one page at MIN_PRINTED_PT (8,8 pt text)
# A4 landscape, 0.5 in left and right margins: 297 mm - 25.4 mm, in points.
PRINTABLE_WIDTH_PT = (297 - 25.4) / 25.4 * 72
# Width of one column-width unit (one "0" of Calibri 11) as printed, in points, with its padding:
# LibreOffice prints a little wider than Excel (5,25 pt), so its measure is used.
UNIT_PT = 5.55
FIT_SLACK = 0.95
# Widths that add up to this fit one landscape page with text of 8 pt or more, LibreOffice's slack included.
READABLE_TOTAL_WIDTH = 175
MARGINS_IN = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.6, "header": 0.3, "footer": 0.3}


# Advance widths of Calibri (and of Carlito, its metric twin) in font units; "0" is 1038, and one
# unit of column width is the width of "0". Characters not listed count as a "0".
_NARROW = dict.fromkeys(" ", 463) | dict.fromkeys("il.,:;'|!", 500) | dict.fromkeys("fjtI()[]-", 640)
_SMALL = dict.fromkeys("rszJ/", 800) | dict.fromkeys("cvxyk", 930) | {"L": 861}
_WIDE = dict.fromkeys("mM%", 1751) | dict.fromkeys("wW", 1822) | dict.fromkeys("ADGHNOQUV", 1360)
ADVANCE = _NARROW | _SMALL | _WIDE
DIGIT_ADVANCE = 1038
BOLD_WIDTH = 1.08  # bold letters are wider
SAFETY = 1.06  # renderers differ by a few percent: better a line too many than a cut one


@functools.lru_cache(maxsize=8192)  # words repeat: a workbook has thousands of cells
def text_width(text: str, size: float = BODY_PT, bold: bool = False) -> float:
    """The width of ``text`` in column-width units."""
    advance = sum(ADVANCE.get(char, DIGIT_ADVANCE) for char in text)
    return advance / DIGIT_ADVANCE * size / BODY_PT * (BOLD_WIDTH if bold else 1) * SAFETY


@functools.lru_cache(maxsize=8192)  # a recap repeats many cells ("–", agency names, states)
def wrapped_lines(text: str, width: float, size: float = BODY_PT, bold: bool = False) -> int:
    """Lines ``text`` takes in a wrapping cell ``width`` units wide, filled word by word as a
    spreadsheet does (checked against LibreOffice in tests/test_workbooks_calc.py)."""
    room = max(1.0, width - 1)  # the cell's padding takes about one unit
    space = text_width(" ", size, bold)
    lines = 0
    for paragraph in text.split("\n"):
        used, count = 0.0, 1
        for word in paragraph.split():
            needed = text_width(word, size, bold)
            if used and used + space + needed <= room:
                used += space + needed
                continue
            if used:
                count += 1
            breaks = math.ceil(needed / room) - 1 if needed > room else 0  # a word longer than a line
            count += breaks
            used = needed - breaks * room
        lines += count
    return lines


def row_height(cells: list[tuple[str, float, float, bool]]) -> float | None:
    """The height (points) a row of (text, width, font size, bold) cells needs; None: the default will do."""
    needed = max(
        (
            wrapped_lines(text, width, size, bold) * LINE_PT * size / BODY_PT
            for text, width, size, bold in cells
        ),
        default=0,
    )
    return math.ceil(needed * 4) / 4 if needed > LINE_PT else None


def print_setup(ws, widths: list[float], title_rows: str, key_columns: int = 2) -> float:
    """Landscape A4, header rows on every page, fitted to the page width where that stays readable.

    Returns the printed size of body text in points.
    """
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = "9"  # A4
    for side, inches in MARGINS_IN.items():
        setattr(ws.page_margins, side, inches)
    ws.print_title_rows = title_rows
    natural = sum(widths) * UNIT_PT
    fitted = min(1.0, PRINTABLE_WIDTH_PT / natural)
    # LibreOffice fits a little tighter than the width alone implies (up to 5 %): keep that margin.
    if fitted * FIT_SLACK * BODY_PT >= MIN_PRINTED_PT:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth, setup.fitToHeight = 1, 0
        return fitted * FIT_SLACK * BODY_PT
    setup.scale = WIDE_SCALE
    ws.print_title_cols = f"A:{chr(ord('A') + key_columns - 1)}"
    return WIDE_SCALE / 100 * BODY_PT
