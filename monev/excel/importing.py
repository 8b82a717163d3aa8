"""Reading a filled reporting template back: what would change, what is wrong, and saving it.

Every line is checked with the same forms and review rules as the browser forms, against the
items the template's agency reports in its period, so a file can never touch another
agency's items. A line equal to what is stored changes nothing; new and changed lines are
saved as submitted, in one transaction, through the same services as the forms (which keep
the audit trail).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from monev import services
from monev.access import agency_actor
from monev.excel.template import (
    COLUMNS,
    INFO_SHEET,
    INPUT_KEYS,
    SHEET,
    TITLES,
    Entry,
    cell_text,
    line_check,
    reportable_entries,
)
from monev.forms import ActionProgressForm, RealisationForm
from monev.models import ActionStatus, Period
from monev.services import REASON_REQUIRED
from monev.windows import open_check
from monev.workflow import Actor, EditDecision, edit_decision
from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import format_number, parse_whole
from roadmap.workbook_reading import BoundedWorkbook, Limits, TemplateError

__all__ = ["TemplateError", "UploadedTemplate", "apply_import", "build_preview", "read_template"]

READ_COLUMNS = 26  # A to Z: the template's columns, wherever a user moved them
HEADER_SEARCH_ROWS = 20
# Which template column a form field's message belongs to.
FIELD_COLUMNS = {
    "number": "value",
    "status": "status",
    "percent": "percent",
    "note": "note",
    "obstacles": "obstacles",
    "follow_up": "follow_up",
}


def any_edit(year: int, period: str) -> EditDecision:
    """The forms' own window check is off here: ``check_rules`` applies it to changed lines only."""
    return EditDecision(True)


@dataclass
class UploadedTemplate:
    agency_code: str
    year: int
    period: str
    rows: list[dict]  # {"row": Excel row number, key: text as typed}


def read_template(data: bytes, limits: Limits | None = None) -> UploadedTemplate:
    """The template's lines as typed; a file that is not one, or exceeds the limits, is a TemplateError."""
    return parse_template(BoundedWorkbook(data, limits or Limits.from_settings()))


def parse_template(workbook: BoundedWorkbook) -> UploadedTemplate:
    if SHEET not in workbook.sheetnames or INFO_SHEET not in workbook.sheetnames:
        raise TemplateError(
            f'Lembar "{SHEET}" atau "{INFO_SHEET}" tidak ada: gunakan templat yang diunduh dari aplikasi ini.'
        )
    info = {
        str(key).strip(): value
        for _, (key, value) in workbook.rows(INFO_SHEET, columns=2, max_rows=30)
        if key is not None
    }
    year = parse_whole(cell_text("year", info.get("Tahun")))
    if year is None:
        raise TemplateError('Tahun pada lembar "Info" tidak terbaca: unduh templat baru.')
    period = str(info.get("Periode", "")).strip()
    if period not in Period.values:
        raise TemplateError('Periode pada lembar "Info" tidak dikenal: unduh templat baru.')
    agency_code = str(info.get("Kode Perangkat Daerah", "")).strip()

    rows = workbook.rows(SHEET, columns=READ_COLUMNS)
    header = None
    for number, row in rows:
        if row[0] == TITLES["code"]:
            header = [str(cell).strip() if cell is not None else "" for cell in row]
            break
        if number > HEADER_SEARCH_ROWS:
            break
    if header is None:
        raise TemplateError(f'Baris judul kolom (diawali "{TITLES["code"]}") tidak ditemukan.')
    missing = [column.title for column in COLUMNS if column.required and column.title not in header]
    if missing:
        raise TemplateError("Kolom berikut tidak ditemukan: " + ", ".join(missing) + ". Unduh templat baru.")
    index = {column.key: header.index(column.title) for column in COLUMNS if column.title in header}
    lines = []
    for number, row in rows:
        values = {key: cell_text(key, row[i]) for key, i in index.items()}
        if not any(values[key] for key in ("code", *INPUT_KEYS)):
            continue
        lines.append({"row": number, **values})
        if len(lines) > workbook.limits.lines:
            raise TemplateError(f"Berkas berisi lebih dari {workbook.limits.lines} baris.")
    return UploadedTemplate(agency_code, year, period, lines)


@dataclass
class Line:
    row: int
    code: str
    name: str = ""
    entry: Entry | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column title, message)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # saved anyway, but worth a look
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (column title, old, new)
    outcome: str = ""  # new, changed, unchanged, empty, error
    cleaned: dict = field(default_factory=dict)
    period_open: bool = False

    def error(self, key: str, message: str) -> None:
        self.errors.append((TITLES.get(key, key), message))
        self.outcome = "error"

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome, "")


