"""Hostile and mistaken input, as tables: every form, the Excel import and the URLs.

Each refused case (``REFUSED``) checks three things: the user reads a clear Indonesian message
(or the 404 page, when the object is not theirs), nothing is stored (every table the app
writes, their audit trails, the media folder and the import waiting in the session, compared
before and after), and the server never answers 500.

The other tables: markup typed into free text is stored as typed and shown escaped on every
page that shows it (``MARKUP``); formula-looking text is written to workbooks as text
(``FORMULAS`` × ``EXPORTS``); file names that try to climb out of MEDIA_ROOT are flattened
(``CLIMBING_NAMES``); fields naming another agency or item are ignored; malformed query strings
never break a page (``QUERIES``).

Run on PostgreSQL (scripts/test.sh) as well as SQLite: some input (a NUL byte) only fails there.
"""

import csv
import html
import io
import re
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from actions.models import ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget, ScaleLevel
from monev.excel.template import template_workbook
from monev.models import (
    ActionProgress,
    Evidence,
    Realisation,
    ReopenedItem,
    ReportingWindow,
    ReportSignatory,
    RiskReview,
)
from roadmap.models import Agency, RoadmapEdition
from tests.factories import RealisationFactory

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_KEY = "monev_import"  # where an uploaded template waits between upload and save

# Items of Perbup 40/2020 used below.
GRATIFIKASI = "Penanganan gratifikasi."  # Inspektorat, unit %, target 100
AUDIT = "Audit laporan keuangan."  # Inspektorat, unit Perangkat Daerah, target 45
BUDAYA = "Pembangunan Budaya integritas"  # Inspektorat, target 45
PROMOSI = "Promosi jabatan secara terbuka."  # BKD, unit ASN
GRATIFIKASI_ROW = "Penanganan Gratifikasi"  # action-plan row led by Inspektorat
BKD_ROW = "Merencanakan kebutuhan pegawai"  # action-plan row led by BKD only
SAKIP = "Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah"  # scale predikat-sakip, with score bands
APIP = "Kapabilitas Aparatur Pengawas Intern Pemerintahan"  # scale kapabilitas-apip, levels only
BPK = "Opini Badan Pemeriksa Keuangan atas lap. Keuangan"  # scale opini-bpk, levels only
IRB = "Indeks Reformasi Birokrasi"  # numeric targets

PDF = b"%PDF-1.4\n% bukti dukung\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 48
MB = 1024 * 1024

# Messages Django writes in English when a translation or a template is missing.
ENGLISH = (
    "This field is required",
    "Enter a valid",
    "Enter a whole number",
    "Select a valid choice",
    "Ensure this value",
    "Null characters",
    "The submitted file",
    "Bad Request",
    "Not Found",
    "Server Error",
    "Forbidden",
)


# --- Looking things up ---------------------------------------------------------------------------


def activity(name: str) -> PriorityActivity:
    return PriorityActivity.objects.get(name=name)


def indicator(name: str) -> Indicator:
    return Indicator.objects.get(name=name)


def plan_row(name: str) -> ActionPlanRow:
    return ActionPlanRow.objects.get(name=name)


def level(scale: str, code: str) -> ScaleLevel:
    return ScaleLevel.objects.get(scale__code=scale, code=code)


def agency(code: str) -> Agency:
    return Agency.objects.get(code=code)


def report_url(item) -> str:
    kind = "indicator" if isinstance(item, Indicator) else "activity"
    return reverse(f"monev:{kind}-report", args=[item.pk])


def activity_report_url(name: str) -> Callable[[], str]:
    return lambda: report_url(activity(name))


def indicator_report_url(name: str) -> Callable[[], str]:
    return lambda: report_url(indicator(name))


def progress_url(name: str, kind: str = "action-progress") -> Callable[[], str]:
    return lambda: reverse(f"monev:{kind}", args=[plan_row(name).pk])


def code_of(name: str) -> str:
    """An activity's code in the reporting template."""
    return f"K{activity(name).pk}"


def action_code(row: str) -> str:
    return f"RA{PlannedAction.objects.filter(row__name=row, year=2020).order_by('order').first().pk}"


# --- Form data -----------------------------------------------------------------------------------


def report(**overrides) -> dict:
    """A valid realisation report for TW I 2020, with some fields overridden."""
    return {
        "year": "2020",
        "period": "q1",
        "number": "90",
        "note": "",
        "obstacles": "",
        "follow_up": "",
        **overrides,
    }


def with_file(name: str, content: bytes, **overrides) -> Callable[[], dict]:
    return lambda: report(evidence_file=SimpleUploadedFile(name, content), **overrides)


def progress(row: str, year=2020, quarter=1, **fields) -> dict:
    """One quarter's progress on every planned action of a row in a year, with fields overridden."""
    data = {"year": year, "quarter": quarter}
    for action in plan_row(row).planned_actions.filter(year=2020):
        values = {"status": "in_progress", "percent": "40", "note": "", **fields}
        data.update({f"a{action.pk}-{key}": value for key, value in values.items()})
    return data


def targets(name: str, model=Indicator, reason: str = "", **years) -> dict:
    """The targets form as shown (every year as written), with some years retyped."""
    item = model.objects.get(name=name)
    data = {f"year_{year}": target.as_written for year, target in item.targets_by_year.items()}
    data.update({key.replace("y", "year_"): value for key, value in years.items()})
    return {**data, "reason": reason}


def risks(first_status: str = "persists", first_note: str = "") -> dict:
    """The risk-status form of 2020: every risk not assessed, the first one as given."""
    data = {}
    edition = RoadmapEdition.objects.current()
    for index, risk in enumerate(edition.risks.order_by("pk")):
        data[f"risk-{risk.pk}-status"] = first_status if index == 0 else "not_assessed"
        data[f"risk-{risk.pk}-note"] = first_note if index == 0 else ""
    return data


def signatory(**overrides) -> dict:
    fields = {
        "order": "1",
        "capacity": "Ketua Tim Pelaksana Reformasi Birokrasi",
        "position": "Sekretaris Daerah Kabupaten Pekalongan",
        "name": "Nama Uji Sekda",
        "rank": "",
        "nip": "196801011990031001",
        **overrides,
    }
    return {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        **{f"form-0-{key}": value for key, value in fields.items()},
    }


def new_account(**overrides) -> dict:
    return {
        "username": "baru",
        "first_name": "Akun",
        "last_name": "Baru",
        "email": "",
        "role": "steering",
        "agency": "",
        "password1": "Kuat-dan-Panjang-2020!",
        "password2": "Kuat-dan-Panjang-2020!",
        **overrides,
    }


# --- Reports that exist before a case runs ---------------------------------------------------------


def existing(name=GRATIFIKASI, period="q2", state="submitted", number=90) -> Callable[[], None]:
    def make():
        RealisationFactory(activity=activity(name), period=period, number=number, review_state=state)

    return make


def the_report(name=GRATIFIKASI, period="q2") -> Realisation:
    return Realisation.objects.get(activity=activity(name), year=2020, period=period)


def close(period: str) -> Callable[[], None]:
    def make():
        window = ReportingWindow.objects.get(year=2020, period=period)
        window.is_open = False
        window.save()

    return make


def closed_window_pk(period="q3") -> int:
    return ReportingWindow.objects.get(year=2020, period=period, is_open=False).pk


# --- Excel files ---------------------------------------------------------------------------------


def template_bytes(agency_code: str = "inspektorat", period: str = "q4") -> bytes:
    workbook = template_workbook(RoadmapEdition.objects.current(), agency(agency_code), 2020, period)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template(
    agency_code: str = "inspektorat",
    *,
    lines: Callable[[], dict] | None = None,
    add: Callable[[], list[dict]] | None = None,
    info: dict | None = None,
    period: str = "q4",
) -> SimpleUploadedFile:
    """An agency's template as a user fills it in Excel: ``lines`` by code, ``add`` typed below."""
    wb = load_workbook(BytesIO(template_bytes(agency_code, period)))
    ws = wb["Laporan"]
    top = next(r for r in range(1, 21) if ws.cell(r, 1).value == "Kode" and ws.cell(r, 2).value)
    columns = {ws.cell(top, c).value: c for c in range(1, ws.max_column + 1)}
    rows = {ws.cell(r, 1).value: r for r in range(top + 1, ws.max_row + 1) if ws.cell(r, 1).value}
    for code, values in (lines() if lines else {}).items():
        for title, value in values.items():
            ws.cell(rows[code], columns[title]).value = value
    for values in add() if add else []:
        row = ws.max_row + 1
        for title, value in values.items():
            ws.cell(row, columns[title]).value = value
    for key, value in (info or {}).items():
        sheet = wb["Info"]
        row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == key)
        sheet.cell(row, 2).value = value
    buffer = BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile("laporan.xlsx", buffer.getvalue(), content_type=XLSX)


def with_part(content: bytes, part: str, edit: Callable[[bytes], bytes]) -> bytes:
    """A workbook with one of its zip parts rewritten, the others kept as they are."""
    source = zipfile.ZipFile(BytesIO(content))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, edit(data) if name == part else data)
    return buffer.getvalue()


REPORT_SHEET = "xl/worksheets/sheet1.xml"  # the template's first sheet, "Laporan"


def crafted(
    edit: Callable[[str], str], part: str = REPORT_SHEET, **template_args
) -> Callable[[], SimpleUploadedFile]:
    """A real template (filled in as ``template`` does) whose XML part is then edited by hand."""

    def make():
        content = template(**template_args).read()
        data = with_part(content, part, lambda xml: edit(xml.decode()).encode())
        return SimpleUploadedFile("laporan.xlsx", data, content_type=XLSX)

    return make


