"""Drive a running LibreOffice Calc through UNO, as a person with a spreadsheet would.

Run by Debian's own Python (``/usr/bin/python3``, which has ``python3-uno``), not the project's
virtualenv: ``tests/libreoffice.py`` starts soffice once per test session and calls this script
with a JSON request on stdin; the answer is JSON on stdout. A request opens one workbook, then:

- ``type``: enter text into cells as typed on the keyboard (the input line's parsing, in the
  cell's number-format locale, else the profile's locale);
- ``inspect``: per sheet, page setup, print titles, column widths, and for every used row its
  height and the height Calc finds optimal for its wrapped text, and each cell's type and value;
- ``save``: store the document (xlsx or PDF).

Inspect a document that was typed into only after saving and opening it again: Calc 7.4 crashes
when row heights are recomputed right after typing through the dispatcher.
"""

import json
import sys

import uno
from com.sun.star.beans import PropertyValue

TYPES = {"EMPTY": "empty", "VALUE": "number", "TEXT": "text", "FORMULA": "formula"}
FILTERS = {"xlsx": "Calc MS Excel 2007 XML", "pdf": "calc_pdf_Export"}


def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    context = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
    return context, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def type_into(context, document, entries):
    dispatcher = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", context
    )
    frame = document.getCurrentController().getFrame()
    sheets = document.getSheets()
    for entry in entries:
        document.getCurrentController().setActiveSheet(sheets.getByName(entry["sheet"]))
        dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", entry["cell"]),))
        dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", entry["text"]),))


def number_format(document, key):
    formats = document.getNumberFormats()
    try:
        found = formats.getByKey(key)
    except Exception:  # noqa: BLE001 - an unknown key reads as no format
        return "", ""
    locale = found.Locale
    return found.FormatString, f"{locale.Language}-{locale.Country}"


def inspect(document):
    sheets = []
    styles = document.getStyleFamilies().getByName("PageStyles")
    for sheet in document.getSheets():
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_row, last_col = cursor.getRangeAddress().EndRow, cursor.getRangeAddress().EndColumn
        page = styles.getByName(sheet.PageStyle)
        rows, cells = [], []
        for r in range(last_row + 1):
            row = sheet.getRows().getByIndex(r)
            height = row.Height
            row.OptimalHeight = True  # Calc's own measure of the wrapped text (never saved)
            rows.append({"row": r + 1, "height": height, "optimal": row.Height})
            for c in range(last_col + 1):
                cell = sheet.getCellByPosition(c, r)
                kind = TYPES.get(cell.getType().value, "other")
                if kind == "empty":
                    continue
                fmt, locale = number_format(document, cell.NumberFormat)
                cells.append(
                    {
                        "row": r + 1,
                        "col": c + 1,
                        "type": kind,
                        "value": cell.getValue(),
                        "text": cell.getString(),
                        "format": fmt,
                        "locale": locale,
                    }
                )
        titles = sheet.getTitleRows() if sheet.getPrintTitleRows() else None
        sheets.append(
            {
                "name": sheet.getName(),
                "landscape": page.IsLandscape,
                "page_width": page.Width,
                "page_height": page.Height,
                "margins": [page.LeftMargin, page.RightMargin, page.TopMargin, page.BottomMargin],
                "scale": page.PageScale,
                "pages_x": page.ScaleToPagesX,
                "pages_y": page.ScaleToPagesY,
                "title_rows": [titles.StartRow + 1, titles.EndRow + 1] if titles else None,
                "widths": [sheet.getColumns().getByIndex(c).Width for c in range(last_col + 1)],
                "rows": rows,
                "cells": cells,
            }
        )
    return sheets


def main():
    request = json.load(sys.stdin)
    context, desktop = connect(request["port"])
    url = uno.systemPathToFileUrl(request["open"])
    document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    answer = {}
    try:
        for action in request["actions"]:
            if action["do"] == "type":
                type_into(context, document, action["cells"])
            elif action["do"] == "inspect":
                answer["sheets"] = inspect(document)
            elif action["do"] == "save":
                target = uno.systemPathToFileUrl(action["path"])
                document.storeToURL(target, (prop("FilterName", FILTERS[action["as"]]),))
    finally:
        document.close(True)
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
