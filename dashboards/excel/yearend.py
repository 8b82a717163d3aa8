"""The year-end monev report as a workbook: one sheet per section of the printed report."""

from django.conf import settings
from django.utils import formats

from dashboards.excel.recap import achievement_cell, basis_cell, figure
from dashboards.yearend import YearEndReport
from monev.standing import STATE_LABELS
from roadmap.models import RoadmapEdition
from roadmap.spreadsheets import GROUP_FILL, Column, Percent, Sheet, new_workbook, target_cell
from roadmap.spreadsheets import stamp as stamp_text

COUNTED = tuple(STATE_LABELS)


def percent(value) -> Percent | None:
    return Percent(value) if value is not None else None


def item_place(item) -> str:
    if getattr(item, "quick_win_id", None):
        return f"Quick win: {item.quick_win.name}"
    return f"{item.area.order}. {item.area.name}"


def agency_of(item) -> str:
    agency = getattr(item, "agency", None)
    return agency.name if agency else "Pemerintah Kabupaten"


def kind_of(line) -> str:
    return "Indikator" if line.kind == "indicator" else "Kegiatan prioritas"


def item_columns(name_width: float, agency_width: float) -> list[Column]:
    # Each sheet's widths add up to at most 175 units: one landscape page wide with 8-pt text.
    return [
        Column("No", 4),
        Column("Area / quick win", 18),
        Column("Jenis", 11),
        Column("Indikator / kegiatan", name_width),
        Column("Pengampu", agency_width),
    ]


def item_cells(number: int, line) -> list:
    return [number, item_place(line.item), kind_of(line), line.item.name, agency_of(line.item)]


def summary_sheet(workbook, report: YearEndReport, heading: list[str]) -> None:
    columns = [
        Column("No", 4),
        Column("Area perubahan", 30),
        Column("Rata-rata capaian (angka)", 10),
        Column("Kategori", 10),
        Column("Predikat/level tercapai", 10),
        *[Column(STATE_LABELS[key], 8, group="Jumlah item") for key in COUNTED],
        Column("Kemajuan", 8, group=f"Rencana aksi {report.year}"),
        Column("Selesai", 8, group=f"Rencana aksi {report.year}"),
        Column("Jumlah", 8, group=f"Rencana aksi {report.year}"),
    ]
    sheet = Sheet(workbook, "Ringkasan", columns, heading)
    overview = report.overview

    def counts(summary):
        counted = summary.counts  # counted over every line on each reading: once per row
        return [counted.get(key, 0) for key in COUNTED]

    def ordinal(summary) -> str:
        mean = summary.mean
        return f"{mean.ordinal_met} dari {mean.ordinal_total}" if mean.ordinal_total else "–"

    for area, summary, plan in overview.areas:
        category = summary.category.label if summary.category else "–"
        sheet.write(
            [
                area.order,
                area.name,
                percent(summary.average),
                category,
                ordinal(summary),
                *counts(summary),
                percent(plan.percent),
                plan.done,
                plan.total,
            ]
        )
    total = overview.total
    category = total.category.label if total.category else "–"
    sheet.write(
        [
            "",
            "Seluruh area",
            percent(total.average),
            category,
            ordinal(total),
            *counts(total),
            percent(overview.plan.percent),
            overview.plan.done,
            overview.plan.total,
        ],
        bold=True,
        fill=GROUP_FILL,
    )
    sheet.append([])
    sheet.note(f"{settings.REPORT_PLACE}, {formats.date_format(report.as_of, 'j F Y')}")
    for signatory in report.signatories:
        sheet.append([])
        lines = [signatory.capacity, signatory.position, "", "", signatory.name, signatory.rank]
        lines += [f"NIP. {signatory.nip_display}" if signatory.nip else ""]
        for index, text in enumerate(lines):
            if text or index in (2, 3):  # two empty lines to sign on
                sheet.note(text, bold=text == signatory.name)


def below_target_sheet(workbook, report: YearEndReport, heading: list[str]) -> None:
    columns = [
        *item_columns(30, 20),
        Column("Satuan", 9),
        Column("Target", 9),
        Column("Realisasi", 10),
        Column("Dasar angka", 12),
        Column("Capaian", 10),
        Column("Kendala", 21),
        Column("Rencana tindak lanjut", 21),
    ]
    sheet = Sheet(workbook, "Di Bawah Target", columns, heading)
    for number, entry in enumerate(report.below_target, start=1):
        line, status = entry.line, entry.line.status
        sheet.write(
            [
                *item_cells(number, line),
                line.item.unit or "–",
                target_cell(status.target),
                figure(status),
                basis_cell(status),
                achievement_cell(status),
                "\n".join(f"{period}: {text}" for period, text in entry.obstacles) or "(tidak diisi)",
                "\n".join(f"{period}: {text}" for period, text in entry.follow_ups) or "(tidak diisi)",
            ]
        )