def declaring(ref: str, empty_rows: int = 0, cells_per_row: int = 1) -> Callable[[str], str]:
    """The sheet declares the range ``ref`` and holds ``empty_rows`` rows of empty cells below the lines."""

    def edit(xml: str) -> str:
        xml = re.sub(r"<dimension [^>]*/>", "", xml)
        xml = xml.replace("<sheetViews>", f'<dimension ref="{ref}"/><sheetViews>', 1)
        rows = "".join(
            f'<row r="{n}">' + f'<c r="A{n}" s="0"/>' * cells_per_row + "</row>"
            for n in range(1000, 1000 + empty_rows)
        )
        return xml.replace("</sheetData>", rows + "</sheetData>", 1)

    return edit


def far_cells(rows: int) -> Callable[[str], str]:
    """Rows of empty cells out to column XFD, the last one Excel has, without declaring them."""

    def edit(xml: str) -> str:
        lines = "".join(
            f'<row r="{n}">'
            + "".join(f'<c r="{get_column_letter(col)}{n}"/>' for col in range(1, 16385))
            + "</row>"
            for n in range(1000, 1000 + rows)
        )
        return xml.replace("</sheetData>", lines + "</sheetData>", 1)

    return edit


def keterangan_xml(size: int) -> Callable[[str], str]:
    """Budaya's Keterangan cell (column J) holding ``size`` characters: openpyxl itself cuts at 32 767."""

    def edit(xml: str) -> str:
        row = re.search(
            r'<row r="(\d+)"[^>]*>(?:(?!</row>).)*?' + re.escape(code_of(BUDAYA)) + "<", xml
        ).group(1)
        cell = re.search(rf'<c r="J{row}"[^>]*?(/>|>.*?</c>)', xml).group(0)
        return xml.replace(cell, f'<c r="J{row}" t="inlineStr"><is><t>{"k" * size}</t></is></c>', 1)

    return edit


def realisasi_cell(raw: str) -> Callable[[str], str]:
    """Budaya's Realisasi cell (column G) holding ``raw`` XML, as no spreadsheet program writes it."""

    def edit(xml: str) -> str:
        row = re.search(
            r'<row r="(\d+)"[^>]*>(?:(?!</row>).)*?' + re.escape(code_of(BUDAYA)) + "<", xml
        ).group(1)
        cell = re.search(rf'<c r="G{row}"[^>]*?(/>|>.*?</c>)', xml).group(0)
        return xml.replace(cell, f'<c r="G{row}" {raw}', 1)

    return edit


def sheets_listed(count: int) -> Callable[[str], str]:
    """workbook.xml listing ``count`` more sheets, all pointing at the Info sheet's part."""

    def edit(xml: str) -> str:
        info = re.search(r'<sheet [^>]*name="Info"[^>]*/>', xml).group(0)
        extra = "".join(
            info.replace('name="Info"', f'name="L{n}"').replace('sheetId="2"', f'sheetId="{n + 3}"')
            for n in range(count)
        )
        return xml.replace(info, info + extra, 1)

    return edit


def keterangan_of(size: int) -> Callable[[], dict]:
    return lambda: {code_of(BUDAYA): {"Realisasi": 40, "Keterangan": "k" * size}}


