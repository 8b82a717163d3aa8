"""What the Excel tests share: items of the regulation, reading workbooks back, and the reporting template.

Workbooks are read back with openpyxl cell by cell, as a user would see them in Excel; the
import tests download the template through the test client, edit it with openpyxl as a user
would edit it in Excel (``Template``), and upload it again.
"""

import re
from decimal import Decimal as D
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from actions.models import PlannedAction, PriorityActivity
from monev.models import ActionProgress, Realisation
from roadmap.models import Agency, RoadmapEdition
from tests.factories import ActionProgressFactory, RealisationFactory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
SESSION_KEY = "monev_import"

# Items of the regulation used below (Perbup 40/2020).
BUDAYA = "Pembangunan Budaya integritas"  # Inspektorat, Perangkat Daerah, target 45
GRATIFIKASI = "Penanganan gratifikasi."  # Inspektorat, %, target 100
AUDIT = "Audit laporan keuangan."  # Inspektorat, Perangkat Daerah, target 45
PROMOSI = "Promosi jabatan secara terbuka."  # BKD, ASN, target 125 in 2020
GRATIFIKASI_ROW = "Penanganan Gratifikasi"  # action plan row led by Inspektorat


def activity(name: str) -> PriorityActivity:
    return PriorityActivity.objects.get(name=name)


def code_of(name: str) -> str:
    return f"K{activity(name).pk}"


def gratifikasi_action() -> PlannedAction:
    return PlannedAction.objects.get(row__name=GRATIFIKASI_ROW, year=2020)


def action_code() -> str:
    return f"RA{gratifikasi_action().pk}"


def pengawasan():
    return RoadmapEdition.objects.current().areas.get(slug="pengawasan")


def agency(code: str) -> Agency:
    return Agency.objects.get(code=code)


def workbook_of(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith('attachment; filename="')
    return load_workbook(BytesIO(response.content))


def header_row(ws, first_title: str, limit: int = 20) -> int:
    """The header row: it starts with the first column's title (a sheet's title may be the same words)."""
    return next(
        row
        for row in range(1, limit + 1)
        if ws.cell(row, 1).value == first_title and ws.cell(row, 2).value is not None
    )


def export_rows(ws, first_title: str) -> tuple[list[str], list[dict]]:
    """The header titles of a table export and its rows as {title: cell}."""
    top = header_row(ws, first_title)
    titles = [cell.value for cell in ws[top]]
    rows = [
        dict(zip(titles, row, strict=True))
        for row in ws.iter_rows(min_row=top + 1, max_row=ws.max_row)
        if any(cell.value is not None for cell in row)
    ]
    return titles, rows


def recap_rows(ws) -> tuple[list[str], list[dict]]:
    """A recap sheet's columns (lower header row, else the upper one) and its lines as {title: cell}."""
    top = header_row(ws, "No")
    titles = [ws.cell(top + 1, col).value or ws.cell(top, col).value for col in range(1, ws.max_column + 1)]
    rows = [
        dict(zip(titles, row, strict=True))
        for row in ws.iter_rows(min_row=top + 2, max_row=ws.max_row)
        if any(cell.value is not None for cell in row)
    ]
    return titles, rows


def string_cells(wb):
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    yield cell


def assert_no_markup(wb):
    leaked = [
        (c.coordinate, c.value)
        for c in string_cells(wb)
        if TAG.search(c.value) or "&lt;" in c.value or "&amp;" in c.value
    ]
    assert not leaked


def assert_no_formulas(wb):
    formulas = [
        (c.coordinate, c.value) for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert not formulas


# --- The reporting template ---------------------------------------------------------------------


class Template:
    """A downloaded template, edited as a user edits it in Excel."""

    def __init__(self, content: bytes):
        self.wb = load_workbook(BytesIO(content))
        self.ws = self.wb["Laporan"]
        self.top = header_row(self.ws, "Kode")
        self.columns = {self.ws.cell(self.top, col).value: col for col in range(1, self.ws.max_column + 1)}

    @property
    def codes(self) -> dict[str, int]:
        return {
            self.ws.cell(row, 1).value: row
            for row in range(self.top + 1, self.ws.max_row + 1)
            if self.ws.cell(row, 1).value
        }

    def cell(self, code: str, title: str):
        return self.ws.cell(self.codes[code], self.columns[title])

    def set(self, code: str, **values) -> int:
        """Type values into a line: keys are column titles with spaces as underscores."""
        row = self.codes[code]
        for title, value in values.items():
            self.ws.cell(row, self.columns[title.replace("_", " ")]).value = value
        return row

    def add_line(self, **values) -> int:
        """A line typed by hand below the template's lines."""
        row = self.ws.max_row + 1
        for title, value in values.items():
            self.ws.cell(row, self.columns[title.replace("_", " ")]).value = value
        return row

    def upload(self, name: str = "t.xlsx") -> SimpleUploadedFile:
        buffer = BytesIO()
        self.wb.save(buffer)
        return SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX)


def download(client, agency_code="inspektorat", period="q4", year=2020):
    return client.get(
        reverse("monev:import-template"), {"agency": agency_code, "year": year, "period": period}
    )


def template(client, agency_code="inspektorat", period="q4") -> Template:
    return Template(workbook_bytes(download(client, agency_code, period)))


def workbook_bytes(response) -> bytes:
    workbook_of(response)
    return response.content


def upload(client, file, reason=None):
    data = {"file": file}
    if reason is not None:
        data["reason"] = reason
    return client.post(reverse("monev:import"), data)


def preview_of(client, tmpl: Template, reason=None):
    """Upload a template and return the preview page."""
    response = upload(client, tmpl.upload(), reason)
    assert response.status_code == 302 and response["Location"] == reverse("monev:import-preview")
    response = client.get(reverse("monev:import-preview"))
    assert response.status_code == 200
    return response


def outcomes(response) -> dict[str, int]:
    return {key: count for key, _, count in response.context["preview"].counts}


def save(client, action="save_all"):
    return client.post(reverse("monev:import-preview"), {"action": action})


def snapshot():
    """Every stored report and the size of their audit trails."""
    return (
        list(Realisation.objects.order_by("pk").values()),
        list(ActionProgress.objects.order_by("pk").values()),
        Realisation.history.count(),
        ActionProgress.history.count(),
    )


def existing_reports(user=None):
    """Reports Inspektorat already has for TW IV 2020: one verified, one submitted, one action's progress."""
    audit = RealisationFactory(
        activity=activity(AUDIT),
        period="q4",
        number=36,
        note="Tiga OPD belum diaudit",
        review_state="verified",
        reported_by=user,
    )
    gratifikasi = RealisationFactory(
        activity=activity(GRATIFIKASI),
        period="q4",
        number=D("95.5"),
        obstacles="Pelaporan terlambat",
        follow_up="Sosialisasi ulang",
        review_state="submitted",
        reported_by=user,
    )
    progress = ActionProgressFactory(
        planned_action=gratifikasi_action(),
        quarter=4,
        status="in_progress",
        percent=40,
        note="Rekap triwulan",
        review_state="submitted",
        reported_by=user,
    )
    return audit, gratifikasi, progress
