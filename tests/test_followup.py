"""The follow-up register end to end on the loaded regulation: candidates from a year's results, issuing
them in one step, the agency's answer with evidence, staff verifying or returning it, Tugas saya, the
reminders and the workbook."""

import datetime
import io
from decimal import Decimal
from functools import partial

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import ActionPlanRow
from followup.models import Finding
from followup.sources import year_candidates
from monev.models import RiskReview
from monev.reminders import send_reminders
from monev.todo import tasks_for
from roadmap.models import Agency, RoadmapEdition
from tests.factories import GRATIFIKASI_ROW, ActionProgressFactory, RealisationFactory, priority_activity

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 laporan tindak lanjut"


def finding(agency="inspektorat", **fields) -> Finding:
    values = {
        "year": 2020,
        "source": "direction",
        "description": "Percepat SOP gratifikasi",
        "recommendation": "Tetapkan SOP",
        "deadline": datetime.date(2030, 1, 31),
    }
    return Finding.objects.create(agency=Agency.objects.get(code=agency), **{**values, **fields})


def test_candidates_come_from_the_years_verified_results():
    gratifikasi = priority_activity()
    RealisationFactory(activity=gratifikasi, period="year", number=95, review_state="verified")
    ActionProgressFactory(quarter=4, status="done", review_state="verified")  # Inspektorat's row: done
    risk = RoadmapEdition.objects.current().risks.first()
    RiskReview.objects.create(risk=risk, year=2020, status="persists")

    found = {c.key: c for c in year_candidates(2020)}

    inspektorat = Agency.objects.get(code="inspektorat").pk
    activity = found[f"activity:{gratifikasi.pk}"]
    assert activity.agency_id == inspektorat
    assert "target 2020 100" in activity.description and "realisasi 95" in activity.description
    row = ActionPlanRow.objects.get(name=GRATIFIKASI_ROW)
    assert f"row:{row.pk}:{inspektorat}" not in found  # its planned action is done
    assert found[f"risk:{risk.pk}"].agency_id is None
    # A met item never is a candidate; nor one awaiting verification.
    assert not any(
        c.key.startswith("indicator:") and "realisasi" not in c.description for c in found.values()
    )


def test_items_with_nothing_reported_are_proposed_once_their_year_is_over():
    """Each item with a 2020 target and no report at all, and only those, once 2020 is over."""
    from actions.models import ActivityTarget, PriorityActivity
    from areas.models import Indicator, IndicatorTarget

    gratifikasi = priority_activity()
    RealisationFactory(activity=gratifikasi, period="q4", number=95, review_state="submitted")
    edition = RoadmapEdition.objects.current()
    targeted_indicators = IndicatorTarget.objects.filter(IndicatorTarget.set_q(), year=2020).values(
        "indicator"
    )
    targeted_activities = ActivityTarget.objects.filter(ActivityTarget.set_q(), year=2020).values("activity")
    expected = {
        f"indicator:{pk}"
        for pk in Indicator.objects.of_edition(edition)
        .active_in(2020)
        .filter(pk__in=targeted_indicators)
        .values_list("pk", flat=True)
    } | {
        f"activity:{pk}"
        for pk in PriorityActivity.objects.of_edition(edition)
        .active_in(2020)
        .filter(pk__in=targeted_activities)
        .exclude(pk=gratifikasi.pk)  # awaiting verification: reported
        .values_list("pk", flat=True)
    }

    found = year_candidates(2020, today=datetime.date(2021, 2, 1))
    unreported = {c.key: c for c in found if c.source == "unreported"}
    assert set(unreported) == expected and len(expected) > 10
    some = next(iter(unreported.values()))
    assert (
        some.source_label == "Item tidak dilaporkan" and "realisasinya tidak dilaporkan" in some.description
    )
    # During the year nothing is late yet.
    assert not any(c.source == "unreported" for c in year_candidates(2020, today=datetime.date(2020, 11, 1)))


