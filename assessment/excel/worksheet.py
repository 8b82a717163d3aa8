"""Workbooks of the self-assessment, formula-free, through roadmap.spreadsheets (so they get the formats,
row heights and print setup of every other workbook): one assessment in the worksheet's own layout, and
a round (its recap, then every assessment on a sheet of its own)."""

from collections import defaultdict
from decimal import Decimal

from openpyxl.styles import PatternFill

from assessment.models import Answer, Assessment
from assessment.overview import RoundPage
from assessment.selectors import AssessmentResult, answers_of, assessment_result, structure
from assessment.worksheet import sheet
from monev.achievement import round_percent
from roadmap.notation import format_number
from roadmap.spreadsheets import GROUP_FILL, INDONESIAN, Column, Sheet, new_workbook, stamp

COMPONENT_FILL = PatternFill("solid", fgColor="D9EAD3")
REVIEW_STATES = {"draft": "Draf", "submitted": "Diajukan", "returned": "Dikembalikan", "verified": "Direviu"}

# Widths add up to 175 units: one landscape page width at 8 pt or more.
WORKSHEET_COLUMNS = [
    Column("Kode", 8),
    Column("Komponen / sub-komponen / pertanyaan", 40),
    Column("Bobot", 8),
    Column("Jawaban", 12),
    Column("Nilai (0–1)", 8),
    Column("Skor", 8),
    Column("Penjelasan", 22),
    Column("Bukti dukung", 20),
    Column("Status", 11),
    Column("Reviu (jawaban dan catatan)", 38),
]


SCORE_FORMAT = INDONESIAN + "#,##0.00"


class TwoPlaces(Decimal):
    """A score or a value, always written with two decimals ("36,20"), as the pages show it."""


def rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else TwoPlaces(round_percent(value))


def write(out: Sheet, values, *, bold: bool = False, fill=None) -> None:
    out.append(
        out.cell(
            value, bold=bold, fill=fill, number_format=SCORE_FORMAT if isinstance(value, TwoPlaces) else None
        )
        for value in values
    )


def write_assessment(
    workbook, assessment: Assessment, title: str, components=None, answers: dict | None = None, bands=None
) -> None:
    """One assessment's sheet; a round passes what it read once for all its assessments."""
    components = components if components is not None else structure(assessment.round.model)
    answers = answers if answers is not None else answers_of(assessment)
    result: AssessmentResult = assessment_result(assessment, components, answers, bands)
    model = assessment.round.model
    out = Sheet(
        workbook,
        title,
        WORKSHEET_COLUMNS,
        heading=[
            f"Kertas Kerja Evaluasi PMPRB {assessment.round.year}: {assessment.name}",
            f"{model.name} ({model.regulation}) · diunduh {stamp()} · {result.progress.answered} dari "
            f"{result.progress.questions} pertanyaan terjawab; skor dari jawaban yang diajukan dan direviu",
        ],
        key_columns=2,
    )
    for part in sheet(components, answers, result):
        write(
            out,
            [
                part.component.code,
                part.component.name,
                part.component.weight,
                None,
                None,
                rounded(part.score.score),
            ],
            bold=True,
            fill=COMPONENT_FILL,
        )
        for section in part.sections:
            name = f"{section.sub.group} · {section.sub.name}" if section.sub.group else section.sub.name
            write(
                out,
                [section.sub.code, name, section.sub.weight, None, None, rounded(section.score.score)],
                bold=True,
                fill=GROUP_FILL,
            )
            for line in section.lines:
                answer = line.answer
                review = ""
                if answer is not None and answer.adjusted:
                    review = f"Jawaban reviewer: {answer.reviewer_display}. "
                if answer is not None and answer.review_note:
                    review += answer.review_note
                write(
                    out,
                    [
                        line.question.code,
                        f"{line.question.group}: {line.question.text}"
                        if line.question.group
                        else line.question.text,
                        line.question.weight,
                        answer.display if answer else None,
                        rounded(line.value),
                        rounded(line.score),
                        answer.explanation if answer else None,
                        "\n".join(e.label for e in answer.evidence.all()) if answer else None,
                        REVIEW_STATES.get(answer.review_state, "") if answer else "Belum dijawab",
                        review.strip() or None,
                    ],
                )
    write(out, [None, "Nilai", model.total, None, None, rounded(result.total)], bold=True)
    write(out, [None, "Predikat", None, result.predikat or "–"], bold=True)


def assessment_workbook(assessment: Assessment):
    workbook = new_workbook()
    write_assessment(workbook, assessment, f"PMPRB {assessment.round.year}")
    return workbook


def round_workbook(page: RoundPage):
    """The recap of a round (one row per assessment, as on the round page), then each worksheet."""
    workbook = new_workbook()
    round_ = page.round
    result = page.result
    recap_columns = (
        [Column("No", 5), Column("Pemerintah Kabupaten / Perangkat Daerah", 30)]
        + [
            Column(f"{column.label} ({format_number(column.weight)})", 9, group="Skor per area dan komponen")
            for column in page.columns
        ]
        + [
            Column("Nilai", 9),
            Column("Predikat", 9),
            Column(f"Nilai {round_.year - 1}", 9),
            Column("Status", 16),
        ]
    )
    recap = Sheet(
        workbook,
        "Rekap",
        recap_columns,
        heading=[
            f"Rekap PMPRB {round_.year} · {round_.model.name}",
            f"Diunduh {stamp()} · Indeks RB = {format_number(round_.model.regency_share)} % Pemerintah Kabupaten + "
            f"{format_number(round_.model.agencies_share)} % rata-rata Perangkat Daerah",
        ],
        key_columns=2,
    )
    for number, row in enumerate(page.rows, start=1):
        write(
            recap,
            [number, row.assessment.name]
            + [rounded(cell) for cell in row.cells]
            + [
                rounded(row.result.total) if row.result.counted else None,
                row.result.predikat if row.result.counted else None,
                rounded(row.previous),
                row.result.progress.label,
            ],
        )
    write(
        recap,
        [None, "Rata-rata Perangkat Daerah", *([None] * len(page.columns)), rounded(result.agencies_mean)],
        bold=True,
    )
    write(
        recap,
        [
            None,
            "Indeks RB",
            *([None] * len(page.columns)),
            rounded(result.index),
            result.index_predikat,
            rounded(page.previous_index),
        ],
        bold=True,
    )
    used = set()
    answers = defaultdict(dict)
    for answer in (
        Answer.objects.filter(assessment__round=round_)
        .select_related("question", "reported_by", "reviewed_by")
        .prefetch_related("evidence")
    ):
        answers[answer.assessment_id][answer.question_id] = answer
    for number, row in enumerate(page.rows, start=1):
        title = f"{number}. {row.assessment.short_name}"[:31]
        while title in used:
            title = title[:-1]
        used.add(title)
        write_assessment(
            workbook, row.assessment, title, result.components, answers[row.assessment.pk], result.bands
        )
    return workbook