OUTCOME_LABELS = {
    "new": "Baru",
    "changed": "Diubah",
    "unchanged": "Tidak berubah",
    "empty": "Kosong",
    "error": "Galat",
}


@dataclass
class Preview:
    agency: Agency
    year: int
    period: str
    lines: list[Line]

    @property
    def period_label(self) -> str:
        return Period(self.period).label

    @property
    def errors(self) -> list[tuple[int, str, str]]:
        return [(line.row, column, message) for line in self.lines for column, message in line.errors]

    @property
    def warnings(self) -> list[tuple[int, str, str]]:
        return [(line.row, column, message) for line in self.lines for column, message in line.warnings]

    @property
    def to_save(self) -> list[Line]:
        return [line for line in self.lines if line.outcome in ("new", "changed")]

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [
            (key, label, sum(1 for line in self.lines if line.outcome == key))
            for key, label in OUTCOME_LABELS.items()
        ]


def shown(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, Decimal):
        return format_number(value)
    return str(value)


def status_value(text: str) -> str:
    """A status as typed: its label ("Sedang berjalan") or its code; unknown text stays as it is."""
    by_name = {label.lower(): value for value, label in ActionStatus.choices}
    by_name |= {value: value for value in ActionStatus.values}
    return by_name.get(text.strip().lower(), text)


def form_errors(line: Line, form) -> None:
    for name, messages in form.errors.items():
        key = FIELD_COLUMNS.get(name, "state")
        for message in messages:
            line.error(key, message)


def same(old, new) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return old.replace("\r\n", "\n").strip() == new.replace("\r\n", "\n").strip()  # Excel keeps LF only
    return old == new


def compare(line: Line, pairs: list[tuple[str, object, object]], existed: bool) -> None:
    line.changes = [(TITLES[key], shown(old), shown(new)) for key, old, new in pairs if not same(old, new)]
    line.outcome = ("changed" if line.changes else "unchanged") if existed else "new"


def check_activity(line: Line, raw: dict, *, year: int, period: str, actor: Actor, reason: str) -> None:
    activity, report = line.entry.activity, line.entry.report
    if report is None and not any(raw[key] for key in ("value", "note", "obstacles", "follow_up")):
        line.outcome = "empty"
        return
    data = {
        "year": year,
        "period": period,
        "number": raw["value"],
        "note": raw["note"],
        "obstacles": raw["obstacles"],
        "follow_up": raw["follow_up"],
        "reason": reason,
    }
    years = sorted(activity.targets_by_year)
    # The review rules are checked below, once it is known whether the line changes anything.
    form = RealisationForm(data, item=activity, years=years, edit_check=any_edit, staff=actor == Actor.STAFF)
    if not form.is_valid():
        return form_errors(line, form)
    old = (report.number, report.note, report.obstacles, report.follow_up) if report else (None, "", "", "")
    new = [form.cleaned_data[name] for name in ("number", "note", "obstacles", "follow_up")]
    keys = ("value", "note", "obstacles", "follow_up")
    compare(line, list(zip(keys, old, new, strict=True)), report is not None)
    check_rules(line, form.cleaned_data, actor, reason)
    if line.outcome in ("new", "changed"):
        # The browser form's soft warnings (an earlier quarter's figure, three times the target).
        line.warnings += [(TITLES["value"], warning) for warning in form.warnings]
        check_magnitude(line, form.cleaned_data["number"], activity.targets_by_year.get(year))


MAGNITUDE = 100  # a figure 100 times above or below its target is more likely a misread separator


def check_magnitude(line: Line, number: Decimal | None, target) -> None:
    """Warn when a value is orders of magnitude away from its target: "3.900" read as 3,9 by a
    spreadsheet in English, or a decimal comma typed as a thousands dot."""
    if number is None or target is None or target.number is None or target.number <= 0 or number <= 0:
        return
    ratio = number / target.number
    if ratio >= MAGNITUDE or ratio * MAGNITUDE <= 1:
        line.warnings.append(
            (
                TITLES["value"],
                f"{format_number(number)} berbeda lebih dari {MAGNITUDE} kali lipat dari target "
                f"{target.display}. Periksa titik ribuan dan koma desimal: 3.900 adalah tiga ribu sembilan "
                "ratus, 3,9 adalah tiga koma sembilan.",
            )
        )


class LineProgressForm(ActionProgressForm):
    """The browser form on what a template line of an action holds: status, percent and note.

    Without the fields a line cannot fill (evidence, texts of activities only, the edit version),
    a form per line of a 500-line file costs half as much to build and to clean."""

    evidence_file = evidence_link = obstacles = follow_up = version = None


