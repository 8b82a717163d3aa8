"""The description of every field of the open data of progress, versioned.

A change to a field (added, removed, renamed, or of another type) is a new version: bump
``VERSION`` and pin the new fingerprint in tests/test_opendata_progress.py, which fails until both
are done. The output's keys are checked against these lists, so the data and its description
cannot drift apart.
"""

import hashlib
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str


VERSION = 1

# Shared descriptions: an item's identity, and its standing for a year (monev/standing.py).
ITEM = [
    Field(
        "item_code",
        "string",
        "Kode tetap item dalam edisi: I-<n> untuk indikator, K-<n> untuk kegiatan prioritas.",
    ),
    Field(
        "item_kind",
        "string",
        "indicator (indikator keberhasilan) atau activity (kegiatan prioritas/quick win).",
    ),
    Field("area", "string|null", "Area perubahan; null untuk tabel target quick win."),
    Field("quick_win", "string|null", "Quick win yang tabel targetnya memuat kegiatan ini; null bila bukan."),
    Field("item", "string", "Nama indikator atau kegiatan sebagaimana tertulis dalam road map."),
    Field("unit", "string", "Satuan."),
    Field(
        "agency",
        "string|null",
        "Perangkat Daerah penanggung jawab data (indikator) atau pengampu (kegiatan).",
    ),
]
STANDING = [
    Field(
        "target",
        "number|string|null",
        "Target tahun itu: angka, atau predikat/level sebagaimana tertulis; null bila tanpa target.",
    ),
    Field(
        "value",
        "number|null",
        "Realisasi tahun itu dari laporan terverifikasi menurut basis; null bila tidak ada angka.",
    ),
    Field(
        "level",
        "string|null",
        "Predikat/opini/level yang dicapai (juga yang dibaca dari nilai pada skala); null bila tidak ada.",
    ),
    Field("nil", "boolean", "true bila dilaporkan nihil: tidak ada yang dihitung, bukan 0."),
    Field(
        "basis",
        "string",
        'Dasar angka tahunan: "laporan tahunan", "TW III (terakhir)", "jumlah TW I–III"; kosong bila belum ada laporan terverifikasi.',
    ),
    Field(
        "complete",
        "boolean",
        "true bila angka mencakup seluruh tahun (laporan tahunan, atau sampai TW IV tanpa celah).",
    ),
    Field(
        "achievement_percent",
        "number|null",
        "Capaian dalam persen (dibulatkan setengah ke atas, dua desimal) untuk target angka; null untuk predikat/level.",
    ),
    Field(
        "steps",
        "number|null",
        'Predikat/level: selisih tingkat dari target (negatif: di bawah; 0,5 untuk "Dengan Catatan"); null untuk angka.',
    ),
    Field(
        "achievement",
        "string|null",
        'Capaian sebagaimana ditampilkan aplikasi: "61,73 %", "Tercapai", "1 tingkat di bawah target".',
    ),
    Field("met", "boolean|null", "Target tercapai; null bila belum dapat dibandingkan."),
    Field(
        "state", "string", "Keadaan: no_target, not_reported, nil, met, on_track, behind, not_yet, not_met."
    ),
    Field(
        "state_label", "string", "Keadaan dalam bahasa Indonesia (Tercapai, Tertinggal, Belum dilaporkan, …)."
    ),
    Field(
        "category",
        "string|null",
        "Kategori capaian persen: Sangat tinggi, Tinggi, Sedang, Rendah, Sangat rendah.",
    ),
]
VERIFIED_AT = Field(
    "verified_at",
    "datetime|null",
    "Waktu verifikasi (ISO 8601, WIB) laporan terakhir yang membentuk angka; null untuk nilai yang dikutip dari dokumen Perbup.",
)