def test_staff_issue_the_chosen_candidates_in_one_step(client, staff_user):
    gratifikasi = priority_activity()
    RealisationFactory(activity=gratifikasi, period="year", number=95, review_state="verified")
    RiskReview.objects.create(risk=RoadmapEdition.objects.current().risks.first(), year=2020, status="easing")
    client.force_login(staff_user)
    url = reverse("followup:generate") + "?year=2020"
    page = client.get(url)
    candidates = [candidate for candidate, _ in page.context["rows"]]
    key = f"activity:{gratifikasi.pk}"
    data = {
        "form-TOTAL_FORMS": len(candidates),
        "form-INITIAL_FORMS": len(candidates),
        "deadline": "2030-03-31",
    }
    for n, candidate in enumerate(candidates):
        data[f"form-{n}-key"] = candidate.key
        if candidate.key == key:
            data |= {
                f"form-{n}-include": "on",
                f"form-{n}-agency": candidate.agency_id,
                f"form-{n}-recommendation": "Naikkan cakupan",
            }

    # Chosen without an agency: refused beside the field, nothing issued.
    unassigned = next(n for n, c in enumerate(candidates) if c.agency_id is None)
    refused = client.post(url, {**data, f"form-{unassigned}-include": "on"})
    assert refused.status_code == 400
    assert "Pilih Perangkat Daerah" in refused.content.decode()
    assert not Finding.objects.exists()

    response = client.post(url, data)
    assert response.status_code == 302
    issued = Finding.objects.get()
    assert (issued.source_key, issued.agency.code, issued.activity, issued.state) == (
        key,
        "inspektorat",
        gratifikasi,
        "open",
    )
    assert issued.deadline == datetime.date(2030, 3, 31) and issued.recommendation == "Naikkan cakupan"
    again = client.get(url)
    assert key not in [c.key for c, _ in again.context["rows"]]  # never offered twice


def test_the_agency_answers_with_evidence_and_staff_verify_or_return(
    client, inspektorat_user, bkd_user, staff_user
):
    item = finding()
    step_url = reverse("followup:finding-step", args=[item.pk])
    client.force_login(bkd_user)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.post(step_url, {"text": "x"}).status_code == 404

    client.force_login(inspektorat_user)
    no_evidence = client.post(step_url, {"text": "SOP disusun", "finished": "on"})
    assert no_evidence.status_code == 400
    assert "Lampirkan bukti dukung" in no_evidence.content.decode()
    upload = SimpleUploadedFile("sop.pdf", PDF, content_type="application/pdf")
    assert (
        client.post(
            step_url, {"text": "SOP ditetapkan", "finished": "on", "evidence_file": upload}
        ).status_code
        == 302
    )
    item.refresh_from_db()
    assert item.state == "submitted"
    evidence = item.steps.get().evidence.get()
    assert client.get(evidence.get_absolute_url()).status_code == 200

    client.force_login(staff_user)
    verdict_url = reverse("followup:finding-verdict", args=[item.pk])
    assert "Tuliskan catatan" in client.post(verdict_url, {"return": "1", "note": ""}).content.decode()
    client.post(verdict_url, {"return": "1", "note": "Lampirkan SK penetapannya"})
    item.refresh_from_db()
    assert (item.state, item.return_note) == ("in_progress", "Lampirkan SK penetapannya")

    client.force_login(inspektorat_user)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Lampirkan SK penetapannya" in page
    client.post(
        step_url, {"text": "SK dilampirkan", "finished": "on", "evidence_link": "https://example.org/sk"}
    )
    client.force_login(staff_user)
    client.post(verdict_url, {"verify": "1"})
    item.refresh_from_db()
    assert item.state == "closed" and item.closed_at is not None
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Selesai (terverifikasi)" in page
    assert page.count("Diubah") == 4  # in progress → submitted → returned → submitted → closed, each recorded