def zip_bomb() -> SimpleUploadedFile:
    """40 MB of XML squeezed into about 40 kB, named like a workbook."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b" " * (40 * MB))
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    return SimpleUploadedFile("laporan.xlsx", buffer.getvalue())


def blank_workbook() -> SimpleUploadedFile:
    buffer = BytesIO()
    Workbook().save(buffer)
    return SimpleUploadedFile("laporan.xlsx", buffer.getvalue(), content_type=XLSX)


def uploaded(make_file: Callable[[], SimpleUploadedFile]) -> Callable:
    """A preparation step: the file is uploaded and waits in the session for its save."""

    def prepare(client):
        response = client.post(reverse("monev:import"), {"file": make_file()})
        assert response.status_code == 302, "the upload itself is accepted for preview"

    return prepare


# --- What is stored ------------------------------------------------------------------------------

STORED_MODELS = {
    "realisations": Realisation,
    "progress": ActionProgress,
    "evidence": Evidence,
    "windows": ReportingWindow,
    "reopened": ReopenedItem,
    "indicator_targets": IndicatorTarget,
    "activity_targets": ActivityTarget,
    "risk_reviews": RiskReview,
    "signatories": ReportSignatory,
}


def stored_state(client) -> dict:
    """Everything a request could write: rows, audit trails, accounts, media files, the session."""
    state = {name: list(model.objects.order_by("pk").values()) for name, model in STORED_MODELS.items()}
    state["history"] = {
        name: model.history.count() for name, model in STORED_MODELS.items() if hasattr(model, "history")
    }
    state["accounts"] = list(
        get_user_model()
        .objects.order_by("pk")
        .values("username", "first_name", "last_name", "email", "is_active", "profile__role")
    )
    media = Path(settings.MEDIA_ROOT)
    state["media"] = sorted(str(p.relative_to(media)) for p in media.rglob("*")) if media.exists() else []
    state["import"] = client.session.get(SESSION_KEY)
    return state


# --- What the user reads -------------------------------------------------------------------------


def shown_to_user(client, response) -> str:
    """The page, or the page a redirect leads to (where the flash messages are shown)."""
    if response.status_code == 302:
        response = client.get(response["Location"])
    return response.content.decode()


def assert_indonesian(page: str) -> None:
    assert '<html lang="id"' in page
    leaked = [text for text in ENGLISH if text in page]
    assert not leaked, f"English text shown to the user: {leaked}"


# --- The corpus of refused input ------------------------------------------------------------------


@dataclass(frozen=True)
class Refused:
    id: str
    role: str  # staff, inspektorat, bkd, pengarah
    url: Callable[[], str]
    data: Callable[[], dict] | None = None
    message: str | tuple[str, ...] = ""  # Indonesian text the user must read (any of a tuple)
    status: int = 200
    method: str = "post"
    setup: Callable[[], None] | None = None  # data that exists before (in the database)
    prepare: Callable | None = None  # requests made before, as the same user
    redirect_to: Callable[[], str] | None = None
    marks: tuple = field(default=())
    within: float | None = None  # seconds the refusal may take (hostile files: well under gunicorn's 90)


NOT_FOUND = "Halaman tidak ditemukan"
READ_ONLY = "Peran Anda hanya dapat membaca."
NOT_INDONESIAN_NUMBER = "Tulis angka dalam notasi Indonesia"
NOT_READABLE = "Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca."
WITH_ERRORS = "Berkas masih berisi galat"
NOT_ON_SCALE = "Pilih tingkat yang ada pada skala"
REOPEN_REASON = "Tuliskan alasan membuka kembali"
UNPACKS_TOO_BIG = ("setelah dibuka, lebih dari batas 5 MB",)
SIGNED_ZERO = "Nol ditulis tanpa tanda minus"


def IMPORT() -> str:  # noqa: N802 - a URL, named like the other constants of the table
    return reverse("monev:import")


def PREVIEW() -> str:  # noqa: N802
    return reverse("monev:import-preview")


def SAVE_ALL() -> dict:  # noqa: N802
    return {"action": "save_all"}


REFUSED = [
    # --- Realisation of a priority activity (Inspektorat reports its own "Penanganan gratifikasi.")
    Refused("report-number-not-a-number", "inspektorat", activity_report_url(GRATIFIKASI), lambda: report(number="banyak"), NOT_INDONESIAN_NUMBER),
    Refused("report-number-english-decimal", "inspektorat", activity_report_url(AUDIT), lambda: report(number="3.5"), NOT_INDONESIAN_NUMBER),
    Refused("report-number-negative", "inspektorat", activity_report_url(AUDIT), lambda: report(number="-5"), "Nilai tidak boleh negatif."),
    Refused("report-percent-over-100", "inspektorat", activity_report_url(GRATIFIKASI), lambda: report(number="100,01"), "Persentase tidak boleh lebih dari 100."),
    Refused("report-number-1e30", "inspektorat", activity_report_url(AUDIT), lambda: report(number="1e30"), NOT_INDONESIAN_NUMBER),
    Refused("report-number-nan", "inspektorat", activity_report_url(AUDIT), lambda: report(number="NaN"), NOT_INDONESIAN_NUMBER),
    Refused("report-number-10-to-the-13th", "inspektorat", activity_report_url(AUDIT), lambda: report(number="10.000.000.000.000"), "Angka ini terlalu besar"),
    Refused("report-number-too-many-decimals", "inspektorat", activity_report_url(AUDIT), lambda: report(number="12,34567"), "Paling banyak 4 angka di belakang koma."),
    Refused("report-number-missing", "inspektorat", activity_report_url(AUDIT), lambda: report(number=""), "Bidang ini tidak boleh kosong."),
    # Numbers: one parser (roadmap.notation.parse_number) for forms, targets and the import.
    Refused("report-number-29-digits", "inspektorat", activity_report_url(AUDIT), lambda: report(number="1" + "0" * 28), "Angka ini terlalu besar"),
    Refused("report-number-arabic-indic-digits", "inspektorat", activity_report_url(AUDIT), lambda: report(number="١٢٣"), NOT_INDONESIAN_NUMBER),
    Refused("report-number-persian-digits", "inspektorat", activity_report_url(AUDIT), lambda: report(number="۱۲۳"), NOT_INDONESIAN_NUMBER),
    Refused("report-number-fullwidth-digits", "inspektorat", activity_report_url(AUDIT), lambda: report(number="１２３"), NOT_INDONESIAN_NUMBER),
    Refused("report-number-devanagari-digits-grouped", "inspektorat", activity_report_url(AUDIT), lambda: report(number="३.९००"), NOT_INDONESIAN_NUMBER),
    Refused("report-number-signed-zero", "inspektorat", activity_report_url(AUDIT), lambda: report(number="-0"), SIGNED_ZERO),
    Refused("report-number-signed-zero-with-decimals", "inspektorat", activity_report_url(AUDIT), lambda: report(number="-0,00"), SIGNED_ZERO),
    Refused("report-quarter-5", "inspektorat", activity_report_url(AUDIT), lambda: report(period="q5"), "q5 bukan salah satu dari pilihan yang tersedia"),
    Refused("report-year-1899", "inspektorat", activity_report_url(AUDIT), lambda: report(year="1899"), "Tahun 1899 di luar tahun road map untuk item ini"),
    Refused("report-year-not-a-number", "inspektorat", activity_report_url(AUDIT), lambda: report(year="dua ribu"), "Tahun dua ribu di luar tahun road map"),
    Refused("report-nul-byte-in-note", "inspektorat", activity_report_url(AUDIT), lambda: report(note="catatan\x00"), "Karakter null tidak diizinkan."),
    Refused("report-closed-period", "inspektorat", activity_report_url(AUDIT), lambda: report(period="q3"), "Jendela pelaporan periode ini sudah ditutup.", setup=close("q3")),
    Refused(
        "report-verified-report-with-a-smuggled-reason",
        "inspektorat",
        activity_report_url(GRATIFIKASI),
        lambda: report(period="q2", number="100", reason="Koreksi"),  # the reason field is staff-only
        "Laporan ini sudah diverifikasi; perubahan hanya melalui staf Bagian Organisasi.",
        setup=existing(state="verified"),
    ),
    Refused("report-another-agencys-activity", "inspektorat", activity_report_url(PROMOSI), lambda: report(number="130"), NOT_FOUND, status=404),
    Refused(
        "report-hidden-fields-naming-own-agency",
        "bkd",
        activity_report_url(GRATIFIKASI),
        lambda: report(agency="bkd", activity=str(activity(PROMOSI).pk)),
        NOT_FOUND,
        status=404,
    ),
    Refused("report-by-a-read-only-role", "pengarah", activity_report_url(GRATIFIKASI), lambda: report(), READ_ONLY, status=403),
    Refused("report-indicator-by-an-agency-admin", "inspektorat", indicator_report_url(SAKIP), lambda: report(period="year", number="70"), "Hanya staf Bagian Organisasi dan Perangkat Daerah penanggung jawab data yang mengisi indikator ini.", status=403),
    Refused(
        "report-6-mb-of-text",
        "inspektorat",
        activity_report_url(AUDIT),
        lambda: report(note="x" * (6 * MB)),  # over DATA_UPLOAD_MAX_MEMORY_SIZE (5 MB)
        ("terlalu besar", "melebihi batas"),
        status=400,
    ),
    # --- Evidence files and links
    Refused("evidence-25-mb", "inspektorat", activity_report_url(GRATIFIKASI), with_file("besar.pdf", PDF + b"\0" * (25 * MB)), "Berkas lebih besar dari 10 MB."),
    Refused("evidence-elf-renamed-pdf", "inspektorat", activity_report_url(GRATIFIKASI), with_file("laporan.pdf", ELF), "berkas ini bukan PDF"),
    Refused("evidence-mz-renamed-pdf", "inspektorat", activity_report_url(GRATIFIKASI), with_file("laporan.pdf", MZ), "berkas ini bukan PDF"),
    Refused("evidence-exe", "inspektorat", activity_report_url(GRATIFIKASI), with_file("setup.exe", MZ), "Jenis berkas .exe tidak diterima"),
    Refused("evidence-double-extension", "inspektorat", activity_report_url(GRATIFIKASI), with_file("laporan.pdf.exe", PDF), "Jenis berkas .exe tidak diterima"),
    Refused("evidence-no-extension", "inspektorat", activity_report_url(GRATIFIKASI), with_file("passwd", PDF), "Jenis berkas (tanpa ekstensi) tidak diterima"),
    Refused("evidence-html-renamed-png", "inspektorat", activity_report_url(GRATIFIKASI), with_file("foto.png", b"<html><script>alert(1)</script>"), "berkas ini bukan gambar PNG"),
    Refused("evidence-svg-with-script", "inspektorat", activity_report_url(GRATIFIKASI), with_file("logo.svg", b"<svg onload=alert(1)/>"), "Jenis berkas .svg tidak diterima"),
    Refused("evidence-empty-file", "inspektorat", activity_report_url(GRATIFIKASI), with_file("kosong.pdf", b""), "Berkas yang dikirimkan kosong."),
    Refused("evidence-climbing-name-elf", "inspektorat", activity_report_url(GRATIFIKASI), with_file("../../bin/sh.pdf", ELF), "berkas ini bukan PDF"),
    Refused("evidence-link-javascript", "inspektorat", activity_report_url(GRATIFIKASI), lambda: report(evidence_link="javascript:alert(1)"), "Masukkan URL yang valid."),
    Refused(
        "evidence-link-over-500-characters",
        "inspektorat",
        activity_report_url(GRATIFIKASI),
        lambda: report(evidence_link="https://contoh.test/" + "a" * 600),
        "paling banyak 500 karakter",
    ),
    Refused("evidence-title-over-200-characters", "inspektorat", activity_report_url(GRATIFIKASI), lambda: report(evidence_title="j" * 201, evidence_file=SimpleUploadedFile("b.pdf", PDF)), "paling banyak 200 karakter"),
    # --- Levels and scores of indicators with a level target (staff report indicators)
    Refused("sakip-grade-from-the-bpk-scale", "staff", indicator_report_url(SAKIP), lambda: report(period="year", number="", level=level("opini-bpk", "WTP").pk), NOT_ON_SCALE),
    Refused("sakip-grade-unknown-id", "staff", indicator_report_url(SAKIP), lambda: report(period="year", number="", level="99999999"), NOT_ON_SCALE),
    Refused("sakip-grade-as-text", "staff", indicator_report_url(SAKIP), lambda: report(period="year", number="", level="AAA"), NOT_ON_SCALE),
    Refused("sakip-score-out-of-the-scale", "staff", indicator_report_url(SAKIP), lambda: report(period="year", number="150", level=""), "Nilai ini di luar rentang skala."),
    Refused("sakip-score-contradicts-grade", "staff", indicator_report_url(SAKIP), lambda: report(period="year", number="63,52", level=level("predikat-sakip", "BB").pk), "Nilai 63,52 termasuk B, bukan BB."),
    Refused("apip-level-missing", "staff", indicator_report_url(APIP), lambda: report(period="year", number=""), "Pilih tingkat pada skala Level Kapabilitas APIP"),
    Refused("apip-level-0-of-the-spip-scale", "staff", indicator_report_url(APIP), lambda: report(period="year", level=level("maturitas-spip", "0").pk), NOT_ON_SCALE),
    Refused("bpk-opinion-a-sakip-grade", "staff", indicator_report_url(BPK), lambda: report(period="year", level=level("predikat-sakip", "AA").pk), NOT_ON_SCALE),
    Refused("bpk-opinion-as-a-number", "staff", indicator_report_url(BPK), lambda: report(period="year", number="100"), "Pilih tingkat pada skala Opini BPK"),
    # --- Progress on an action-plan row (Inspektorat leads "Penanganan Gratifikasi")
    Refused("progress-percent-over-100", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, percent="120"), "Persen selesai paling banyak 100."),
    Refused("progress-percent-negative", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, percent="-1"), "Persen selesai paling sedikit 0."),
    Refused("progress-percent-with-decimals", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, percent="50,5"), "Tulis bilangan bulat 0 sampai 100."),
    Refused("progress-percent-10-to-the-13th", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, percent="10000000000000"), "Persen selesai paling banyak 100."),
    Refused("progress-percent-arabic-indic-digits", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, percent="٥٠"), "Tulis bilangan bulat 0 sampai 100."),
    Refused("progress-percent-fullwidth-digits", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, percent="５０"), "Tulis bilangan bulat 0 sampai 100."),
    Refused("progress-percent-signed-zero", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, status="not_started", percent="-0"), SIGNED_ZERO),
    Refused("progress-quarter-5", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, quarter=5), "5 bukan salah satu dari pilihan yang tersedia"),
    Refused("progress-year-1899", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, year=1899), "Tahun 1899 di luar tahun rencana aksi."),
    Refused("progress-status-unknown", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, status="selesai-lah"), "selesai-lah bukan salah satu dari pilihan yang tersedia"),
    Refused("progress-done-at-60-percent", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, status="done", percent="60"), "selesai berarti 100%"),
    Refused("progress-status-missing", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, status=""), "Bidang ini tidak boleh kosong."),
    Refused(
        "progress-nul-byte-in-note",
        "inspektorat",
        progress_url(GRATIFIKASI_ROW),
        lambda: progress(GRATIFIKASI_ROW, note="catatan\x00"),
        "Karakter null tidak diizinkan.",
    ),
    Refused("progress-evidence-exe", "inspektorat", progress_url(GRATIFIKASI_ROW), lambda: progress(GRATIFIKASI_ROW, evidence_file=SimpleUploadedFile("alat.exe", MZ)), "Jenis berkas .exe tidak diterima"),
    Refused("progress-another-agencys-row", "inspektorat", progress_url(BKD_ROW), lambda: progress(BKD_ROW), NOT_FOUND, status=404),
    Refused("contribution-by-the-rows-own-lead", "inspektorat", progress_url(GRATIFIKASI_ROW, "action-contribution"), lambda: progress(GRATIFIKASI_ROW), NOT_FOUND, status=404),
    Refused("contribution-staff-name-an-outsider", "staff", progress_url(GRATIFIKASI_ROW, "action-contribution"), lambda: {**progress(GRATIFIKASI_ROW), "contributor": "99999999"}, "Perangkat Daerah ini tidak mendukung rencana aksi ini."),
    # --- Verification
    Refused(
        "review-return-without-a-note",
        "staff",
        lambda: reverse("monev:review", args=["realisation", the_report().pk]),
        lambda: {"decision": "return", "note": "  "},
        "Tuliskan catatan untuk pelapor",
        status=302,
        setup=existing(),
    ),
    Refused(
        "review-a-draft",
        "staff",
        lambda: reverse("monev:review", args=["realisation", the_report().pk]),
        lambda: {"decision": "verify"},
        "berstatus draf dan tidak dapat diverifikasi",
        status=302,
        setup=existing(state="draft"),
    ),
    Refused(
        "review-next-pointing-off-site",
        "staff",
        lambda: reverse("monev:review", args=["realisation", the_report().pk]),
        lambda: {"decision": "return", "note": "", "next": "https://jahat.test/masuk"},
        "Tuliskan catatan untuk pelapor",
        status=302,
        setup=existing(),
        redirect_to=lambda: activity(GRATIFIKASI).get_absolute_url(),
    ),
    Refused("review-unknown-kind", "staff", lambda: reverse("monev:review", args=["laporan", 1]), lambda: {"decision": "verify"}, NOT_FOUND, status=404),
    Refused(
        "review-by-an-agency-admin-of-its-own-agency",
        "inspektorat",
        lambda: reverse("monev:review", args=["realisation", the_report().pk]),
        lambda: {"decision": "verify"},
        "diverifikasi oleh",
        status=403,
        setup=existing(),
    ),
    Refused(
        "review-nul-byte-in-note",
        "staff",
        lambda: reverse("monev:review", args=["realisation", the_report().pk]),
        lambda: {"decision": "return", "note": "perbaiki\x00"},
        "Karakter null tidak diizinkan.",
        status=302,
        setup=existing(),
    ),
    Refused("queue-nothing-chosen", "staff", lambda: reverse("monev:verification"), lambda: {"decision": "verify"}, "Pilih laporan yang akan diverifikasi atau dikembalikan."),
    Refused(
        "queue-a-draft-chosen",
        "staff",
        lambda: reverse("monev:verification"),
        lambda: {"decision": "verify", "realisation": str(the_report().pk)},
        "Pilih laporan yang akan diverifikasi atau dikembalikan.",
        setup=existing(state="draft"),
    ),
    Refused(
        "queue-return-without-a-note",
        "staff",
        lambda: reverse("monev:verification"),
        lambda: {"decision": "return", "note": "", "realisation": str(the_report().pk)},
        "Tuliskan catatan untuk pelapor",
        setup=existing(),
    ),
    Refused(
        "queue-tampered-report-id",
        "staff",
        lambda: reverse("monev:verification"),
        lambda: {"decision": "verify", "realisation": "abc"},
        "Pilih laporan yang akan diverifikasi atau dikembalikan.",
    ),
    Refused(
        "queue-unknown-decision",
        "staff",
        lambda: reverse("monev:verification"),
        lambda: {"decision": "setujui", "realisation": str(the_report().pk)},
        "Masukkan pilihan yang valid",
        setup=existing(),
    ),
    # --- Reporting windows
    Refused("window-year-1899", "staff", lambda: reverse("monev:windows"), lambda: {"year": "1899", "period": "q1", "is_open": "1"}, "Pastikan nilai ini lebih besar dari atau sama dengan 2000."),
    Refused("window-year-huge", "staff", lambda: reverse("monev:windows"), lambda: {"year": "99999999999999999999", "period": "q1", "is_open": "1"}, "Pastikan nilai ini lebih kecil dari atau sama dengan 2100."),
    Refused("window-year-arabic-indic-digits", "staff", lambda: reverse("monev:windows"), lambda: {"year": "٢٠٢٠", "period": "q1", "is_open": "1"}, "Masukkan keseluruhan angka bilangan."),
    Refused("window-year-not-a-number", "staff", lambda: reverse("monev:windows"), lambda: {"year": "abc", "period": "q1", "is_open": "1"}, "Masukkan keseluruhan angka bilangan."),
    Refused("window-quarter-5", "staff", lambda: reverse("monev:windows"), lambda: {"year": "2020", "period": "q5", "is_open": "1"}, "q5 bukan salah satu dari pilihan yang tersedia"),
    Refused("window-date-not-iso", "staff", lambda: reverse("monev:windows"), lambda: {"year": "2020", "period": "q1", "is_open": "1", "closes_on": "31/12/2020"}, "Masukkan tanggal yang valid."),
    Refused("window-reopened-without-a-reason", "staff", lambda: reverse("monev:windows"), lambda: {"year": "2020", "period": "q2", "is_open": "1", "reason": " "}, REOPEN_REASON, setup=close("q2")),
    Refused(
        "reopen-item-without-a-reason",
        "staff",
        lambda: reverse("monev:reopen-item", args=["activity", activity(AUDIT).pk]),
        lambda: {"window": closed_window_pk(), "reason": ""},
        REOPEN_REASON,
        status=302,
        setup=close("q3"),
    ),
    Refused("reopen-item-in-an-open-window", "staff", lambda: reverse("monev:reopen-item", args=["activity", activity(AUDIT).pk]), lambda: {"window": ReportingWindow.objects.get(year=2020, period="q1").pk, "reason": "Data terlambat"}, NOT_FOUND, status=404),
    Refused(
        "reopen-item-unknown-kind",
        "staff",
        lambda: reverse("monev:reopen-item", args=["laporan", activity(AUDIT).pk]),
        lambda: {"window": closed_window_pk(), "reason": "Data terlambat"},
        NOT_FOUND,
        status=404,
        setup=close("q3"),
    ),
    Refused(
        "reopen-item-window-not-a-number",
        "staff",
        lambda: reverse("monev:reopen-item", args=["activity", activity(AUDIT).pk]),
        lambda: {"window": "abc", "reason": "Data terlambat"},
        NOT_FOUND,
        status=404,
    ),
    Refused(
        "reopen-item-nul-byte-in-reason",
        "staff",
        lambda: reverse("monev:reopen-item", args=["activity", activity(AUDIT).pk]),
        lambda: {"window": closed_window_pk(), "reason": "terlambat\x00"},
        "Karakter null tidak diizinkan.",
        status=302,
        setup=close("q3"),
    ),
    # --- Targets
    Refused("target-not-a-number", "staff", lambda: reverse("monev:indicator-targets", args=[indicator(IRB).pk]), lambda: targets(IRB, reason="Koreksi", y2017="banyak"), "tidak dikenali"),
    Refused("target-1e30", "staff", lambda: reverse("monev:indicator-targets", args=[indicator(IRB).pk]), lambda: targets(IRB, reason="Koreksi", y2017="1e30"), "tidak dikenali"),
    Refused(
        "target-10-to-the-13th",
        "staff",
        lambda: reverse("monev:indicator-targets", args=[indicator(IRB).pk]),
        lambda: targets(IRB, reason="Koreksi", y2017="10.000.000.000.000"),
        ("terlalu besar", "lebih dari 12 angka"),
    ),
    Refused("target-30-nines", "staff", lambda: reverse("monev:indicator-targets", args=[indicator(IRB).pk]), lambda: targets(IRB, reason="Koreksi", y2017="9" * 30), "Angka ini terlalu besar"),
    Refused("target-arabic-indic-digits", "staff", lambda: reverse("monev:indicator-targets", args=[indicator(IRB).pk]), lambda: targets(IRB, reason="Koreksi", y2017="٥٣,٧٥"), "tidak dikenali"),
    Refused("target-fullwidth-digits", "staff", lambda: reverse("monev:indicator-targets", args=[indicator(IRB).pk]), lambda: targets(IRB, reason="Koreksi", y2017="１００"), "tidak dikenali"),
    Refused("target-signed-zero", "staff", lambda: reverse("monev:indicator-targets", args=[indicator(IRB).pk]), lambda: targets(IRB, reason="Koreksi", y2017="-0"), "tidak dikenali"),
    Refused("target-grade-not-on-the-scale", "staff", lambda: reverse("monev:indicator-targets", args=[indicator(SAKIP).pk]), lambda: targets(SAKIP, reason="Koreksi", y2020="ZZ"), "tidak dikenali"),
    Refused(
        "target-of-a-reported-year-without-a-reason",
        "staff",
        lambda: reverse("monev:activity-targets", args=[activity(GRATIFIKASI).pk]),
        lambda: targets(GRATIFIKASI, PriorityActivity, y2020="90"),
        "Realisasi sudah dilaporkan untuk tahun ini: tuliskan alasan perubahan target.",
        setup=existing(),
    ),
    Refused("target-by-an-agency-admin", "inspektorat", lambda: reverse("monev:activity-targets", args=[activity(GRATIFIKASI).pk]), lambda: targets(GRATIFIKASI, PriorityActivity, reason="x", y2020="1"), "Hanya staf Bagian Organisasi yang mengubah target.", status=403),
    # --- The year-end report
    Refused("risk-status-unknown", "staff", lambda: reverse("dashboards:report-risks") + "?year=2020", lambda: risks(first_status="hilang"), "hilang bukan salah satu dari pilihan yang tersedia"),
    Refused("risk-nul-byte-in-note", "staff", lambda: reverse("dashboards:report-risks") + "?year=2020", lambda: risks(first_note="catatan\x00"), "Karakter null tidak diizinkan."),
    Refused("signatory-nip-with-letters", "staff", lambda: reverse("dashboards:report-signatories"), lambda: signatory(nip="NIP-SEKDA"), "NIP terdiri dari 18 angka"),
    Refused("signatory-order-arabic-indic-digit", "staff", lambda: reverse("dashboards:report-signatories"), lambda: signatory(order="٢"), "Masukkan keseluruhan angka bilangan."),
    Refused("signatory-name-missing", "staff", lambda: reverse("dashboards:report-signatories"), lambda: signatory(name=""), "Bidang ini tidak boleh kosong."),
    # --- The Excel import: a refused file is a 400, with the reason beside the file field
    Refused("import-6-mb", "inspektorat", IMPORT, lambda: {"file": SimpleUploadedFile("besar.xlsx", b"PK\x03\x04" + b"\0" * (6 * MB))}, "Berkas lebih besar dari 5 MB.", status=400),
    Refused("import-zip-bomb", "inspektorat", IMPORT, lambda: {"file": zip_bomb()}, UNPACKS_TOO_BIG, status=400, within=20),
    Refused("import-pdf-renamed-xlsx", "inspektorat", IMPORT, lambda: {"file": SimpleUploadedFile("laporan.xlsx", PDF)}, NOT_READABLE, status=400),
    Refused("import-elf-renamed-xlsx", "inspektorat", IMPORT, lambda: {"file": SimpleUploadedFile("laporan.xlsx", ELF)}, NOT_READABLE, status=400),
    Refused("import-empty-file", "inspektorat", IMPORT, lambda: {"file": SimpleUploadedFile("laporan.xlsx", b"")}, "Berkas yang dikirimkan kosong.", status=400),
    Refused("import-old-xls", "inspektorat", IMPORT, lambda: {"file": SimpleUploadedFile("laporan.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")}, "Unggah berkas Excel (.xlsx) dari templat aplikasi ini.", status=400),
    Refused("import-no-file", "inspektorat", IMPORT, lambda: {}, "Bidang ini tidak boleh kosong.", status=400),
    Refused("import-any-workbook", "inspektorat", IMPORT, lambda: {"file": blank_workbook()}, 'Lembar "Laporan" atau "Info" tidak ada', status=400),
    Refused("import-another-agencys-template", "bkd", IMPORT, lambda: {"file": template("inspektorat", lines=lambda: {code_of(AUDIT): {"Realisasi": 30}})}, "Templat ini bukan untuk Badan Kepegawaian Daerah dan Diklat", status=400),
    Refused("import-info-retyped-to-another-agency", "bkd", IMPORT, lambda: {"file": template("bkd", info={"Kode Perangkat Daerah": "inspektorat"})}, "Templat ini bukan untuk Badan Kepegawaian Daerah dan Diklat", status=400),
    Refused("import-info-period-5", "inspektorat", IMPORT, lambda: {"file": template(info={"Periode": "q5"})}, 'Periode pada lembar "Info" tidak dikenal', status=400),
    Refused("import-info-year-arabic-indic-digits", "inspektorat", IMPORT, lambda: {"file": template(info={"Tahun": "٢٠٢٠"})}, 'Tahun pada lembar "Info" tidak terbaca', status=400),
    Refused("import-over-2000-lines", "inspektorat", IMPORT, lambda: {"file": template(add=lambda: [{"Kode": f"K{n}", "Realisasi": 1} for n in range(2001)])}, "Berkas berisi lebih dari 2000 baris.", status=400),
    # Hostile workbooks (issue 13): each refused well under gunicorn's 90 s timeout, where openpyxl alone
    # took minutes or crashed. The bound is loose on purpose (a shared CI machine); they take < 1 s.
    Refused("import-sheet-declaring-A1-XFD20000-with-20000-empty-rows", "inspektorat", IMPORT, lambda: {"file": crafted(declaring("A1:XFD20000", empty_rows=20_000))()}, "menyatakan rentang A1:XFD20000", status=400, within=20),
    Refused("import-sheet-declaring-A1-XFD1048576", "inspektorat", IMPORT, lambda: {"file": crafted(declaring("A1:XFD1048576"))()}, "menyatakan rentang A1:XFD1048576", status=400, within=20),
    Refused("import-120000-empty-rows-undeclared", "inspektorat", IMPORT, lambda: {"file": crafted(declaring("A1", empty_rows=120_000))()}, "berisi lebih dari 100.000 sel", status=400, within=20),
    Refused("import-8-rows-of-cells-out-to-column-XFD", "inspektorat", IMPORT, lambda: {"file": crafted(far_cells(8))()}, "berisi lebih dari 100.000 sel", status=400, within=20),
    Refused("import-10000-sheets-listed", "inspektorat", IMPORT, lambda: {"file": crafted(sheets_listed(10_000), part="xl/workbook.xml")()}, "templat hanya memiliki", status=400, within=20),
    Refused("import-12-mib-keterangan", "inspektorat", IMPORT, lambda: {"file": crafted(keterangan_xml(12 * MB), lines=lambda: {code_of(BUDAYA): {"Realisasi": 40}})()}, UNPACKS_TOO_BIG, status=400, within=20),
    Refused("import-shared-string-index-out-of-range", "inspektorat", IMPORT, lambda: {"file": crafted(realisasi_cell('t="s"><v>99999</v></c>'))()}, "merujuk ke teks yang tidak ada", status=400),
    Refused("import-number-1e400", "inspektorat", IMPORT, lambda: {"file": crafted(realisasi_cell("><v>1e400</v></c>"))()}, "berisi angka yang terlalu besar untuk dibaca", status=400),
    Refused("import-number-minus-1e400", "inspektorat", IMPORT, lambda: {"file": crafted(realisasi_cell("><v>-1e400</v></c>"))()}, "berisi angka yang terlalu besar untuk dibaca", status=400),
    # Lines of a readable file: refused in the preview with the form's own message, nothing saved.
    Refused("import-keterangan-over-the-forms-limit-saved-all", "inspektorat", PREVIEW, SAVE_ALL, "paling banyak 5000 karakter (sekarang 5001 karakter)", prepare=uploaded(lambda: template(lines=keterangan_of(5001)))),
    Refused("import-realisasi-arabic-indic-digits-saved-all", "inspektorat", PREVIEW, SAVE_ALL, NOT_INDONESIAN_NUMBER, prepare=uploaded(lambda: template(lines=lambda: {code_of(BUDAYA): {"Realisasi": "١٢٣"}}))),
    Refused("import-realisasi-fullwidth-digits-saved-all", "inspektorat", PREVIEW, SAVE_ALL, NOT_INDONESIAN_NUMBER, prepare=uploaded(lambda: template(lines=lambda: {code_of(BUDAYA): {"Realisasi": "１２３"}}))),
    Refused("import-realisasi-30-nines-saved-all", "inspektorat", PREVIEW, SAVE_ALL, "Angka ini terlalu besar", prepare=uploaded(lambda: template(lines=lambda: {code_of(BUDAYA): {"Realisasi": "9" * 30}}))),
    Refused("import-realisasi-signed-zero-saved-all", "inspektorat", PREVIEW, SAVE_ALL, SIGNED_ZERO, prepare=uploaded(lambda: template(lines=lambda: {code_of(BUDAYA): {"Realisasi": "-0"}}))),
    Refused("import-percent-persian-digits-saved-all", "inspektorat", PREVIEW, SAVE_ALL, "Tulis bilangan bulat 0 sampai 100.", prepare=uploaded(lambda: template(lines=lambda: {action_code(GRATIFIKASI_ROW): {"Status pelaksanaan": "Sedang berjalan", "Persen selesai": "۵۰"}}))),
    Refused(
        "import-another-agencys-codes-saved-all",
        "bkd",
        lambda: reverse("monev:import-preview"),
        lambda: {"action": "save_all"},
        WITH_ERRORS,
        prepare=uploaded(lambda: template("bkd", lines=lambda: {code_of(PROMOSI): {"Realisasi": 10}}, add=lambda: [{"Kode": code_of(AUDIT), "Realisasi": 30}])),
    ),
    Refused(
        "import-bad-values-saved-all",
        "inspektorat",
        lambda: reverse("monev:import-preview"),
        lambda: {"action": "save_all"},
        WITH_ERRORS,
        prepare=uploaded(
            lambda: template(
                lines=lambda: {
                    code_of(BUDAYA): {"Realisasi": 40},
                    code_of(AUDIT): {"Realisasi": "1e30"},
                    code_of(GRATIFIKASI): {"Realisasi": 10**13},
                    action_code(GRATIFIKASI_ROW): {"Status pelaksanaan": "Sedang berjalan", "Persen selesai": 120},
                }
            )
        ),
    ),
    Refused(
        "import-year-1899-saved-all",
        "inspektorat",
        lambda: reverse("monev:import-preview"),
        lambda: {"action": "save_all"},
        "bukan item yang dilaporkan Inspektorat pada TW IV 1899",
        prepare=uploaded(lambda: template(info={"Tahun": "1899"}, lines=lambda: {code_of(BUDAYA): {"Realisasi": 40}})),
    ),
    Refused("template-of-another-agency", "bkd", lambda: reverse("monev:import-template") + "?agency=inspektorat&year=2020&period=q1", method="get", message=NOT_FOUND, status=404),
    Refused("template-quarter-9", "inspektorat", lambda: reverse("monev:import-template") + "?agency=inspektorat&year=2020&period=q9", method="get", message="Pilih Perangkat Daerah, tahun dan periode templat.", status=302),
    # --- Accounts
    Refused("account-username-with-markup", "staff", lambda: reverse("account-create"), lambda: new_account(username="<script>"), "Gunakan huruf, angka dan @ . + - _ saja."),
    Refused("account-email-invalid", "staff", lambda: reverse("account-create"), lambda: new_account(email="bukan-surel@"), "Masukkan alamat email yang valid."),
    Refused("account-agency-admin-without-agency", "staff", lambda: reverse("account-create"), lambda: new_account(role="agency_admin"), "Pilih Perangkat Daerah untuk admin Perangkat Daerah."),
    Refused("own-details-email-invalid", "inspektorat", lambda: reverse("own-details"), lambda: {"first_name": "Admin", "last_name": "", "email": "admin@@inspektorat"}, "Masukkan alamat email yang valid."),
]  # fmt: skip


@pytest.fixture(autouse=True)
def _windows_of_2020_open():
    """Agency admins report only in open windows: every 2020 period is open unless a case closes it."""
    for period in ("q1", "q2", "q3", "q4", "year"):
        ReportingWindow.objects.create(year=2020, period=period, is_open=True)


@pytest.fixture
def users(staff_user, inspektorat_user, bkd_user, pengarah_user):
    return {"staff": staff_user, "inspektorat": inspektorat_user, "bkd": bkd_user, "pengarah": pengarah_user}


def test_the_corpus_is_large_and_its_ids_unique():
    assert len(REFUSED) >= 40
    for table in (REFUSED, QUERIES):
        ids = [case.id for case in table]
        assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in REFUSED])
def test_bad_input_is_refused_with_an_indonesian_message_and_nothing_stored(client, users, case):
    client.raise_request_exception = False  # a crash must show up as the 500 it would be
    if case.setup:
        case.setup()
    client.force_login(users[case.role])
    if case.prepare:
        case.prepare(client)
    before = stored_state(client)

    url = case.url()
    data = case.data() if case.data else {}
    started = time.monotonic()
    response = client.get(url, data) if case.method == "get" else client.post(url, data)
    elapsed = time.monotonic() - started

    assert response.status_code != 500, "a server error"
    if case.within is not None:
        assert elapsed < case.within, f"refused in {elapsed:.1f} s"
    assert response.status_code == case.status
    if case.redirect_to:
        assert response["Location"] == case.redirect_to()
    page = shown_to_user(client, response)
    assert_indonesian(page)
    expected = case.message if isinstance(case.message, tuple) else (case.message,)
    assert any(text in html.unescape(page) for text in expected), f"none of {expected} is shown"
    assert stored_state(client) == before


# --- Malformed query strings -----------------------------------------------------------------------

WORKBOOK = object()  # the answer is a workbook, not a page


@dataclass(frozen=True)
class Query:
    id: str
    url: Callable[[], str]
    shows: object = ""  # Indonesian text on the page the user reads (all of a tuple), or WORKBOOK
    status: int = 200
    role: str = "staff"
    marks: tuple = field(default=())


def at(path: str) -> Callable[[], str]:
    return lambda: path


def item_at(name: str, view: str, query: str, kind: Callable = activity) -> Callable[[], str]:
    return lambda: reverse(view, args=[kind(name).pk]) + query


QUERIES = [
    Query("dashboard-year-abc", at("/dashboard/?year=abc"), "Dasbor 2020"),
    Query("dashboard-year-huge-quarter-9", at("/dashboard/?year=99999999999999999999&quarter=9"), "Dasbor 2020"),
    Query("dashboard-nul-bytes", at("/dashboard/?year=%00&quarter=%00"), "Dasbor 2020"),
    Query("dashboard-year-of-5000-digits", at("/dashboard/?year=" + "9" * 5000), "Dasbor 2020"),
    Query("dashboard-year-unicode-digit", at("/dashboard/?year=%C2%B2&quarter=%D9%A3"), "Dasbor 2020"),
    Query("achievement-year-abc-quarter-9-page-minus-1-bad-sort", at("/achievement/?year=abc&quarter=9&page=-1&sort=nonexistent"), ("Capaian 2020", IRB)),
    Query("achievement-junk-filters", at("/achievement/?year=2020&area=xyz&agency=../&kind=%00&category=%F0%9F%92%A3&state=../../"), ("Capaian 2020", IRB, "Saringan ini diabaikan")),
    Query("achievement-page-beyond-the-last-bad-sort", at("/achievement/?year=2020&page=99999999999999999999&sort=nonexistent"), ("Capaian 2020", IRB)),
    Query("action-plan-progress-unicode-digit-nul", at("/achievement/action-plan/?year=%C2%B2&quarter=%00"), "Kemajuan rencana aksi 2020"),
    Query("completeness-junk", at("/completeness/?year=abc&area=%00&agency=../&period=q9"), "Kelengkapan laporan 2020"),
    Query("completeness-year-huge", at("/completeness/?year=99999999999999999999&agency=99999999999999999999"), "Kelengkapan laporan 2020"),
    Query("indicator-list-page-and-sort-junk", at("/indicators/?page=-1&sort=nonexistent"), ("Target indikator", IRB)),
    Query("indicator-list-filter-junk", at("/indicators/?area=xyz&target_kind=%00"), ("Target indikator", IRB, "Saringan ini diabaikan")),
    Query("activity-list-page-junk", at("/activities/?page=abc&sort=%00"), ("Kegiatan prioritas", GRATIFIKASI)),
    Query("activity-list-filter-junk", at("/activities/?agency=../&quick_win=-1&q=%00&no_agency=mungkin"), ("Kegiatan prioritas", GRATIFIKASI)),
    Query("action-plan-list-10000-character-search", at("/action-plan/?q=" + "rb" * 5000 + "&page=0"), ("Rencana aksi", "Tidak ada")),
    Query("action-plan-list-filter-junk", at("/action-plan/?lead=xyz&area=%00"), ("Rencana aksi", GRATIFIKASI_ROW)),
    Query("agency-list-page-and-sort-junk", at("/agencies/?sort=-nonexistent&page=0"), ("Perangkat Daerah", "Badan Kepegawaian Daerah dan Diklat")),
    Query("agency-list-filter-nul", at("/agencies/?kind=%00"), ("Perangkat Daerah", "Badan Kepegawaian Daerah dan Diklat")),
    Query("quick-win-list-junk", at("/quick-wins/?page=-1&sort=%00"), "Quick wins"),
    Query("verification-junk", at("/verification/?year=1e30&agency=../&area=xyz&period=q9&r-page=-1&p-sort=nonexistent"), "Verifikasi laporan"),
    Query("verification-year-huge", at("/verification/?year=99999999999999999999"), "Verifikasi laporan"),
    Query("windows-junk", at("/windows/?page=abc&sort=nonexistent"), "Jendela pelaporan"),
    # Page sizes from the query string: below 1 shows the default, a huge one is cut.
    Query("indicator-list-per-page-minus-1", at("/indicators/?per_page=-1"), ("Target indikator", IRB)),
    Query("activity-list-per-page-0", at("/activities/?per_page=0"), ("Kegiatan prioritas", GRATIFIKASI)),
    Query("action-plan-list-per-page-huge", at("/action-plan/?per_page=99999999999999999999"), ("Rencana aksi", GRATIFIKASI_ROW)),
    Query("agency-list-per-page-minus-1", at("/agencies/?per_page=-1"), ("Perangkat Daerah", "Badan Kepegawaian Daerah dan Diklat")),
    Query("achievement-per-page-minus-1", at("/achievement/?year=2020&per_page=-1"), ("Capaian 2020", IRB)),
    Query("verification-per-page-minus-1", at("/verification/?r-per_page=-1&p-per_page=-1"), "Verifikasi laporan"),
    Query("windows-per-page-minus-1", at("/windows/?per_page=-1"), "Jendela pelaporan"),
    Query("accounts-per-page-minus-1", at("/accounts/users/?per_page=-1"), "Kelola akun"),
    Query("tasks-junk", at("/tasks/?page=-1&year=abc"), "Tugas saya", role="inspektorat"),
    Query("report-year-abc", at("/report/?year=abc"), "Laporan monev RB 2020"),
    Query("report-unknown-export", at("/report/?year=2020&_export=exe"), "Laporan monev RB 2020"),
    Query("risks-year-nul", at("/report/risks/?year=%00"), "Status hambatan 2020"),
    Query("report-form-year-huge-period-9", item_at(AUDIT, "monev:activity-report", "?year=99999999999999999999&period=q9"), "Laporkan realisasi", role="inspektorat"),
    Query("report-form-year-unicode-digit", item_at(AUDIT, "monev:activity-report", "?year=%C2%B2"), "Laporkan realisasi", role="inspektorat"),
    Query("progress-form-year-huge-quarter-9", item_at(GRATIFIKASI_ROW, "monev:action-progress", "?year=99999999999999999999&quarter=9", plan_row), "Laporkan kemajuan", role="inspektorat"),
    Query(
        "progress-form-year-unicode-digit",
        item_at(GRATIFIKASI_ROW, "monev:action-progress", "?year=%C2%B2", plan_row),
        "Laporkan kemajuan",
        role="inspektorat",
    ),
    Query("contribution-form-contributor-junk", item_at(GRATIFIKASI_ROW, "monev:action-contribution", "?year=2020&quarter=1&contributor=abc", plan_row), "Perangkat Daerah ini tidak mendukung rencana aksi ini."),
    Query("recap-year-abc", at("/recap.xlsx?year=abc"), WORKBOOK),
    Query("recap-year-huge", at("/recap.xlsx?year=99999999999999999999"), WORKBOOK),
    Query("recap-area-xyz", at("/recap.xlsx?year=2020&area=xyz"), NOT_FOUND, 404),
    Query("recap-area-huge", at("/recap.xlsx?year=2020&area=99999999999999999999"), NOT_FOUND, 404),
    Query("recap-agency-dotdot", at("/recap.xlsx?year=2020&agency=../"), NOT_FOUND, 404),
    Query(
        "recap-area-unicode-digit",
        at("/recap.xlsx?year=2020&area=%C2%B2"),
        NOT_FOUND,
        404,
    ),
    Query(
        "recap-agency-nul",
        at("/recap.xlsx?year=2020&agency=%00"),
        NOT_FOUND,
        404,
    ),
    Query("report-workbook-year-abc", at("/report/?year=abc&_export=xlsx"), WORKBOOK),
    Query("achievement-workbook-junk", at("/achievement/?year=abc&sort=nonexistent&_export=xlsx"), WORKBOOK),
    Query("template-agency-dotdot", at("/import/template.xlsx?agency=../&year=2020&period=q1"), NOT_FOUND, 404),
    Query(
        "template-agency-nul",
        at("/import/template.xlsx?agency=%00&year=2020&period=q1"),
        NOT_FOUND,
        404,
    ),
    Query("template-year-abc", at("/import/template.xlsx?agency=inspektorat&year=abc&period=q1"), "Pilih Perangkat Daerah, tahun dan periode templat.", 302),
    Query("agency-page-dotdot", at("/agencies/..%2F..%2Fetc/"), NOT_FOUND, 404),
    Query("agency-page-nul", at("/agencies/%00/"), NOT_FOUND, 404),
    Query("evidence-unknown-id", at("/evidence/00000000-0000-0000-0000-000000000000/"), NOT_FOUND, 404),
    Query("history-id-beyond-any-integer", at("/indicators/99999999999999999999/history/"), NOT_FOUND, 404),
    Query("open-data-unknown-table", at("/roadmap/export/passwd.csv"), NOT_FOUND, 404),
]  # fmt: skip


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in QUERIES])
def test_malformed_query_strings_never_break_a_page(client, users, case):
    client.raise_request_exception = False
    client.force_login(users[case.role])
    before = stored_state(client)
    response = client.get(case.url())
    assert response.status_code != 500, "a server error"
    assert response.status_code == case.status
    if case.shows is WORKBOOK:
        assert response["Content-Type"] == XLSX
        assert load_workbook(BytesIO(response.content)).sheetnames
    else:
        page = shown_to_user(client, response)
        assert_indonesian(page)
        expected = case.shows if isinstance(case.shows, tuple) else (case.shows,)
        missing = [text for text in expected if text not in html.unescape(page)]
        assert not missing, f"not shown: {missing}"
    assert stored_state(client) == before


# --- Markup in free text: stored as typed, shown escaped ---------------------------------------------

XSS = '<script>alert("rb")</script><img src=x onerror=alert(1)>'


def saved(response) -> None:
    """A write that must succeed (a redirect); on failure, say what the form objected to."""
    context = response.context or {}
    errors = context.get("form").errors if context.get("form") else context.get("forms")
    assert response.status_code == 302, errors


def verify_everything(client, users) -> None:
    client.force_login(users["staff"])
    data = {
        "decision": "verify",
        "realisation": [str(pk) for pk in Realisation.objects.awaiting_review().values_list("pk", flat=True)],
        "progress": [
            str(pk)
            for pk in ActionProgress.objects.filter(review_state="submitted").values_list("pk", flat=True)
        ],
    }
    saved(client.post(reverse("monev:verification"), data))


def year_end_texts(client, users, text: str) -> None:
    """What the year-end report quotes, written through the forms and verified by staff."""
    client.force_login(users["inspektorat"])
    saved(
        client.post(
            report_url(activity(AUDIT)), report(number="30", note=text, obstacles=text, follow_up=text)
        )
    )
    saved(
        client.post(
            reverse("monev:action-progress", args=[plan_row(GRATIFIKASI_ROW).pk]),
            progress(GRATIFIKASI_ROW, note=text),
        )
    )
    verify_everything(client, users)
    saved(client.post(reverse("dashboards:report-risks") + "?year=2020", risks(first_note=text)))
    saved(client.post(reverse("dashboards:report-signatories"), signatory(name=text, nip="")))
    assert RiskReview.objects.get(note=text) and ReportSignatory.objects.get(name=text)
    assert ActionProgress.objects.get(note=text).review_state == "verified"


def notes_on_the_item_page(client, users):
    client.force_login(users["inspektorat"])
    saved(client.post(report_url(activity(GRATIFIKASI)), report(note=XSS, obstacles=XSS, follow_up=XSS)))
    stored = the_report(period="q1")
    assert (stored.note, stored.obstacles, stored.follow_up) == (XSS, XSS, XSS)
    return [("pengarah", activity(GRATIFIKASI).get_absolute_url())]


def reason_and_note_on_the_history_page(client, users):
    client.force_login(users["staff"])
    saved(client.post(report_url(activity(AUDIT)), report(number="30", note=XSS, reason=XSS)))
    assert the_report(AUDIT, "q1").history.get().history_change_reason == XSS
    return [("pengarah", reverse("monev:activity-history", args=[activity(AUDIT).pk]))]


def reopen_reason_on_the_history_page(client, users):
    close("q3")()
    client.force_login(users["staff"])
    url = reverse("monev:reopen-item", args=["activity", activity(AUDIT).pk])
    saved(client.post(url, {"window": closed_window_pk(), "reason": XSS}))
    assert ReopenedItem.objects.get().reason == XSS
    return [("pengarah", reverse("monev:activity-history", args=[activity(AUDIT).pk]))]


def reporter_and_evidence_title_in_the_queue(client, users):
    client.force_login(users["inspektorat"])
    saved(client.post(reverse("own-details"), {"first_name": XSS, "last_name": "", "email": ""}))
    evidence = {"evidence_title": XSS, "evidence_file": SimpleUploadedFile("bukti.pdf", PDF)}
    saved(client.post(report_url(activity(GRATIFIKASI)), report(**evidence)))
    assert Evidence.objects.get().title == XSS
    return [("staff", reverse("monev:verification"))]


def review_note_on_tasks_and_item_page(client, users):
    existing()()
    client.force_login(users["staff"])
    url = reverse("monev:review", args=["realisation", the_report().pk])
    saved(client.post(url, {"decision": "return", "note": XSS}))
    assert the_report().review_note == XSS
    return [
        ("inspektorat", reverse("monev:tasks")),
        ("inspektorat", activity(GRATIFIKASI).get_absolute_url()),
    ]


def texts_in_the_year_end_report(client, users):
    year_end_texts(client, users, XSS)
    return [("pengarah", reverse("dashboards:report") + "?year=2020")]


def contribution_note_on_the_row_page(client, users):
    client.force_login(users["bkd"])
    url = reverse("monev:action-contribution", args=[plan_row(GRATIFIKASI_ROW).pk])
    saved(client.post(url, progress(GRATIFIKASI_ROW, note=XSS)))
    assert ActionProgress.objects.get().note == XSS
    return [("pengarah", plan_row(GRATIFIKASI_ROW).get_absolute_url())]


def file_texts_in_the_import_preview(client, users):
    client.force_login(users["inspektorat"])
    file = template(lines=lambda: {code_of(BUDAYA): {"Realisasi": 40, "Keterangan": XSS, "Kendala": XSS}})
    saved(client.post(reverse("monev:import"), {"file": file}))
    assert any(row["note"] == XSS for row in client.session[SESSION_KEY]["rows"])
    return [("inspektorat", reverse("monev:import-preview"))]


MARKUP = [
    notes_on_the_item_page,
    reason_and_note_on_the_history_page,
    reopen_reason_on_the_history_page,
    reporter_and_evidence_title_in_the_queue,
    review_note_on_tasks_and_item_page,
    texts_in_the_year_end_report,
    contribution_note_on_the_row_page,
    file_texts_in_the_import_preview,
]


@pytest.mark.parametrize("write", [pytest.param(w, id=w.__name__.replace("_", "-")) for w in MARKUP])
def test_markup_is_stored_as_typed_and_shown_escaped(client, users, write):
    client.raise_request_exception = False
    for role, url in write(client, users):
        client.force_login(users[role])
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "<script>alert(" not in page and "<img src=x" not in page, url
        assert "&lt;script&gt;alert(" in page, f"the text typed is not shown on {url}"


# --- Formula-looking text in workbooks ---------------------------------------------------------------
# In xlsx a string cell is never evaluated: text is written exactly as typed (no apostrophe). CSV has
# no cell types, so there it is escaped.

FORMULAS = ['=HYPERLINK("http://jahat.test","klik")', "+1", "-1", "@SUM(A1:A9)"]


def year_end_workbook(client, users, text):
    year_end_texts(client, users, text)
    # The risk note, the planned action's note and the signatory's name start a cell; obstacles
    # and follow-up are quoted after their period.
    expected = [text] * 3 + [f"TW I: {text}"] * 2
    return "pengarah", reverse("dashboards:report") + "?year=2020&_export=xlsx", expected


def recap_workbook(client, users, text):
    year_end_texts(client, users, text)
    return "pengarah", reverse("dashboards:recap") + "?year=2020", []  # the recap quotes no free text


def achievement_table_export(client, users, text):
    year_end_texts(client, users, text)
    return "pengarah", reverse("dashboards:achievement") + "?year=2020&_export=xlsx", []


def account_table_export(client, users, text):
    client.force_login(users["inspektorat"])
    saved(client.post(reverse("own-details"), {"first_name": text, "last_name": "", "email": ""}))
    return "staff", reverse("account-list") + "?_export=xlsx", [text]


def reporting_template(client, users, text):
    client.force_login(users["inspektorat"])
    saved(
        client.post(report_url(activity(AUDIT)), report(period="q4", number="30", note=text, obstacles=text))
    )
    url = reverse("monev:import-template") + "?agency=inspektorat&year=2020&period=q4"
    return "inspektorat", url, [text]


EXPORTS = [
    year_end_workbook,
    recap_workbook,
    achievement_table_export,
    account_table_export,
    reporting_template,
]


# Workbooks that quote no free text are checked with one formula only: they must simply hold none.
QUOTING = {year_end_workbook, account_table_export, reporting_template}


@pytest.mark.parametrize(
    ("export", "text"),
    [
        pytest.param(export, text, id=f"{export.__name__.replace('_', '-')}-{text}")
        for export in EXPORTS
        for text in (FORMULAS if export in QUOTING else FORMULAS[:1])
    ],
)
def test_formula_looking_text_is_written_to_workbooks_as_text(client, users, export, text):
    role, url, expected = export(client, users, text)
    client.force_login(users[role])
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    wb = load_workbook(BytesIO(response.content))
    cells = [cell for ws in wb for row in ws.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a formula in the workbook"
    texts = [c for c in cells if isinstance(c.value, str)]
    assert not [c.coordinate for c in texts if c.value.startswith("'")], "a visible apostrophe"
    for value, times in Counter(expected).items():
        found = [c for c in texts if c.value == value]
        assert len(found) >= times, f"{len(found)} cells hold {value!r}, expected {times}"
        assert all(c.data_type == "s" for c in found)


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_looking_text_stays_escaped_in_csv_exports(client, text):
    Indicator.objects.filter(name=IRB).update(name=text)
    response = client.get(reverse("actions:export-csv", kwargs={"table": "indicators"}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = [row[1] for row in rows[1:]]
    assert "'" + text in names and text not in names


# --- File names that try to climb out of MEDIA_ROOT --------------------------------------------------

CLIMBING_NAMES = [
    "../../etc/passwd.pdf",
    "..\\..\\x.pdf",
    "/etc/passwd.pdf",
    "C:\\Windows\\System32\\x.pdf",
    "....//....//x.pdf",
    "&#46;&#46;/&#46;&#46;/x.pdf",
    "%2e%2e%2f%2e%2e%2fx.pdf",
    "..%c0%af..%c0%afx.pdf",
]


def multipart(fields: dict, file_field: str, filename: str, content: bytes) -> tuple[bytes, str]:
    """A form body written by hand: the test client itself would strip the name to its last part."""
    boundary = "batas-bukti-dukung"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize("name", CLIMBING_NAMES)
def test_a_climbing_file_name_is_stored_flat_inside_media_root(client, users, tmp_path, name):
    client.raise_request_exception = False
    client.force_login(users["inspektorat"])
    body, content_type = multipart(report(), "evidence_file", name, PDF)
    response = client.post(report_url(activity(GRATIFIKASI)), body, content_type=content_type)
    assert response.status_code == 302

    evidence = Evidence.objects.get()
    media = Path(settings.MEDIA_ROOT).resolve()
    stored = (media / evidence.file.name).resolve()
    assert stored.is_relative_to(media / "evidence") and stored.read_bytes() == PDF
    assert ".." not in Path(evidence.file.name).parts and "\\" not in evidence.file.name
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [stored]  # nothing written elsewhere
    assert not {"/", "\\"} & set(evidence.original_name) and evidence.original_name.endswith(".pdf")

    client.force_login(users["bkd"])
    download = client.get(evidence.get_absolute_url())
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    disposition = download["Content-Disposition"]
    assert disposition.startswith("attachment;") and "/" not in disposition and "\\" not in disposition


# --- Fields naming another agency's objects ------------------------------------------------------------


def test_hidden_fields_naming_another_item_agency_or_state_are_ignored(client, users):
    """BKD reports its own activity; the extra fields a crafted post adds change nothing else."""
    client.force_login(users["bkd"])
    others = list(Realisation.objects.exclude(activity__name=PROMOSI).order_by("pk").values())
    crafted = report(
        number="130",
        activity=str(activity(GRATIFIKASI).pk),
        activity_id=str(activity(GRATIFIKASI).pk),
        indicator=str(indicator(SAKIP).pk),
        agency="inspektorat",
        review_state="verified",
        reported_by=str(users["staff"].pk),
        source="Perbup 40/2020",
        reason="Koreksi",
    )
    saved(client.post(report_url(activity(PROMOSI)), crafted))
    stored = Realisation.objects.get(activity=activity(PROMOSI), year=2020, period="q1")
    assert (stored.review_state, stored.reported_by, stored.indicator, stored.source) == (
        "submitted",
        users["bkd"],
        None,
        "",
    )
    assert list(Realisation.objects.exclude(activity__name=PROMOSI).order_by("pk").values()) == others
    assert stored.history.get().history_change_reason in ("", None)  # the staff-only reason was dropped


def test_a_contribution_is_always_the_senders_own_agencys(client, users):
    client.force_login(users["bkd"])
    data = {**progress(GRATIFIKASI_ROW), "contributor": str(agency("inspektorat").pk)}
    saved(client.post(reverse("monev:action-contribution", args=[plan_row(GRATIFIKASI_ROW).pk]), data))
    assert [p.contributor.code for p in ActionProgress.objects.all()] == ["bkd"]


def test_progress_fields_of_another_agencys_planned_action_are_ignored(client, users):
    client.force_login(users["inspektorat"])
    foreign = PlannedAction.objects.filter(row__name=BKD_ROW, year=2020).first()
    data = {
        **progress(GRATIFIKASI_ROW),
        f"a{foreign.pk}-status": "done",
        f"a{foreign.pk}-percent": "100",
        f"a{foreign.pk}-note": "diisi Inspektorat",
    }
    saved(client.post(reverse("monev:action-progress", args=[plan_row(GRATIFIKASI_ROW).pk]), data))
    assert not ActionProgress.objects.filter(planned_action=foreign).exists()
    assert {p.planned_action.row.name for p in ActionProgress.objects.all()} == {GRATIFIKASI_ROW}


def test_evidence_is_readable_by_every_signed_in_role_but_never_writable(client, users):
    """As intended (monev/views/evidence.py: "every role reads every report's evidence"): another
    agency's admin may download it; nobody may post to it; anonymous visitors are sent to log in."""
    client.force_login(users["inspektorat"])
    saved(
        client.post(report_url(activity(GRATIFIKASI)), report(evidence_file=SimpleUploadedFile("b.pdf", PDF)))
    )
    url = Evidence.objects.get().get_absolute_url()
    for role in ("bkd", "pengarah", "staff"):
        client.force_login(users[role])
        assert client.get(url).status_code == 200
        assert client.post(url).status_code == 405
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_request_over_the_size_limit_is_answered_in_the_signed_in_frame(client, users):
    client.force_login(users["inspektorat"])
    response = client.post(activity_report_url(AUDIT)(), report(note="x" * (6 * MB)))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Permintaan tidak dapat diproses" in page
    assert "Admin Perangkat Daerah" in page  # the role badge of the navigation bar, as on every page


def test_a_foreign_host_header_is_a_400_in_indonesian_not_a_500(client, users):
    """The 400 page renders before any user is known (the host is checked first): it must not need one."""
    client.raise_request_exception = False
    for signed_in in (False, True):
        if signed_in:
            client.force_login(users["staff"])
        response = client.get(reverse("actions:overview"), HTTP_HOST="jahat.example")
        assert response.status_code == 400
        page = response.content.decode()
        assert "Permintaan tidak dapat diproses" in page
        assert_indonesian(page)


def test_with_debug_on_a_missing_page_is_the_applications_own_404(client, users, settings):
    """`make run` runs with DEBUG on: another agency's item (or a stale link) still shows the Indonesian
    page, not Django's technical page listing every URL."""
    settings.DEBUG = True
    client.raise_request_exception = False
    client.force_login(users["bkd"])
    for url in (reverse("monev:activity-report", args=[activity(GRATIFIKASI).pk]), "/tidak-ada/"):
        response = client.get(url)
        assert response.status_code == 404
        page = response.content.decode()
        assert NOT_FOUND in page and "Admin Perangkat Daerah" in page  # in the signed-in frame
        assert "URLconf" not in page and "Using the URLconf" not in page