TABLES: dict[str, dict] = {
    "summary": {
        "title": "Ringkasan per area dan tahun",
        "description": "Rata-rata capaian indikator dan kegiatan prioritas, dan kemajuan rencana aksi, per area perubahan dan tahun.",
        "fields": [
            Field(
                "scope",
                "string",
                "area (satu area perubahan), quick_wins (tabel target quick win) atau all (seluruh road map).",
            ),
            Field("area", "string|null", "Nama area perubahan; null untuk quick_wins dan all."),
            Field("year", "integer", "Tahun."),
            Field("items", "integer", "Jumlah indikator dan kegiatan prioritas."),
            Field("items_with_target", "integer", "Yang memiliki target tahun itu."),
            Field("items_reported", "integer", "Yang bertarget dan memiliki realisasi terverifikasi."),
            Field("items_met", "integer", "Yang targetnya tercapai."),
            Field(
                "average_percent",
                "number|null",
                "Rata-rata capaian item bertarget angka (tiap item dibatasi pada batas atas capaian).",
            ),
            Field("category", "string|null", "Kategori rata-rata capaian."),
            Field("levels_met", "integer", "Item predikat/level yang tercapai."),
            Field("levels_with_figure", "integer", "Item predikat/level yang sudah dapat dibandingkan."),
            Field("plan_actions", "integer", "Jumlah rencana aksi tahun itu."),
            Field(
                "plan_actions_done",
                "integer",
                "Rencana aksi yang selesai menurut laporan terverifikasi setiap Perangkat Daerah Utama.",
            ),
            Field(
                "plan_percent",
                "number|null",
                "Rata-rata persen selesai rencana aksi; null bila tidak ada rencana aksi.",
            ),
        ],
    },
    "achievements": {
        "title": "Capaian tahunan per item",
        "description": "Satu baris per indikator atau kegiatan prioritas dan tahun: target, realisasi terverifikasi, basis dan capaian.",
        "fields": [*ITEM, Field("year", "integer", "Tahun."), *STANDING, VERIFIED_AT],
    },
    "realisations": {
        "title": "Realisasi terverifikasi per triwulan",
        "description": "Satu baris per laporan terverifikasi (TW I–IV atau tahunan), dengan kedudukan tahun itu pada akhir periodenya.",
        "fields": [
            *ITEM,
            Field("year", "integer", "Tahun."),
            Field("period", "string", "q1, q2, q3, q4 atau year (tahunan)."),
            Field("period_label", "string", "TW I, TW II, TW III, TW IV atau Tahunan."),
            Field("reported_value", "number|null", "Angka yang dilaporkan untuk periode ini."),
            Field("reported_level", "string|null", "Predikat/level yang dilaporkan untuk periode ini."),
            Field("reported_nil", "boolean", "Periode ini dilaporkan nihil."),
            *STANDING,
            Field(
                "compared_with",
                "string",
                'Pembanding persen: "target tahun", atau "target s.d. TW II" untuk item yang dijumlahkan.',
            ),
            Field(
                "verified_at",
                "datetime|null",
                "Waktu verifikasi laporan ini (ISO 8601, WIB); null untuk nilai yang dikutip dari dokumen Perbup.",
            ),
        ],
    },
    "action_progress": {
        "title": "Kemajuan rencana aksi per triwulan",
        "description": "Satu baris per rencana aksi dan triwulan yang memiliki laporan terverifikasi Perangkat Daerah Utama: kedudukannya pada akhir triwulan itu.",
        "fields": [
            Field("row_code", "string", "Kode tetap baris rencana aksi dalam edisi (R-<n>)."),
            Field("area", "string", "Area perubahan."),
            Field("group", "string|null", "Kelompok kegiatan."),
            Field("row", "string", "Kegiatan/sub kegiatan."),
            Field("action", "string", "Rencana aksi."),
            Field("year", "integer", "Tahun rencana aksi."),
            Field("quarter", "integer", "Triwulan (1–4)."),
            Field("period_label", "string", "TW I–TW IV."),
            Field("lead_agencies", "array<string>", 'Perangkat Daerah Utama (CSV: dipisah "; ").'),
            Field(
                "parts",
                "array<object>",
                "Bagian tiap Utama: agency, status (not_started, in_progress, done, not_done; null bila belum ada laporan terverifikasi), status_label, percent. Tidak ada di CSV: lihat parts_text.",
            ),
            Field(
                "parts_text",
                "string",
                'Bagian tiap Utama dalam kata-kata: "BKD: Selesai (100 %); Inspektorat: belum dilaporkan".',
            ),
            Field(
                "percent",
                "number|null",
                "Persen selesai: rata-rata bagian Utama (tanpa laporan terverifikasi: 0).",
            ),
            Field("done", "boolean", "Selesai: setiap Utama melaporkan selesai."),
            VERIFIED_AT,
        ],
    },
}

DOCUMENT = [
    Field("schema", "object", "version (nomor versi skema ini) dan url (deskripsi skema)."),
    Field("licence", "object", "name dan url lisensi data."),
    Field("edition", "object", "id, regulation (Perbup), title dan period (tahun berlakunya)."),
    Field("updates", "string", "Kapan data berubah."),
    Field("last_verified_at", "datetime|null", "Waktu verifikasi terakhir di antara laporan dalam dokumen."),
    *(Field(table, "array<object>", spec["title"]) for table, spec in TABLES.items()),
]

# The CSV files: one per table; a list is joined with "; ", an object list is left out.
CSV_TABLES = {
    "summary": "ringkasan",
    "achievements": "capaian",
    "realisations": "realisasi",
    "action_progress": "rencana-aksi",
}
CSV_LEFT_OUT = {"parts"}


def field_names(table: str) -> list[str]:
    return [f.name for f in TABLES[table]["fields"]]


def csv_columns(table: str) -> list[str]:
    return [name for name in field_names(table) if name not in CSV_LEFT_OUT]


def describe() -> dict:
    """The schema as a JSON document (served as /data-terbuka/skema/v<N>.json)."""

    def fields(items):
        return [{"name": f.name, "type": f.type, "description": f.description} for f in items]

    return {
        "version": VERSION,
        "document": fields(DOCUMENT),
        "tables": {
            table: {
                "title": spec["title"],
                "description": spec["description"],
                "csv": CSV_TABLES[table],
                "fields": fields(spec["fields"]),
            }
            for table, spec in TABLES.items()
        },
    }


def fingerprint() -> str:
    """What a version pins: every table's field names and types, in order (not the wording)."""
    shape = {"document": [(f.name, f.type) for f in DOCUMENT]}
    shape |= {table: [(f.name, f.type) for f in spec["fields"]] for table, spec in TABLES.items()}
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()[:16]
