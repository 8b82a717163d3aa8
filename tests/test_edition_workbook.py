"""The road-map workbook: an edition's tables in the recap's layout, read back into a draft with a preview."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from actions.models import ActionPlanRow, PriorityActivity
from actions.opendata import build_export
from areas.models import Indicator
from editions import services
from editions.workbook import ACTIVITIES, INDICATORS, PLAN, build_preview, edition_workbook, read_sheets

pytestmark = pytest.mark.django_db

INDEKS_RB = "Indeks Reformasi Birokrasi"


@pytest.fixture
def draft(edition, staff_user):
    return services.copy_edition(
        source=edition,
        title="Road Map 2021-2024",
        start_year=2021,
        end_year=2024,
        all_years=True,
        user=staff_user,
    )


def saved(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def editable(draft):
    """The draft's workbook as a user opens it in a spreadsheet program."""
    return load_workbook(io.BytesIO(saved(edition_workbook(draft))))


def columns(sheet) -> dict[str, int]:
    """Column titles (and years) to 1-based column numbers, from the two header rows."""
    header = next(n for n in range(1, 20) if sheet.cell(n, 1).value == "No")
    found = {}
    for row in (header, header + 1):
        for col in range(1, sheet.max_column + 1):
            value = sheet.cell(row, col).value
            if value and value not in found:
                found[str(value)] = col
    return found


def row_of(sheet, name: str) -> int:
    return next(n for n in range(1, sheet.max_row + 1) if sheet.cell(n, 2).value == name)


def test_the_workbook_has_the_recaps_layout_and_reads_back_unchanged(draft):
    book = editable(draft)
    assert book.sheetnames == [INDICATORS, ACTIVITIES, PLAN]
    titles = columns(book[INDICATORS])
    assert [t for t in titles if t in ("No", "Indikator keberhasilan", "Satuan", "Target", "Kode")] == [
        "No",
        "Indikator keberhasilan",
        "Satuan",
        "Target",
        "Kode",
    ]
    preview = build_preview(draft, read_sheets(saved(book)))
    assert preview.errors == [] and preview.missing == []
    assert {line.outcome for line in preview.lines} == {"unchanged"}
    assert preview.count("unchanged") == (
        Indicator.objects.of_edition(draft).count()
        + PriorityActivity.objects.of_edition(draft).count()
        + ActionPlanRow.objects.of_edition(draft).count()
    )


def test_a_filled_in_workbook_changes_targets_and_adds_items(draft, staff_user):
    book = editable(draft)
    sheet = book[INDICATORS]
    titles = columns(sheet)
    sheet.cell(row_of(sheet, INDEKS_RB), titles["2021"]).value = 67.5  # typed as a number
    new_row = sheet.max_row + 1
    for title, value in {
        "Indikator keberhasilan": "Indeks Kepuasan Masyarakat",
        "Satuan": "Indeks",
        "2021": "80",
        "Penanggung jawab data": "Bagian Organisasi",
    }.items():
        sheet.cell(new_row, titles[title]).value = value
    before = build_export(draft)
    preview = build_preview(draft, read_sheets(saved(book)))
    assert {(line.name, line.outcome) for line in preview.changed_lines} == {
        (INDEKS_RB, "changed"),
        ("Indeks Kepuasan Masyarakat", "new"),
    }
    services.apply_workbook(edition=draft, preview=preview, user=staff_user)
    rb = Indicator.objects.of_edition(draft).get(name=INDEKS_RB)
    assert rb.targets.get(year=2021).as_written == "67,5"
    new = Indicator.objects.of_edition(draft).get(name="Indeks Kepuasan Masyarakat")
    assert new.area.order == 7  # under the sheet's last heading: Akuntabilitas, the last area with indicators
    assert new.data_owner.code == "bagian-organisasi"
    after = build_export(draft)
    assert before["activities"] == after["activities"] and before["action_plan"] == after["action_plan"]


def test_a_row_in_error_is_shown_with_its_reason_and_nothing_is_written(client, draft, staff_user):
    book = editable(draft)
    sheet = book[ACTIVITIES]
    titles = columns(sheet)
    row = row_of(sheet, "Promosi jabatan secara terbuka.")
    sheet.cell(row, titles["2021"]).value = "banyak"
    sheet.cell(row, titles["Perangkat Daerah Pengampu"]).value = "Dinas Entah"
    client.force_login(staff_user)
    upload = io.BytesIO(saved(book))
    upload.name = "road-map.xlsx"
    response = client.post(reverse("editions:import", args=[draft.pk]), {"file": upload})
    page = response.content.decode()
    assert "Target 2021: Target &#x27;banyak&#x27; tidak dikenali" in page
    assert "Pengampu “Dinas Entah” tidak dikenal" in page
    response = client.post(reverse("editions:import", args=[draft.pk]), {"action": "apply"})
    assert response.status_code == 400
    promosi = PriorityActivity.objects.of_edition(draft).get(name="Promosi jabatan secara terbuka.")
    assert promosi.agency.code == "bkd"


def test_an_item_left_out_of_the_file_is_dropped_only_when_asked(draft, staff_user):
    book = editable(draft)
    sheet = book[INDICATORS]
    sheet.delete_rows(row_of(sheet, INDEKS_RB))
    preview = build_preview(draft, read_sheets(saved(book)))
    assert [item.name for item in preview.missing] == [INDEKS_RB]
    services.apply_workbook(edition=draft, preview=preview, user=staff_user)
    assert Indicator.objects.of_edition(draft).filter(name=INDEKS_RB).exists()
    services.apply_workbook(edition=draft, preview=preview, drop_missing=True, user=staff_user)
    assert not Indicator.objects.of_edition(draft).filter(name=INDEKS_RB).exists()
