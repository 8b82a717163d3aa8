"""The open data of progress as a JSON document and as one CSV file per table."""

import csv
import io

from django.conf import settings

from opendata import schema
from opendata.progress import OpenProgress
from roadmap import indented_json
from roadmap.spreadsheets import csv_text

UPDATES = (
    "Berubah setiap kali laporan diverifikasi atau dikoreksi, target diubah, dan pada awal setiap "
    "triwulan (keadaan tahun berjalan membaca triwulan yang sudah lewat). Laporan dikumpulkan per "
    "triwulan, jadi perubahan terbanyak terjadi setelah batas pelaporan setiap triwulan. Kirim "
    "If-None-Match (ETag) atau If-Modified-Since: jawaban 304 berarti data belum berubah."
)


def licence() -> dict:
    return {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL}


def document(data: OpenProgress, schema_url: str) -> dict:
    edition = data.edition
    return {
        "schema": {"version": schema.VERSION, "url": schema_url},
        "licence": licence(),
        "edition": {
            "id": edition.pk,
            "regulation": str(edition),
            "title": edition.title,
            "period": edition.period_label,
        },
        "updates": UPDATES,
        "last_verified_at": data.last_verified_at,
        **{table: getattr(data, table) for table in schema.TABLES},
    }


def json_text(data: OpenProgress, schema_url: str) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=1)``, the same bytes written faster."""
    return indented_json.dumps(document(data, schema_url), indent=1) + "\n"


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        value = "; ".join(value)
    return csv_text(str(value))


def csv_text_of(data: OpenProgress, table: str) -> str:
    columns = schema.csv_columns(table)
    buffer = io.StringIO()
    buffer.write("\ufeff")  # a byte-order mark lets spreadsheet programs read the file as UTF-8
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows([csv_cell(row[name]) for name in columns] for row in getattr(data, table))
    return buffer.getvalue()
