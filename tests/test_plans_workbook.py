"""A plan's workbook (plans/workbook.py): exported, edited and imported back; bad rows refused clearly."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from plans.workbook import SHEET
from tests.plans_helpers import OWN, STANDARD, make_plan

pytestmark = pytest.mark.django_db


def exported(client, plan):
    response = client.get(reverse("plans:plan-workbook", args=[plan.pk]))
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def upload(client, plan, book):
    buffer = BytesIO()
    book.save(buffer)
    file = SimpleUploadedFile("rencana.xlsx", buffer.getvalue())
    return client.post(reverse("plans:plan-import", args=[plan.pk]), {"file": file})


def rows_of(book):
    return [[cell.value for cell in row] for row in book[SHEET].iter_rows()]


def test_an_exported_plan_imports_back_with_the_changes_typed_into_it(client, inspektorat_user):
    plan = make_plan(start_year=2022, user=inspektorat_user)
    client.force_login(inspektorat_user)
    book = exported(client, plan)
    rows = rows_of(book)
    header = rows.index(
        [
            "Area (1–8)",
            "Kegiatan",
            "Unit pelaksana",
            "Indikator",
            "Satuan",
            "Rekap tahunan",
            "Target 2022",
            "Target 2023",
        ]
    )
    assert [r[3] for r in rows[header + 1 :]] == [STANDARD, OWN]
    sheet = book[SHEET]
    own_row = header + 3  # 1-based: the header's row is header + 1
    sheet.cell(own_row, 8).value = 15  # Target 2023 of the own indicator, as a number cell
    sheet.append(
        [
            8,
            "Survei kepuasan pegawai",
            "Sub Bagian Umum",
            "Indeks kepuasan pegawai",
            "indeks",
            "terakhir",
            "3,2",
            "3,4",
        ]
    )
    preview = upload(client, plan, book)
    assert preview.status_code == 200 and "3 baris siap diterapkan" in preview.content.decode()
    assert plan.indicators.count() == 2  # nothing saved by the preview
    response = client.post(reverse("plans:plan-import", args=[plan.pk]), {"apply": "1"}, follow=True)
    assert "Impor selesai: 3 indikator disimpan, 1 kegiatan baru." in response.content.decode()
    assert plan.indicators.get(name=OWN).targets.get(year=2023).as_written == "15"
    added = plan.indicators.get(name="Indeks kepuasan pegawai")
    assert added.activity.area.order == 8 and added.targets.get(year=2022).as_written == "3,2"
    # The same layout again: exporting gives back what was imported.
    assert [r[3] for r in rows_of(exported(client, plan))[header + 1 :]] == [
        STANDARD,
        OWN,
        "Indeks kepuasan pegawai",
    ]


def test_bad_rows_are_refused_each_with_its_reason_and_nothing_is_saved(client, inspektorat_user):
    plan = make_plan(start_year=2022, user=inspektorat_user)
    client.force_login(inspektorat_user)
    book = exported(client, plan)
    sheet = book[SHEET]
    sheet.append([9, "Kegiatan", "Unit", "Indikator A", "%", "jumlah", "10", "12"])
    sheet.append([3, "", "", "Indikator B", "%", "", "banyak", ""])
    sheet.append([3, "Kegiatan", "Unit", "Indikator C", "%", "rata-rata", "1", "2"])
    response = upload(client, plan, book)
    page = response.content.decode()
    assert response.status_code == 400
    assert "3 baris salah" in page
    assert "Area &quot;9&quot; tidak dikenal" in page
    assert "Indikator sendiri memerlukan kegiatan dan unit pelaksana." in page
    assert "Target 2022: Target &#x27;banyak&#x27; tidak dikenali" in page and "Target 2023 kosong." in page
    assert "Rekap tahunan &quot;rata-rata&quot; tidak dikenal" in page
    assert "Terapkan ke rencana aksi" not in page
    response = client.post(reverse("plans:plan-import", args=[plan.pk]), {"apply": "1"}, follow=True)
    assert "tidak ada yang disimpan" in response.content.decode().lower()
    assert plan.indicators.count() == 2


def test_a_file_that_is_no_plan_is_refused_as_a_whole(client, inspektorat_user):
    plan = make_plan(start_year=2022, user=inspektorat_user)
    client.force_login(inspektorat_user)
    file = SimpleUploadedFile("bukan.xlsx", b"bukan berkas excel")
    response = client.post(reverse("plans:plan-import", args=[plan.pk]), {"file": file})
    assert response.status_code == 400
    assert "bukan berkas Excel (.xlsx) yang dapat dibaca" in response.content.decode()