def test_the_register_filters_and_shows_an_agency_only_its_own(client, inspektorat_user, staff_user):
    late = finding(deadline=datetime.date(2021, 1, 31), description="Terlambat")
    finding(description="Masih berjalan")
    finding(agency="bkd", description="Milik BKD")
    client.force_login(staff_user)
    overdue = client.get(reverse("followup:register"), {"state": "overdue"})
    assert [f.pk for f in overdue.context["table"].data] == [late.pk]
    assert overdue.context["counts"]["overdue"] == 1
    assert "Melewati batas waktu" in overdue.content.decode()
    opened = client.get(reverse("followup:register"), {"state": "open"})
    assert late.pk not in [f.pk for f in opened.context["table"].data]

    client.force_login(inspektorat_user)
    mine = client.get(reverse("followup:register"))
    assert "agency" not in mine.context["filter"].form.fields  # nothing to choose
    assert "Masih berjalan" in mine.content.decode() and "Milik BKD" not in mine.content.decode()


def test_the_register_downloads_as_a_workbook(client, pengarah_user):
    finding(deadline=datetime.date(2021, 1, 31))
    client.force_login(pengarah_user)
    response = client.get(reverse("followup:register"), {"_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Rekomendasi" in values and "Tetapkan SOP" in values
    assert "Melewati batas waktu" in values and "Arahan Tim Pengarah" in values


def test_findings_are_tasks_and_reminded_before_and_after_the_deadline(
    inspektorat_user, staff_user, settings
):
    settings.FOLLOWUP_REMIND_DAYS_BEFORE = 7
    inspektorat_user.email = "inspektorat@example.org"
    inspektorat_user.save()
    item = finding(deadline=datetime.date(2030, 1, 31))
    mine = tasks_for(inspektorat_user).other
    assert [t.url for t in mine] == [item.get_absolute_url()]
    assert tasks_for(staff_user).other == []  # nothing reported done yet

    send_reminders(today=datetime.date(2030, 1, 1), days_before_close=3)
    assert mail.outbox == []  # a month ahead: not yet
    send_reminders(today=datetime.date(2030, 1, 25), days_before_close=3)
    send_reminders(today=datetime.date(2030, 1, 26), days_before_close=3)
    assert [m.subject for m in mail.outbox] == ["[Monev RB] Batas waktu tindak lanjut 31 Januari 2030"]
    send_reminders(today=datetime.date(2030, 2, 1), days_before_close=3)
    send_reminders(today=datetime.date(2030, 2, 2), days_before_close=3)
    assert len(mail.outbox) == 2 and "melewati batas waktu" in mail.outbox[1].subject
    assert item.get_absolute_url() in mail.outbox[1].body

    Finding.objects.filter(pk=item.pk).update(state="submitted")
    assert tasks_for(inspektorat_user).other == []
    assert [t.url for t in tasks_for(staff_user).other] == [item.get_absolute_url()]


def test_the_dashboard_and_the_year_end_report_show_the_follow_up(client, pengarah_user):
    finding(year=2020, deadline=datetime.date(2021, 1, 31), description="Terlambat ditindaklanjuti")
    closed = finding(year=2020, description="Sudah ditindaklanjuti")
    Finding.objects.filter(pk=closed.pk).update(state="closed", closed_at="2021-01-02T10:00Z")
    finding(year=2019, description="Temuan tahun lain")
    client.force_login(pengarah_user)

    dashboard = client.get(reverse("dashboards:dashboard"), {"year": 2020})
    assert dashboard.context["followup"] == {"total": 2, "closed": 1, "overdue": 1, "year": 2020}

    report = client.get(reverse("dashboards:report"), {"year": 2021}).content.decode()
    assert "Tindak lanjut hasil monev tahun sebelumnya" in report
    assert "2 temuan hasil monev 2020: 1 selesai (terverifikasi), 1 melewati batas waktu" in report
    assert "Terlambat ditindaklanjuti" in report and "Temuan tahun lain" not in report

    workbook = client.get(reverse("dashboards:report"), {"year": 2021, "_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content))["Tindak Lanjut"]
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0] in (1, 2)]
    assert {(row[1], row[5]) for row in rows} == {
        ("Terlambat ditindaklanjuti", "Melewati batas waktu"),
        ("Sudah ditindaklanjuti", "Selesai (terverifikasi)"),
    }


def test_staff_move_a_deadline_and_the_history_keeps_it(client, staff_user, inspektorat_user):
    item = finding(deadline=datetime.date(2021, 1, 31), description="Lama")
    url = reverse("followup:finding-edit", args=[item.pk])
    client.force_login(staff_user)
    fields = {"description": "Lama", "agency": item.agency_id, "recommendation": "Tetapkan SOP"}
    # Keeping the past deadline is allowed; moving it into the past is not.
    assert client.post(url, {**fields, "deadline": "2021-01-31"}).status_code == 302
    refused = client.post(url, {**fields, "deadline": "2021-02-28"})
    assert "tidak boleh sebelum hari ini" in refused.content.decode()
    assert client.post(url, {**fields, "deadline": "2030-06-30"}).status_code == 302
    item.refresh_from_db()
    assert item.deadline == datetime.date(2030, 6, 30) and not item.is_overdue(datetime.date(2030, 1, 1))
    assert "Diubah: batas waktu" in client.get(item.get_absolute_url()).content.decode()
    client.force_login(inspektorat_user)
    assert client.get(url).status_code == 403


def test_weak_pmprb_sub_components_are_proposed_to_their_agency(staff_user, bkd_user):
    from assessment import services as pmprb
    from assessment.models import SubComponent
    from tests.pmprb_helpers import BKD, REGENCY, answer, open_round, tiny_model

    round_ = open_round(staff_user, tiny_model())
    SubComponent.objects.filter(code="mp").update(area="manajemen-perubahan")
    answer(round_.assessments.get(agency=None), staff_user, REGENCY)
    answer(round_.assessments.get(agency__code="bkd"), bkd_user, BKD)
    pmprb.set_threshold(round_=round_, threshold=Decimal(80), user=staff_user)

    found = {c.key: c for c in year_candidates(2020) if c.source == "pmprb"}
    by_agency = {(c.description.split(": ")[1].split(" memperoleh")[0], c.agency_id) for c in found.values()}
    regency_lead = (
        RoadmapEdition.objects.current().areas.get(slug="manajemen-perubahan").pokja_memberships.first()
    )
    bkd = Agency.objects.get(code="bkd").pk
    assert by_agency == {
        ("Nilai SAKIP", None),  # the regency's Hasil item: no change area, staff choose
        ("Manajemen Perubahan", regency_lead.agency_id),  # the regency's: the area's leading agency
        ("Manajemen Perubahan", bkd),
        ("Penataan SDM", bkd),
        ("Nilai SAKIP", bkd),
    }


def test_staff_are_offered_the_last_year_a_road_map_covers(client, staff_user):
    """Years after the 2020 road map's last planned actions (2021) have no results to follow up."""
    from followup.sources import last_year_over

    assert last_year_over(datetime.date(2026, 11, 30)) == 2021
    assert last_year_over(datetime.date(2021, 6, 1)) == 2020
    client.force_login(staff_user)
    page = client.get(reverse("followup:register")).content.decode()
    assert "Usulkan temuan tahun 2021" in page


def test_register_rows_are_written_as_django_tables2_writes_them(rf):
    """The register writes its rows in one pass (roadmap.tables.OnePassRows): the same markup as the
    library's own row template, for findings of every source and state, with and without an area."""
    from followup.tables import FindingTable
    from tests.table_parity import written_both_ways

    area = RoadmapEdition.objects.current().areas.first()
    for n, (source, state) in enumerate(
        [("direction", "open"), ("not_met", "in_progress"), ("unreported", "submitted"), ("other", "closed")]
    ):
        closed = (
            {"closed_at": datetime.datetime(2021, 3, 1, tzinfo=datetime.UTC)} if state == "closed" else {}
        )
        finding(
            source=source,
            state=state,
            area=area if n % 2 else None,
            description=f"Temuan <{n}> & uji",
            **closed,
        )
    finding(deadline=datetime.date(2020, 1, 31))  # overdue
    findings = Finding.objects.select_related("agency", "area")
    request = rf.get("/tindak-lanjut/", {"sort": "-deadline"})
    one_pass, library = written_both_ways(partial(FindingTable, findings), request, per_page=50)
    assert one_pass == library
    assert one_pass.count("<tr") == 1 + 5 and "Temuan &lt;3&gt; &amp; uji" in one_pass