def check_action(line: Line, raw: dict, *, actor: Actor, reason: str) -> None:
    report = line.entry.report
    if report is None and not any(raw[key] for key in ("status", "percent", "note")):
        line.outcome = "empty"
        return
    data = {"status": status_value(raw["status"]), "percent": raw["percent"], "note": raw["note"]}
    form = LineProgressForm(data, planned_action=line.entry.action)
    if "status" in form.fields:
        form.fields["status"].error_messages["invalid_choice"] = "Pilih salah satu: " + ", ".join(
            ActionStatus.labels
        )
    if not form.is_valid():
        return form_errors(line, form)
    old = (ActionStatus(report.status).label, report.percent, report.note) if report else (None, None, "")
    new = (
        ActionStatus(form.cleaned_data["status"]).label,
        form.cleaned_data["percent"],
        form.cleaned_data["note"],
    )
    compare(line, list(zip(("status", "percent", "note"), old, new, strict=True)), report is not None)
    check_rules(line, form.cleaned_data, actor, reason)


def check_rules(line: Line, cleaned: dict, actor: Actor, reason: str) -> None:
    """A line that changes something must be allowed by the review rules (window, verification)."""
    if line.outcome not in ("new", "changed"):
        return
    report = line.entry.report
    decision = edit_decision(report.review_state if report else None, actor, line.period_open)
    if not decision.allowed:
        line.error("state", decision.why_not)
    elif decision.reason_required and not reason.strip():
        line.error("state", REASON_REQUIRED)
    else:
        line.cleaned = cleaned


def untouched(raw: dict, code: str) -> bool:
    """A line as the template wrote it: a no-op, whatever was reported since the download."""
    return bool(raw.get("check")) and raw["check"] == line_check(code, raw)


def build_preview(
    *, edition: RoadmapEdition, agency: Agency, uploaded: UploadedTemplate, user, reason: str = ""
) -> Preview:
    """Check every line as the forms would; nothing is written."""
    year, period = uploaded.year, uploaded.period
    actor = agency_actor(user, agency)
    entries = {entry.code: entry for entry in reportable_entries(edition, agency, year, period)}
    is_open = open_check(year, period)
    lines, seen = [], set()
    for raw in uploaded.rows:
        code = raw["code"].strip().upper()
        line = Line(row=raw["row"], code=code, name=raw.get("name", ""), entry=entries.get(code))
        lines.append(line)
        if not code:
            line.error(
                "code",
                "Kode kosong: baris ini tidak dikenali. Salin baris dari templat, jangan diketik ulang.",
            )
        elif code in seen:
            line.error("code", f"Kode {code} muncul lebih dari sekali dalam berkas.")
        elif line.entry is None:
            line.error(
                "code",
                f"Kode {code} bukan item yang dilaporkan {agency.short_name} pada {Period(period).label} {year}.",
            )
        else:
            line.name = line.entry.name
            line.period_open = is_open(line.entry.item)
            if untouched(raw, code):
                line.outcome = "unchanged" if any(raw.get(key) for key in INPUT_KEYS) else "empty"
            elif line.entry.kind == "activity":
                check_activity(line, raw, year=year, period=period, actor=actor, reason=reason)
            else:
                check_action(line, raw, actor=actor, reason=reason)
        seen.add(code)
    return Preview(agency, year, period, lines)


@transaction.atomic
def apply_import(*, preview: Preview, user, reason: str, filename: str) -> int:
    """Save every new or changed line as submitted, all in one transaction; returns how many."""
    note = " · ".join(part for part in (reason.strip(), f"Impor Excel: {filename}") if part)
    lines = preview.to_save
    for line in lines:
        try:
            if line.entry.kind == "activity":
                services.save_realisation(
                    item=line.entry.activity,
                    year=preview.year,
                    period=preview.period,
                    number=line.cleaned["number"],
                    level=None,
                    note=line.cleaned["note"],
                    obstacles=line.cleaned["obstacles"],
                    follow_up=line.cleaned["follow_up"],
                    submit=True,
                    reason=note,
                    user=user,
                )
            else:
                services.save_action_progress(
                    planned_action=line.entry.action,
                    quarter=Period(preview.period).quarter,
                    lead=preview.agency,
                    status=line.cleaned["status"],
                    percent=line.cleaned["percent"],
                    note=line.cleaned["note"],
                    submit=True,
                    reason=note,
                    user=user,
                )
        except (PermissionDenied, ValidationError) as error:
            raise ValidationError(f"Baris {line.row} ({line.code}): {error}") from error
    return len(lines)
