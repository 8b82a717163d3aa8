"""The question set of a model version as a workbook: the layout of docs/assessment.md, written (the
current set, to fill in) and read back within monev's bounds, with a preview and per-row errors.

A set is saved whole or not at all, since its weights must add up per sub-component: a file with any
error is refused, with every error listed by row and column. Questions already answered in a round keep
what scores them (kind, choices, range, weight, sub-component); their wording may still be corrected.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Count

from assessment import scoring, stored
from assessment.models import ModelVersion, Question, QuestionKind
from assessment.selectors import model_spec, structure
from monev.excel.template import cell_text
from roadmap.notation import format_number, parse_number
from roadmap.spreadsheets import Column, Sheet, new_workbook, stamp
from roadmap.workbook_reading import BoundedWorkbook, Limits, TemplateError

SHEET, MODEL_SHEET = "Pertanyaan", "Model"
MODEL_CODE = "Kode model"


@dataclass(frozen=True)
class QColumn:
    key: str
    title: str
    width: float
    required: bool = True


# Widths add up to 175 units: one landscape page width at 8 pt or more (roadmap/sheet_layout.py).
COLUMNS = (
    QColumn("code", "Kode", 8),
    QColumn("sub", "Sub-komponen", 13),
    QColumn("group", "Kelompok", 14, required=False),
    QColumn("text", "Pertanyaan", 30),
    QColumn("guidance", "Petunjuk", 16, required=False),
    QColumn("kind", "Jenis jawaban", 10),
    QColumn("choices", "Pilihan (kode=nilai)", 13, required=False),
    QColumn("labels", "Uraian pilihan", 20, required=False),
    QColumn("low", "Angka bernilai 0", 8, required=False),
    QColumn("high", "Angka bernilai 1", 8, required=False),
    QColumn("unit", "Satuan", 8, required=False),
    QColumn("weight", "Bobot", 8),
    QColumn("ref", "Indikator road map", 19, required=False),
)
TITLES = {column.key: column.title for column in COLUMNS}
NUMBER_KEYS = ("low", "high", "weight")
READ_COLUMNS = 20
HEADER_SEARCH_ROWS = 20
KIND_NAMES = {label.lower(): value for value, label in QuestionKind.choices} | {
    v: v for v in QuestionKind.values
}


def choices_text(question: Question) -> str:
    return "; ".join(f"{c['code']}={format_number(Decimal(str(c['value'])))}" for c in question.choices)


def labels_text(question: Question) -> str:
    return "\n".join(f"{c['code']}. {c['label']}" for c in question.choices if c.get("label"))


def question_workbook(version: ModelVersion):
    """The model's current question set in the layout the upload reads (a blank row when it has none)."""
    workbook = new_workbook()
    components = structure(version)
    sheet = Sheet(
        workbook,
        SHEET,
        [Column(c.title, c.width) for c in COLUMNS],
        heading=[f"Set pertanyaan {version.name}", f"Diunduh {stamp()} · tata letak: docs/assessment.md"],
        key_columns=2,
    )
    for component in components:
        for sub in component.subcomponents.all():
            for q in sub.questions.all():
                sheet.write(
                    [
                        q.code,
                        sub.code,
                        q.group,
                        q.text,
                        q.guidance,
                        q.get_kind_display(),
                        choices_text(q),
                        labels_text(q),
                        q.low,
                        q.high,
                        q.unit,
                        q.weight,
                        q.indicator_ref,
                    ]
                )
    info = Sheet(
        workbook,
        MODEL_SHEET,
        [Column("Keterangan", 30), Column("Isi", 60), Column("Bobot", 10)],
        key_columns=1,
    )
    info.write([MODEL_CODE, version.code, None])
    info.write(["Model", version.name, None])
    info.write(["Jenis jawaban", "Ya/Tidak, Pilihan, Persentase, Angka", None])
    info.write(["Sub-komponen (kode: nama)", "", None])
    for component in components:
        for sub in component.subcomponents.all():
            info.write([sub.code, f"{component.label}: {sub.name}", sub.weight])
    return workbook


@dataclass
class UploadedSet:
    model_code: str
    rows: list[dict]  # {"row": Excel row number, key: text as typed}


