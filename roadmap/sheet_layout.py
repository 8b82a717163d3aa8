"""How a worksheet is laid out on screen and on paper: row heights for wrapped text, and print setup.

Spreadsheet programs do not grow a row for wrapped text they open (Excel only when a cell is
edited, LibreOffice never): a row keeps the height the file gives it, so a row of three lines of
text written without a height shows its first line only. Heights are estimated here from the
column widths, the way the text wraps word by word.

Printing: A4 landscape, the header rows repeated on every page, and the sheet fitted to the
page width only where its text then stays at least ``MIN_PRINTED_PT`` points; a wider sheet is
printed at a fixed readable scale over several pages, its first columns repeated.
"""

import math

BODY_PT = 11  # Calibri 11, openpyxl's default font
LINE_PT = 15  # Excel's row height for one line of Calibri 11
MIN_PRINTED_PT = 8
WIDE_SCALE = 80  # percent, for sheets too wide to fit one page at MIN_PRINTED_PT (8,8 pt text)
# A4 landscape, 0.5 in left and right margins: 297 mm - 25.4 mm, in points.
PRINTABLE_WIDTH_PT = (297 - 25.4) / 25.4 * 72
# Width of one column-width unit (one "0" of Calibri 11) as printed, in points, with its padding:
# LibreOffice prints a little wider than Excel (5,25 pt), so its measure is used.
UNIT_PT = 5.55
MARGINS_IN = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.6, "header": 0.3, "footer": 0.3}


def wrapped_lines(text: str, width: float, size: float = BODY_PT) -> int:
    """Lines ``text`` takes in a wrapping cell ``width`` units wide, filled word by word.

    One character per width unit: proportional text averages a little less, so the estimate
    errs towards a line too many rather than a cut one.
    """
    capacity = max(1, int(width * BODY_PT / size))
    lines = 0
    for paragraph in text.split("\n"):
        used, count = 0, 1
        for word in paragraph.split():
            needed = len(word) if used == 0 else used + 1 + len(word)
            if needed <= capacity:
                used = needed
                continue
            if used:
                count += 1
            count += (len(word) - 1) // capacity  # a word longer than a line is broken
            used = len(word) - (len(word) - 1) // capacity * capacity
        lines += count
    return lines


def row_height(cells: list[tuple[str, float, float]]) -> float | None:
    """The height (points) a row of (text, width, font size) cells needs; None: the default will do."""
    needed = max(
        (wrapped_lines(text, width, size) * LINE_PT * size / BODY_PT for text, width, size in cells),
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
    if fitted * BODY_PT >= MIN_PRINTED_PT:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth, setup.fitToHeight = 1, 0
        return fitted * BODY_PT
    setup.scale = WIDE_SCALE
    ws.print_title_cols = f"A:{chr(ord('A') + key_columns - 1)}"
    return WIDE_SCALE / 100 * BODY_PT
