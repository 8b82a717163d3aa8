"""The open-data export: its shape, exact values, CSV tables and the management command."""

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from actions.models import QuickWin
from actions.opendata import CSV_TABLES

pytestmark = pytest.mark.django_db

Number = (int, float)


@pytest.fixture
def export(client) -> dict:
    response = client.get(reverse("actions:export-json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content.decode("utf-8"))


def assert_shape(value, shape, path="$"):
    """A small structural validator: dict keys must match exactly; a tuple lists allowed types."""
    if isinstance(shape, dict):
        assert isinstance(value, dict), path
        assert set(value) == set(shape), f"{path}: keys {sorted(value)} != {sorted(shape)}"
        for key, sub in shape.items():
            assert_shape(value[key], sub, f"{path}.{key}")
    elif isinstance(shape, list):
        assert isinstance(value, list), path
        for n, item in enumerate(value):
            assert_shape(item, shape[0], f"{path}[{n}]")
    elif shape == "targets":
        assert isinstance(value, dict) and value, path
        for year, target in value.items():
            assert year.isdigit() and len(year) == 4, path
            assert target is None or isinstance(target, (int, float, str)), f"{path}.{year}"
            assert not isinstance(target, bool)
    elif shape == "actions":
        assert isinstance(value, dict), path
        for year, items in value.items():
            assert (
                year.isdigit() and isinstance(items, list) and all(isinstance(i, str) and i for i in items)
            ), path
    else:
        assert isinstance(value, shape), f"{path}: {type(value).__name__}"


SHAPE = {
    "regulation": {"number": int, "year": int, "title": str},
    "areas": [{"name": str, "expected_results": [str]}],
    "indicators": [
        {"area": str, "name": str, "unit": str, "data_owner": (str, type(None)), "targets": "targets"}
    ],
    "activities": [
        {
            "area": (str, type(None)),
            "quick_win": (str, type(None)),
            "name": str,
            "unit": str,
            "agency": (str, type(None)),
            "agency_note": str,
            "targets": "targets",
        }
    ],
    "quick_wins": [{"name": str, "agency": str, "description": str}],
    "action_plan": [
        {
            "area": str,
            "group": (str, type(None)),
            "name": str,
            "lead_agencies": [str],
            "supporting_agencies": [str],
            "actions": "actions",
        }
    ],
    "agencies": [str],
    "teams": [{"team": str, "members": [{"role": str, "office": str}]}],
    "risks": [{"obstacle": str, "solutions": [str]}],
}


def test_export_has_the_documented_shape(export):
    assert_shape(export, SHAPE)
    assert export["regulation"] == {
        "number": 40,
        "year": 2020,
        "title": "Road Map Reformasi Birokrasi Kabupaten Pekalongan Tahun 2020",
    }


def test_export_holds_every_item_of_the_regulation(export):
    assert len(export["areas"]) == 8
    assert len(export["indicators"]) == 15
    assert len(export["activities"]) == 29
    assert len(export["quick_wins"]) == 3
    assert len(export["action_plan"]) == 76
    assert len(export["risks"]) == 4
    assert all(activity["area"] or activity["quick_win"] for activity in export["activities"])


def by_name(items, name):
    return next(item for item in items if item["name"] == name)


def test_export_targets_are_exact(export):
    indeks_rb = by_name(export["indicators"], "Indeks Reformasi Birokrasi")
    assert indeks_rb["targets"] == {"2016": None, "2017": 53.75, "2018": 60.53, "2019": 64.24, "2020": None}
    spip = by_name(export["indicators"], "Maturitas Sistem Pengendalian Instansi Pemerintahan")
    assert spip["targets"] == {"2016": 3.1, "2017": 3.2, "2018": 3.3, "2019": 3.4, "2020": 3.5}
    apip = by_name(export["indicators"], "Kapabilitas Aparatur Pengawas Intern Pemerintahan")
    assert apip["targets"]["2016"] == "3 Dengan Catatan" and apip["targets"]["2020"] == "3"
    sakip = by_name(export["indicators"], "Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")
    assert list(sakip["targets"].values()) == ["C", "CC", "B", "B", "BB"]
    bpk = by_name(export["indicators"], "Opini Badan Pemeriksa Keuangan atas lap. Keuangan")
    assert set(bpk["targets"].values()) == {"Wajar Tanpa Pengecualian"} and bpk["unit"] == ""
    promosi = by_name(export["activities"], "Promosi jabatan secara terbuka.")
    assert promosi["targets"] == {"2016": 177, "2017": 190, "2018": 174, "2019": 170, "2020": 125}
    assert all(isinstance(v, int) for v in promosi["targets"].values())
    assert promosi["agency"] == "Badan Kepegawaian Daerah dan Diklat"
    kompetensi = by_name(export["activities"], "Pengembangan pegawai berbasis kompetensi.")
    assert kompetensi["targets"]["2016"] == 3900
    satu_data = by_name(export["activities"], "Pengintegrasian Data")
    assert (satu_data["area"], satu_data["quick_win"], satu_data["targets"]) == (
        None,
        "Layanan Sistem Satu Data",
        {"2020": 45, "2021": 45},
    )
    zona = by_name(
        export["activities"],
        "Pembangunan Zona Integritas (Wilayah Bebas dari Korupsi/ Wilayah Birokrasi Bersih Melayani)",
    )
    assert zona["targets"]["2016"] == 0
    # The table's Pengampu cell is empty; Bab VI names Inspektorat, and the export says so.
    assert zona["agency"] == "Inspektorat" and "Bab VI" in zona["agency_note"]
    assert by_name(export["indicators"], "Opini Badan Pemeriksa Keuangan atas lap. Keuangan")[
        "data_owner"
    ] == ("Badan Pengelolaan Keuangan Daerah")


def test_export_action_plan(export):
    rows = export["action_plan"]
    first = rows[0]
    assert first == {
        "area": "Manajemen Perubahan",
        "group": "a. Penyusunan Strategi Manajemen Perubahan",
        "name": "Pembentukan Tim Reformasi Birokrasi",
        "lead_agencies": ["Bagian Organisasi dan Kepegawaian Setda"],
        "supporting_agencies": ["Perangkat Daerah terkait area perubahan Reformasi Birokrasi"],
        "actions": {
            "2020": ["Menyusun tim Reformasi Birokrasi Kabupaten 2020"],
            "2021": ["Konsolidasi dan koordinasi tim Reformasi Birokrasi"],
        },
    }
    assert all(set(row["actions"]) == {"2020", "2021"} for row in rows)
    rpjmd = by_name(rows, "Penyusunan Rencana Pembangunan Jangka Menengah Daerah")
    assert len(rpjmd["actions"]["2020"]) == 3 and rpjmd["actions"]["2021"] == []
    assert by_name(rows, "Pengukuran capaian realisasi fisik dan anggaran tepat waktu")["group"] == (
        "b.1 Komponen kinerja organisasi"
    )
    assert by_name(rows, "Penyusunan evaluasi jabatan (info faktor, kelas jabatan, harga jabatan)")[
        "group"
    ] == ("b.2 Komponen Kinerja Individu")
    assert (
        by_name(rows, "Pengembangan Budaya Inovasi")["group"]
        == "5. Kegiatan pengembangan inovasi pelayanan publik"
    )
    per_area = {}
    for row in rows:
        per_area[row["area"]] = per_area.get(row["area"], 0) + 1
    assert per_area["Peningkatan Kualitas Pelayanan Publik"] == 11


def test_export_agencies_teams_and_risks(export):
    assert "Inspektorat" in export["agencies"] and len(export["agencies"]) == len(set(export["agencies"]))
    assert [team["team"] for team in export["teams"][:2]] == [
        "Tim Pengarah Reformasi Birokrasi Pemerintah Kabupaten",
        "Tim Pelaksana Reformasi Birokrasi Pemerintah Kabupaten",
    ]
    assert export["teams"][0]["members"][0] == {"role": "Ketua Tim Pengarah", "office": "Bupati"}
    assert len(export["teams"]) == 2 + 7  # the two teams and the seven working groups
    assert export["risks"][1]["solutions"] == [
        "Sinergitas program dan evaluasi secara terpadu.",
        "Bentuk task force, untuk memacu keberhasilan program Reformasi Birokrasi.",
    ]


def test_export_is_plain_utf8_without_escapes(client):
    QuickWin.objects.filter(number=1).update(description="Layanan “jemput bola” – langsung")
    raw = client.get(reverse("actions:export-json")).content
    assert "Layanan “jemput bola” – langsung".encode() in raw


def test_open_data_needs_no_login(client):
    assert client.get(reverse("actions:export-json")).status_code == 200
    assert client.get(reverse("actions:export-csv", kwargs={"table": "indicators"})).status_code == 200


def test_command_prints_the_same_document(client):
    out = StringIO()
    call_command("export_roadmap", stdout=out)
    assert json.loads(out.getvalue()) == json.loads(client.get(reverse("actions:export-json")).content)


@pytest.mark.parametrize("table", list(CSV_TABLES))
def test_csv_tables(client, table):
    response = client.get(reverse("actions:export-csv", kwargs={"table": table}))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1
    assert all(len(row) == len(rows[0]) for row in rows)


def test_indicator_csv_has_a_column_per_year(client):
    text = client.get(reverse("actions:export-csv", kwargs={"table": "indicators"})).content.decode(
        "utf-8-sig"
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    indeks = next(row for row in rows if row["name"] == "Indeks Reformasi Birokrasi")
    assert (indeks["target_2016"], indeks["target_2017"]) == ("", "53.75")