def not_reported_sheet(workbook, report: YearEndReport, heading: list[str]) -> None:
    columns = [
        *item_columns(46, 30),
        Column("Target", 12),
        Column("Keadaan", 20),
    ]
    sheet = Sheet(workbook, "Belum Dilaporkan", columns, heading)
    for number, line in enumerate(report.not_reported, start=1):
        sheet.write(
            [
                *item_cells(number, line),
                target_cell(line.status.target),
                STATE_LABELS[line.status.state],
            ]
        )


def action_plan_sheet(workbook, report: YearEndReport, heading: list[str]) -> None:
    columns = [
        Column("No", 4),
        Column("Area perubahan", 18),
        Column("Sub kegiatan", 28),
        Column(f"Rencana aksi {report.year}", 32),
        Column("Kemajuan", 9),
        Column("Bagian Utama (terverifikasi)", 30),
        Column("Kontribusi pendukung", 24),
        Column("Keterangan", 30),
    ]
    sheet = Sheet(workbook, "Rencana Aksi Belum Selesai", columns, heading)
    number = 0
    for entry in report.unfinished:
        row = entry.row
        for action in entry.actions:  # one line per planned action: the unit the totals count
            number += 1
            sheet.write(
                [
                    number,
                    f"{row.area.order}. {row.area.name}",
                    row.name,
                    action.text,
                    percent(action.standing.percent),
                    "\n".join(action.parts),
                    "\n".join(action.contributions) or "–",
                    "\n".join(action.notes),
                ]
            )


def quick_win_sheet(workbook, report: YearEndReport, heading: list[str]) -> None:
    columns = [
        Column("No", 5),
        Column("Quick win", 34),
        Column("Pengampu", 30),
        Column("Rata-rata capaian", 12),
        *[Column(STATE_LABELS[key], 11, group="Jumlah kegiatan") for key in COUNTED],
    ]
    sheet = Sheet(workbook, "Quick Wins", columns, heading)
    for quick_win, summary in report.overview.quick_wins:
        lead = quick_win.lead_agency.name if quick_win.lead_agency else "–"
        counts = [summary.counts.get(key, 0) for key in COUNTED]
        sheet.write([quick_win.number, quick_win.name, lead, percent(summary.average), *counts])


def risk_sheet(workbook, report: YearEndReport, heading: list[str]) -> None:
    columns = [
        Column("No", 5),
        Column("Hambatan", 44),
        Column("Alternatif solusi", 50),
        Column(f"Status {report.year}", 16),
        Column("Keterangan dan tindak lanjut", 40),
    ]
    sheet = Sheet(workbook, "Hambatan", columns, heading)
    for line in report.risks:
        solutions = "\n".join(f"{i}. {s.text}" for i, s in enumerate(line.risk.solutions.all(), start=1))
        sheet.write([line.risk.number, line.risk.obstacle, solutions, line.status_label, line.review.note])


def followup_sheet(workbook, report: YearEndReport, heading: list[str]) -> None:
    columns = [
        Column("No", 5),
        Column("Temuan", 60),
        Column("Sumber", 22),
        Column("Penanggung jawab", 30),
        Column("Batas waktu", 16),
        Column("Status", 22),
    ]
    sheet = Sheet(workbook, "Tindak Lanjut", columns, heading)
    for number, line in enumerate(report.followups, start=1):
        finding = line.finding
        sheet.write(
            [
                number,
                finding.description,
                finding.get_source_display(),
                finding.agency.name,
                finding.deadline,
                line.state_label,
            ]
        )


def report_workbook(report: YearEndReport, edition: RoadmapEdition):
    workbook = new_workbook()
    stamp = f"Data terverifikasi per {stamp_text()} · {edition}"
    title = f"Laporan Monitoring dan Evaluasi Reformasi Birokrasi Kabupaten Pekalongan Tahun {report.year}"
    for build, section in (
        (summary_sheet, "Capaian per area perubahan"),
        (
            below_target_sheet,
            "Indikator dan kegiatan di bawah target, dengan kendala dan rencana tindak lanjut",
        ),
        (not_reported_sheet, "Indikator dan kegiatan yang belum dilaporkan atau belum diverifikasi"),
        (action_plan_sheet, f"Rencana aksi {report.year} yang belum selesai"),
        (quick_win_sheet, "Quick wins"),
        (risk_sheet, "Hambatan dan solusi (Tabel 2.1) dan statusnya"),
        (followup_sheet, f"Tindak lanjut hasil monev tahun {report.year - 1}"),
    ):
        build(workbook, report, [title, section, stamp])
    return workbook