def read_question_set(data: bytes, limits: Limits | None = None) -> UploadedSet:
    """The rows of an uploaded question set as text; a file that is not one is a TemplateError."""
    workbook = BoundedWorkbook(data, limits or Limits.from_settings())
    if SHEET not in workbook.sheetnames or MODEL_SHEET not in workbook.sheetnames:
        raise TemplateError(
            f'Lembar "{SHEET}" atau "{MODEL_SHEET}" tidak ada: gunakan lembar kerja yang diunduh dari halaman model.'
        )
    info = {
        str(key).strip(): value
        for _, (key, value) in workbook.rows(MODEL_SHEET, columns=2, max_rows=200)
        if key
    }
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
    missing = [c.title for c in COLUMNS if c.required and c.title not in header]
    if missing:
        raise TemplateError("Kolom berikut tidak ditemukan: " + ", ".join(missing) + ".")
    index = {c.key: header.index(c.title) for c in COLUMNS if c.title in header}
    lines = []
    for number, row in rows:
        texts = {key: cell_text("value" if key in NUMBER_KEYS else key, row[i]) for key, i in index.items()}
        if not any(texts.values()):
            continue
        lines.append({"row": number, **{c.key: texts.get(c.key, "") for c in COLUMNS}})
        if len(lines) > workbook.limits.lines:
            raise TemplateError(f"Berkas berisi lebih dari {workbook.limits.lines} baris.")
    return UploadedSet(str(info.get(MODEL_CODE) or "").strip(), lines)


@dataclass
class Line:
    row: int
    code: str
    text: str = ""
    values: dict = field(default_factory=dict)
    sub_code: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)
    outcome: str = ""  # new, changed, unchanged, error

    def error(self, key: str, message: str) -> None:
        self.errors.append((TITLES.get(key, key), message))
        self.outcome = "error"


OUTCOME_LABELS = {"new": "Baru", "changed": "Diubah", "unchanged": "Tidak berubah", "error": "Galat"}
SCORED_FIELDS = ("kind", "low", "high", "weight", "subcomponent_id")


def scoring_of(values: dict) -> tuple:
    """What scores a question: its kind, choices' codes and values (not their wording), range, weight
    and place; an answered question keeps it."""
    choices = tuple((c["code"], Decimal(str(c["value"]))) for c in values["choices"])
    return (*(values[name] for name in SCORED_FIELDS), choices)


@dataclass
class Preview:
    version: ModelVersion
    lines: list[Line]
    file_errors: list[str]  # weights that do not add up, answered questions the file drops
    removed: list[Question]
    empty_subs: list[str]  # sub-components the file gives no question (no round can be opened)

    @property
    def errors(self) -> list[tuple[int | str, str, str]]:
        return [(line.row, column, message) for line in self.lines for column, message in line.errors] + [
            ("–", "", message) for message in self.file_errors
        ]

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        counts = [
            (key, label, sum(1 for line in self.lines if line.outcome == key))
            for key, label in OUTCOME_LABELS.items()
        ]
        return counts + [("removed", "Dihapus", len(self.removed))]


def number_or_none(line: Line, key: str, text: str) -> Decimal | None:
    if not text:
        return None
    try:
        return parse_number(text)
    except ValueError:
        line.error(key, "Tulis angka dalam notasi Indonesia: koma untuk desimal (0,5), titik untuk ribuan.")
        return None


def parse_choices(line: Line, codes_text: str, labels_text_: str) -> list[dict]:
    choices = []
    for part in codes_text.replace("\n", ";").split(";"):
        if not part.strip():
            continue
        code, sep, value = part.partition("=")
        try:
            number = parse_number(value.strip()) if sep else None
        except ValueError:
            number = None
        if not sep or number is None:
            line.error(
                "choices",
                f"Tulis setiap pilihan sebagai kode=nilai, mis. A=1; B=0,5; C=0 (bukan {part.strip()!r}).",
            )
            return []
        choices.append({"code": code.strip(), "label": "", "value": str(number)})
    labels = {}
    for text in labels_text_.splitlines():
        code, _, label = text.strip().partition(" ")
        code = code.rstrip(".):")
        if text.strip() and code not in {c["code"] for c in choices}:
            line.error(
                "labels", f'Uraian {text.strip()[:30]!r} tidak diawali kode pilihan (mis. "A. Seluruhnya").'
            )
        labels[code] = label.strip()
    for choice in choices:
        choice["label"] = labels.get(choice["code"], "")
    return choices


