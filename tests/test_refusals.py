"""A refusal is shown beside what caused it, styled as invalid, and keeps what the user chose and typed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from monev.models import Realisation, ReportingWindow
from monev.views.review import ReviewForm
from tests.html import parse

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% bukti dukung\n"


def gratifikasi():
    return PriorityActivity.objects.get(name="Penanganan gratifikasi.")  # Inspektorat


def submitted(period="q1") -> Realisation:
    return Realisation.objects.create(
        activity=gratifikasi(), year=2020, period=period, number=90, review_state="submitted"
    )


def field_refusal(page, field_id: str) -> str:
    """The message shown beside a field, which must be marked invalid for styles and screen readers."""
    field = page.by_id(field_id)
    assert field is not None, f"no field {field_id}"
    assert "is-invalid" in field.classes and field.attrs.get("aria-invalid") == "true"
    message = page.by_id(f"{field_id}_error")
    assert message is not None and "d-block" in message.classes  # shown, not hidden by Bootstrap
    assert f"{field_id}_error" in field.attrs.get("aria-describedby", "")
    return message.text


def test_an_error_added_after_validation_marks_its_field_invalid():
    form = ReviewForm({"decision": "return", "note": "cek"})
    assert form.is_valid()
    form.add_error("note", "Laporan ini baru saja diubah.")
    html = str(form["note"])
    assert "is-invalid" in html and 'aria-invalid="true"' in html


def test_returning_without_a_note_keeps_the_ticked_report_and_says_why_beside_the_note(client, staff_user):
    report = submitted()
    client.force_login(staff_user)
    response = client.post(reverse("monev:verification"), {"decision": "return", "realisation": [report.pk]})
    page = parse(response.content)
    assert "Tuliskan catatan untuk pelapor" in field_refusal(page, "id_note")
    box = page.find("input", name="realisation", value=str(report.pk))
    assert "checked" in box.attrs
    assert Realisation.objects.get(pk=report.pk).review_state == "submitted"


def test_choosing_nothing_keeps_the_note_and_says_so_on_the_page(client, staff_user):
    submitted()
    client.force_login(staff_user)
    response = client.post(reverse("monev:verification"), {"decision": "return", "note": "Lampirkan rekap"})
    assert response.status_code == 200
    page = parse(response.content)
    assert "Pilih laporan yang akan diverifikasi" in page.find(role="alert").text
    assert page.by_id("id_note").text == "Lampirkan rekap"


def test_a_queue_checkbox_says_which_report_it_selects(client, staff_user):
    report = submitted()
    client.force_login(staff_user)
    page = parse(client.get(reverse("monev:verification")).content)
    box = page.find("input", name="realisation", value=str(report.pk))
    assert box.attrs["aria-label"].startswith("Pilih Penanganan gratifikasi.")
    assert "TW I" in box.attrs["aria-label"]


def test_reopening_a_window_without_a_reason_is_answered_in_its_row(client, staff_user):
    ReportingWindow.objects.create(year=2020, period="q2", is_open=True)
    client.force_login(staff_user)
    data = {"source": "row", "year": "2020", "period": "q2", "closes_on": ""}
    client.post(reverse("monev:windows"), {**data, "is_open": "0"})
    response = client.post(reverse("monev:windows"), {**data, "is_open": "1", "reason": " "})
    page = parse(response.content)
    window = ReportingWindow.objects.get(year=2020, period="q2")
    assert not window.is_open
    row = next(tr for tr in page.find_all("tr") if "TW II 2020" in tr.text)
    assert "Tuliskan alasan membuka kembali" in field_refusal(row, f"alasan-{window.pk}")
    # The side form is left as it was: the refusal is not shown twice.
    assert page.by_id("id_reason_error") is None


def test_a_refused_report_says_beside_the_file_field_that_it_must_be_attached_again(client, inspektorat_user):
    ReportingWindow.objects.create(year=2020, period="q1", is_open=True)
    client.force_login(inspektorat_user)
    upload = SimpleUploadedFile("rekap.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("monev:activity-report", args=[gratifikasi().pk]),
        {"year": "2020", "period": "q1", "number": "sembilan puluh", "evidence_file": upload},
    )
    page = parse(response.content)
    assert "Tulis angka dalam notasi Indonesia" in field_refusal(page, "id_number")
    assert "rekap.pdf belum tersimpan" in field_refusal(page, "id_evidence_file")
    assert not Realisation.objects.filter(activity=gratifikasi()).exists()


def test_a_refused_progress_report_says_so_beside_each_chosen_file(client, inspektorat_user):
    ReportingWindow.objects.create(year=2020, period="q1", is_open=True)
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    action = row.planned_actions.get(year=2020)
    client.force_login(inspektorat_user)
    upload = SimpleUploadedFile("foto.pdf", PDF, content_type="application/pdf")
    prefix = f"a{action.pk}"
    response = client.post(
        reverse("monev:action-progress", args=[row.pk]),
        {
            "year": "2020",
            "quarter": "1",
            f"{prefix}-status": "in_progress",
            f"{prefix}-percent": "",
            f"{prefix}-evidence_file": upload,
        },
    )
    page = parse(response.content)
    assert "Isi persen selesai" in field_refusal(page, f"id_{prefix}-percent")
    assert "foto.pdf belum tersimpan" in field_refusal(page, f"id_{prefix}-evidence_file")