def read_line(raw: dict, subs: dict) -> Line:
    """One row as a question's values, with an error for each cell that cannot be read."""
    line = Line(row=raw["row"], code=raw["code"].strip(), text=raw["text"])
    if not line.code:
        line.error("code", "Kode pertanyaan kosong.")
    elif len(line.code) > 40:
        line.error("code", "Kode pertanyaan paling panjang 40 karakter.")
    sub = subs.get(raw["sub"].strip())
    if sub is None:
        line.error(
            "sub", f'Sub-komponen {raw["sub"]!r} tidak ada dalam model ini (lihat lembar "{MODEL_SHEET}").'
        )
    if not raw["text"].strip():
        line.error("text", "Pertanyaan kosong.")
    kind = KIND_NAMES.get(raw["kind"].strip().lower())
    if kind is None:
        line.error("kind", "Pilih salah satu: Ya/Tidak, Pilihan, Persentase, Angka.")
    weight = number_or_none(line, "weight", raw["weight"])
    if not raw["weight"]:
        line.error("weight", "Bobot kosong.")
    values = {
        "group": raw["group"][:300],
        "text": raw["text"],
        "guidance": raw["guidance"],
        "kind": kind,
        "choices": parse_choices(line, raw["choices"], raw["labels"]) if kind == QuestionKind.CHOICE else [],
        "low": number_or_none(line, "low", raw["low"]) if kind == QuestionKind.NUMBER else None,
        "high": number_or_none(line, "high", raw["high"]) if kind == QuestionKind.NUMBER else None,
        "unit": raw["unit"][:40],
        "weight": weight,
        "indicator_ref": raw["ref"].strip()[:40],
        "subcomponent_id": sub.pk if sub else None,
    }
    line.values, line.sub_code = values, sub.code if sub else ""
    if line.outcome != "error":
        spec = scoring.Question(
            line.code,
            weight,
            kind,
            tuple(scoring.Choice(c["code"], Decimal(c["value"])) for c in values["choices"]),
            values["low"],
            values["high"],
        )
        for problem in scoring.question_problems(spec):
            line.error("kind", problem)
    return line


def build_preview(*, version: ModelVersion, uploaded: UploadedSet) -> Preview:
    """Check every row and the set as a whole against the model; nothing is written."""
    components = structure(version)
    subs = {sub.code: sub for c in components for sub in c.subcomponents.all()}
    existing = {q.code: q for q in version.questions.annotate(answer_count=Count("answers"))}
    lines, seen, file_errors = [], set(), []
    if uploaded.model_code != version.code:
        file_errors.append(
            f'Berkas ini untuk model "{uploaded.model_code or "(tanpa kode)"}", bukan "{version.code}": '
            "unduh lembar kerja dari halaman model ini."
        )
    for raw in uploaded.rows:
        line = read_line(raw, subs)
        lines.append(line)
        if line.code in seen:
            line.error("code", f"Kode {line.code} muncul lebih dari sekali dalam berkas.")
        seen.add(line.code)
        if line.outcome == "error":
            continue
        stored = existing.get(line.code)
        if stored is None:
            line.outcome = "new"
            continue
        changed = [name for name, value in line.values.items() if getattr(stored, name) != value]
        line.outcome = "changed" if changed or stored.is_example else "unchanged"
        if stored.answer_count and scoring_of(line.values) != scoring_of(vars(stored)):
            line.error(
                "weight",
                f"Pertanyaan {line.code} sudah dijawab dalam putaran PMPRB: jenis jawaban, pilihan, rentang, bobot "
                "dan sub-komponennya tidak dapat diubah (hanya teksnya). Gunakan model versi baru.",
            )
    removed = [q for code, q in existing.items() if code not in seen]
    answered = [question.code for question in removed if question.answer_count]
    if answered:
        file_errors.append(
            "Pertanyaan yang sudah dijawab dalam putaran PMPRB tidak boleh hilang dari set: "
            + ", ".join(answered)
            + "."
        )
    valid = [line for line in lines if line.outcome != "error"]
    if len(valid) == len(lines):
        grouped: dict[int, list] = {}
        for line in valid:
            grouped.setdefault(line.values["subcomponent_id"], []).append(
                scoring.Question(line.code, line.values["weight"], line.values["kind"])
            )
        file_errors += scoring.check_weights(model_spec(components, grouped))
    empty = [sub.name for sub in subs.values() if not any(line.sub_code == sub.code for line in valid)]
    return Preview(version, lines, file_errors, removed, empty)


@transaction.atomic
@stored.deferred()
def apply_question_set(*, preview: Preview) -> int:
    """Write the whole set (questions by code, in the file's order) and drop what it no longer lists."""
    if preview.errors:
        raise ValueError("a question set with errors is never saved")
    version = preview.version
    questions = list(version.questions.all())
    for offset, question in enumerate(questions, start=100_000):  # out of the way of the new orders
        question.order = offset
        question.save(update_fields=["order"])
    by_code = {q.code: q for q in questions}
    for order, line in enumerate(preview.lines, start=1):
        question = by_code.get(line.code) or Question(model=version, code=line.code)
        for name, value in line.values.items():
            setattr(question, name, value)
        question.order, question.is_example = order, False
        question.full_clean()
        question.save()
    Question.objects.filter(pk__in=[q.pk for q in preview.removed]).delete()
    return len(preview.lines)
