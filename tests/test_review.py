"""Verification, reporting windows and locking, the audit trail, "Tugas saya" and reminders."""

import datetime
from decimal import Decimal as D
from functools import partial
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev.models import ActionProgress, Realisation, ReopenedItem, ReportingWindow, ReviewState, SentReminder
from monev.tables import ProgressQueueTable, RealisationQueueTable
from tests.factories import ActionProgressFactory, EvidenceFactory, RealisationFactory
from tests.table_parity import written_both_ways

pytestmark = pytest.mark.django_db


def gratifikasi():
    return PriorityActivity.objects.get(name="Penanganan gratifikasi.")  # Inspektorat


def report_url(item=None):
    return reverse("monev:activity-report", args=[(item or gratifikasi()).pk])


def post_report(client, number="90", period="q1", **extra):
    data = {
        "year": "2020",
        "period": period,
        "number": number,
        "note": "",
        "obstacles": "",
        "follow_up": "",
        **extra,
    }
    return client.post(report_url(), data)


def window(period="q1", is_open=True, **fields):
    return ReportingWindow.objects.create(year=2020, period=period, is_open=is_open, **fields)


def the_report(period="q1") -> Realisation:
    return Realisation.objects.get(activity=gratifikasi(), year=2020, period=period)


# --- Windows and locking -------------------------------------------------------------------


def test_an_agency_cannot_report_a_period_without_an_open_window(client, inspektorat_user):
    window(is_open=False)
    client.force_login(inspektorat_user)
    html = client.get(report_url()).content.decode()
    assert "Tidak ada jendela pelaporan yang terbuka" in html
    response = post_report(client)
    assert "Jendela pelaporan periode ini sudah ditutup." in response.context["form"].errors["period"]
    assert not Realisation.objects.filter(activity=gratifikasi()).exists()


def test_an_open_window_lets_the_agency_report_and_closing_it_locks_the_period(client, inspektorat_user):
    q1 = window()
    client.force_login(inspektorat_user)
    assert post_report(client).status_code == 302
    q1.is_open = False
    q1.save()
    response = post_report(client, number="95")
    assert "sudah ditutup" in " ".join(response.context["form"].errors["period"])
    assert the_report().number == 90


def test_staff_reopen_one_item_with_a_reason_for_its_agency(client, staff_user, inspektorat_user):
    q1 = window(is_open=False)
    client.force_login(staff_user)
    url = reverse("monev:reopen-item", args=["activity", gratifikasi().pk])
    response = client.post(url, {"window": q1.pk, "reason": ""})
    assert response.status_code == 302 and not ReopenedItem.objects.exists()
    client.post(url, {"window": q1.pk, "reason": "Data TW I terlambat karena pergantian admin"})
    reopened = ReopenedItem.objects.get()
    assert reopened.history.first().history_change_reason == "Data TW I terlambat karena pergantian admin"
    client.force_login(inspektorat_user)
    assert post_report(client).status_code == 302
    other = PriorityActivity.objects.get(name="Audit laporan keuangan.")  # also Inspektorat, not reopened
    response = client.post(report_url(other), {"year": "2020", "period": "q1", "number": "45"})
    assert "sudah ditutup" in " ".join(response.context["form"].errors["period"])


def test_staff_correct_a_closed_period_only_with_a_reason(client, staff_user):
    window(is_open=False)
    client.force_login(staff_user)
    response = post_report(client)
    assert "Tuliskan alasan perubahan" in " ".join(response.context["form"].errors["reason"])
    assert post_report(client, reason="Angka dari LHP Inspektorat").status_code == 302
    assert the_report().history.first().history_change_reason == "Angka dari LHP Inspektorat"


def test_windows_are_opened_and_closed_by_staff_and_reopening_needs_a_reason(client, staff_user):
    client.force_login(staff_user)
    data = {"year": 2020, "period": "q2", "is_open": "1", "closes_on": "2020-07-10", "reason": ""}
    assert client.post(reverse("monev:windows"), data).status_code == 302
    q2 = ReportingWindow.objects.get(period="q2")
    assert q2.is_open and q2.closes_on == datetime.date(2020, 7, 10)
    assert client.post(reverse("monev:windows"), {**data, "is_open": "0"}).status_code == 302
    response = client.post(reverse("monev:windows"), data)
    assert "Tuliskan alasan membuka kembali" in response.content.decode()
    client.post(reverse("monev:windows"), {**data, "reason": "Permintaan Sekda: perpanjangan"})
    q2.refresh_from_db()
    assert q2.is_open
    assert q2.history.first().history_change_reason == "Permintaan Sekda: perpanjangan"


# --- Verification --------------------------------------------------------------------------


def test_submit_return_correct_verify(client, staff_user, inspektorat_user):
    window()
    client.force_login(inspektorat_user)
    post_report(client, number="80")
    assert the_report().review_state == ReviewState.SUBMITTED

    client.force_login(staff_user)
    review = reverse("monev:review", args=["realisation", the_report().pk])
    response = client.post(review, {"decision": "return", "note": ""})
    assert the_report().review_state == ReviewState.SUBMITTED  # a return needs a note
    client.post(review, {"decision": "return", "note": "Bukti dukung belum dilampirkan"})
    assert the_report().review_state == ReviewState.RETURNED
    assert response.status_code == 302

    client.force_login(inspektorat_user)
    tasks = client.get(reverse("monev:tasks")).content.decode()
    assert "Bukti dukung belum dilampirkan" in tasks
    post_report(client, number="85")
    assert (the_report().review_state, the_report().number) == (ReviewState.SUBMITTED, 85)

    client.force_login(staff_user)
    client.post(review, {"decision": "verify"})
    report = the_report()
    assert (report.review_state, report.reviewed_by) == (ReviewState.VERIFIED, staff_user)
    html = client.get(gratifikasi().get_absolute_url()).content.decode()
    assert "85,00 %" in html

    states = [h.review_state for h in report.history.order_by("history_date")]
    assert states == ["submitted", "returned", "submitted", "verified"]


def test_a_verified_report_is_locked_for_the_agency_and_corrected_by_staff_with_a_reason(
    client, staff_user, inspektorat_user
):
    window()
    RealisationFactory(activity=gratifikasi(), period="q1", number=90, review_state="verified")
    client.force_login(inspektorat_user)
    response = post_report(client, number="99")
    assert "sudah diverifikasi" in " ".join(response.context["form"].errors["period"])
    client.force_login(staff_user)
    assert "reason" in post_report(client, number="99").context["form"].errors
    post_report(client, number="99", reason="Salah ketik angka TW I")
    report = the_report()
    assert (report.number, report.review_state) == (99, ReviewState.VERIFIED)


def test_a_draft_cannot_be_verified(client, staff_user):
    report = RealisationFactory(activity=gratifikasi(), period="q1", number=90)
    client.force_login(staff_user)
    client.post(reverse("monev:review", args=["realisation", report.pk]), {"decision": "verify"})
    report.refresh_from_db()
    assert report.review_state == ReviewState.DRAFT


def make_submitted(period, number=90, activity=None):
    return RealisationFactory(
        activity=activity or gratifikasi(), period=period, number=number, review_state="submitted"
    )


def test_the_queue_verifies_or_returns_many_at_once(client, staff_user):
    reports = [make_submitted(period) for period in ("q1", "q2", "q3")]
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    progress = ActionProgressFactory(
        planned_action=row.planned_actions.get(year=2020), quarter=1, status="in_progress", percent=30,
        review_state="submitted",
    )  # fmt: skip
    client.force_login(staff_user)
    html = client.get(reverse("monev:verification")).content.decode()
    assert "Penanganan gratifikasi." in html and "Laporan Gratifikasi ke Komisi Pemberantasan Korupsi" in html
    response = client.post(
        reverse("monev:verification"),
        {"decision": "verify", "realisation": [reports[0].pk, reports[1].pk], "progress": [progress.pk]},
    )
    assert response.status_code == 302
    assert [Realisation.objects.get(pk=r.pk).review_state for r in reports] == [
        "verified",
        "verified",
        "submitted",
    ]
    progress.refresh_from_db()
    assert progress.review_state == "verified"
    response = client.post(
        reverse("monev:verification"), {"decision": "return", "realisation": [reports[2].pk]}
    )
    assert "Tuliskan catatan untuk pelapor" in response.content.decode()
    client.post(
        reverse("monev:verification"),
        {"decision": "return", "note": "Cek ulang", "realisation": [reports[2].pk]},
    )
    assert Realisation.objects.get(pk=reports[2].pk).review_state == "returned"


def test_queue_rows_are_written_as_django_tables2_writes_them(rf, staff_user):
    """The queue renders its rows in one pass (monev/tables.py); the page must not change by it:
    the same markup as the library's own row template, ticked boxes and evidence included."""
    reports = [make_submitted(period) for period in ("q1", "q2", "q3")]
    staff_user.first_name = "Dewi <Sari> & Co"  # written escaped, as the template would
    staff_user.save()
    reports[0].reported_by = staff_user
    reports[0].save()
    EvidenceFactory(realisation=reports[1], title="Surat <tugas> & SK")
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    ActionProgressFactory(
        planned_action=row.planned_actions.get(year=2020), quarter=2, status="done", percent=100,
        review_state="submitted",
    )  # fmt: skip
    request = rf.get("/verification/", {"r-sort": "-submitted_at"})
    tables = [
        (RealisationQueueTable, Realisation.objects.filter(review_state="submitted"), {reports[2].pk}),
        (ProgressQueueTable, ActionProgress.objects.filter(review_state="submitted"), set()),
    ]
    for table_class, reports_awaiting, ticked in tables:
        one_pass, library = written_both_ways(
            partial(table_class, reports_awaiting, prefix="r-", ticked=ticked), request, per_page=50
        )
        assert one_pass == library
        assert one_pass.count("<tr") == 1 + reports_awaiting.count()
        assert ('checked="checked"' in one_pass) == bool(ticked)


def test_a_queue_page_past_the_end_shows_the_last_page_with_its_evidence(client, staff_user):
    EvidenceFactory(realisation=make_submitted("q1"), title="Surat tugas")
    client.force_login(staff_user)
    response = client.get(reverse("monev:verification"), {"r-page": 9, "p-page": "x"})
    assert response.status_code == 200
    assert "Surat tugas" in response.content.decode()


def test_the_queue_holds_the_reports_of_enacted_editions_and_none_of_a_draft(client, staff_user, edition):
    """Every kind of item of an enacted edition brings its reports to the queue (an indicator, an
    area's activity, a quick win's activity, an agency plan's indicator); a draft's copies do not."""
    from editions import services as edition_services
    from plans.models import PlanStatus
    from tests.plans_helpers import OWN, make_plan

    own = make_plan(status=PlanStatus.APPROVED, user=staff_user).indicators.get(name=OWN)
    indicator, activity = Indicator.objects.filter(area__edition=edition).first(), gratifikasi()
    quick_win_activity = PriorityActivity.objects.filter(quick_win__edition=edition).first()
    enacted = [
        RealisationFactory(indicator=indicator, review_state="submitted"),
        make_submitted("q1"),
        RealisationFactory(activity=quick_win_activity, review_state="submitted"),
        RealisationFactory(plan_indicator=own, review_state="submitted"),
    ]
    draft = edition_services.copy_edition(
        source=edition, title="Road Map 2021-2024", start_year=2021, end_year=2024, user=staff_user
    )
    for copy in (
        Indicator.objects.get(area__edition=draft, predecessor=indicator),
        PriorityActivity.objects.of_edition(draft).filter(predecessor=activity).first(),
        PriorityActivity.objects.of_edition(draft).filter(predecessor=quick_win_activity).first(),
    ):
        RealisationFactory(
            **{"indicator" if isinstance(copy, Indicator) else "activity": copy}, review_state="submitted"
        )
    client.force_login(staff_user)
    table = client.get(reverse("monev:verification")).context["realisation_table"]
    assert {row.record.pk for row in table.paginated_rows} == {report.pk for report in enacted}


def test_the_queue_filters_by_agency_and_period(client, staff_user):
    make_submitted("q1")
    make_submitted("q2", activity=PriorityActivity.objects.get(name="Promosi jabatan secara terbuka."))
    client.force_login(staff_user)
    from roadmap.models import Agency

    html = client.get(
        reverse("monev:verification"), {"agency": Agency.objects.get(code="bkd").pk}
    ).content.decode()
    assert "Promosi jabatan secara terbuka." in html and "Penanganan gratifikasi." not in html
    html = client.get(reverse("monev:verification"), {"period": "q1"}).content.decode()
    assert "Penanganan gratifikasi." in html and "Promosi jabatan" not in html


def test_unverified_figures_are_shown_apart_everywhere(client, pengarah_user):
    RealisationFactory(activity=gratifikasi(), period="q1", number=80, review_state="verified")
    make_submitted("q2", number=100)
    client.force_login(pengarah_user)
    html = client.get(gratifikasi().get_absolute_url()).content.decode()
    assert "80,00 %" in html and "sementara: 100 (100,00 %)" in html and "1 menunggu verifikasi" in html
    html = client.get(reverse("dashboards:achievement"), {"year": 2020}).content.decode()
    assert "1 menunggu verifikasi" in html


# --- Audit trail ---------------------------------------------------------------------------


def test_a_target_change_needs_a_reason_once_reported_and_its_history_shows_it(client, staff_user):
    activity = gratifikasi()
    url = reverse("monev:activity-targets", args=[activity.pk])
    client.force_login(staff_user)
    cells = {f"year_{y}": t.as_written for y, t in activity.targets_by_year.items()}
    assert client.post(url, {**cells, "year_2016": "95"}).status_code == 302  # no reports for 2016
    RealisationFactory(activity=activity, period="q1", number=80, review_state="verified")
    response = client.post(url, {**cells, "year_2016": "95", "year_2020": "90"})
    assert "tuliskan alasan perubahan target" in response.content.decode()
    assert activity.targets.get(year=2020).number == 100
    client.post(url, {**cells, "year_2016": "95", "year_2020": "90", "reason": "Perbup perubahan 2020"})
    target = activity.targets.get(year=2020)
    assert target.number == 90 and target.history.first().history_change_reason == "Perbup perubahan 2020"
    history = client.get(reverse("monev:activity-history", args=[activity.pk])).content.decode()
    assert "Target 2020" in history and "Perbup perubahan 2020" in history and "<del>100</del>" in history


def test_a_bad_target_is_refused_beside_its_year(client, staff_user):
    indicator = Indicator.objects.get(name="Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")
    client.force_login(staff_user)
    cells = {f"year_{y}": t.as_written for y, t in indicator.targets_by_year.items()}
    response = client.post(
        reverse("monev:indicator-targets", args=[indicator.pk]), {**cells, "year_2020": "ZZ"}
    )
    assert "tidak dikenali" in " ".join(response.context["form"].errors["year_2020"])
    assert IndicatorTarget.objects.get(indicator=indicator, year=2020).as_written == "BB"


def test_the_history_tab_shows_who_changed_what(client, staff_user, inspektorat_user):
    window()
    client.force_login(inspektorat_user)
    post_report(client, number="80")
    post_report(client, number="85", note="dikoreksi")
    history = client.get(reverse("monev:activity-history", args=[gratifikasi().pk])).content.decode()
    assert "Realisasi TW I 2020" in history
    assert "<del>80</del>" in history and "85" in history
    assert "Agus" in history or inspektorat_user.get_username() in history


def test_account_changes_are_recorded(client, staff_user, bkd_user):
    client.force_login(staff_user)
    client.post(
        reverse("account-edit", args=[bkd_user.pk]),
        {
            "first_name": "Rina",
            "last_name": "W",
            "email": "",
            "role": "steering",
            "agency": "",
            "is_active": "on",
        },
    )
    assert bkd_user.history.first().first_name == "Rina"
    assert bkd_user.history.first().history_user == staff_user
    assert bkd_user.profile.history.first().role == "steering"


# --- Tasks and reminders -------------------------------------------------------------------


def test_tasks_show_what_the_agency_must_report_in_the_open_window(client, inspektorat_user):
    window("q2", closes_on=datetime.date(2020, 7, 10))
    client.force_login(inspektorat_user)
    html = client.get(reverse("monev:tasks")).content.decode()
    assert "Penanganan gratifikasi." in html and "TW II 2020" in html
    assert "Promosi jabatan" not in html  # BKD's
    missing_before = html.count("Laporkan</a>")
    post_report(client, period="q2")
    html = client.get(reverse("monev:tasks")).content.decode()
    assert html.count("Laporkan</a>") == missing_before - 1


def test_staff_tasks_count_the_queue_and_the_navbar_shows_it(client, staff_user):
    make_submitted("q1")
    client.force_login(staff_user)
    html = client.get(reverse("monev:tasks")).content.decode()
    assert "<strong>1</strong> laporan menunggu verifikasi" in html
    overview = client.get(reverse("actions:overview")).content.decode()
    assert 'aria-label="1 tugas"' in overview


def with_email(user, address):
    user.email = address
    user.save()
    return user


def test_reminders_are_sent_once_per_event(inspektorat_user, bkd_user, settings):
    settings.SITE_URL = "https://monev.example"
    with_email(inspektorat_user, "inspektorat@example.org")
    with_email(bkd_user, "bkd@example.org")
    q2 = window("q2", closes_on=datetime.date(2020, 7, 10))
    call_command("send_reminders", "--today", "2020-07-01", stdout=StringIO())
    opened = [m for m in mail.outbox if "dibuka" in m.subject]
    assert {m.to[0] for m in opened} == {"inspektorat@example.org", "bkd@example.org"}
    assert "https://monev.example/activities/" in opened[0].body
    call_command("send_reminders", "--today", "2020-07-01", stdout=StringIO())
    assert len(mail.outbox) == len(opened)  # nothing twice

    call_command("send_reminders", "--today", "2020-07-08", stdout=StringIO())
    closing = [m for m in mail.outbox if "belum dilaporkan" in m.subject]
    assert len(closing) == 2 and "ditutup 2 hari lagi" in closing[0].body
    call_command("send_reminders", "--today", "2020-07-09", stdout=StringIO())
    assert len([m for m in mail.outbox if "belum dilaporkan" in m.subject]) == 2

    q2.is_open = False
    q2.save()
    q2.is_open = True
    q2.save()
    call_command("send_reminders", "--today", "2020-07-09", stdout=StringIO())
    assert len([m for m in mail.outbox if "dibuka" in m.subject]) == 4  # a reopening is a new event


def test_a_returned_report_is_mailed_to_its_reporter_once(inspektorat_user, staff_user):
    from monev import services

    with_email(inspektorat_user, "inspektorat@example.org")
    report = make_submitted("q1")
    report.reported_by = inspektorat_user
    report.save()
    services.review_reports(reports=[report], verify=False, note="Lampirkan rekap", user=staff_user)
    call_command("send_reminders", "--today", "2020-07-01", stdout=StringIO())
    call_command("send_reminders", "--today", "2020-07-02", stdout=StringIO())
    returned = [m for m in mail.outbox if "dikembalikan" in m.subject]
    assert len(returned) == 1 and "Lampirkan rekap" in returned[0].body
    assert SentReminder.objects.filter(kind="report_returned").count() == 1


def test_demo_data_has_every_state_and_an_open_window(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    states = set(Realisation.objects.filter(year=2020).values_list("review_state", flat=True))
    assert states == {"draft", "submitted", "returned", "verified"}
    assert ReportingWindow.objects.filter(year=2020, is_open=True).count() == 1
    assert D(100) in set(Realisation.objects.filter(review_state="verified").values_list("number", flat=True))


def test_evidence_changes_are_recorded(client, inspektorat_user):
    window()
    client.force_login(inspektorat_user)
    post_report(client, evidence_link="https://pekalongankab.go.id/rekap")
    evidence = the_report().evidence.get()
    record = evidence.history.get()
    assert (record.history_type, record.link, record.history_user) == (
        "+",
        "https://pekalongankab.go.id/rekap",
        inspektorat_user,
    )
    history = client.get(reverse("monev:activity-history", args=[gratifikasi().pk])).content.decode()
    assert "<strong>Bukti dukung https://pekalongankab.go.id/rekap</strong> dibuat" in history


def test_action_plan_progress_counts_unverified_apart(client, pengarah_user):
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    ActionProgressFactory(
        planned_action=row.planned_actions.get(year=2020),
        quarter=1,
        status="done",
        percent=100,
        review_state="submitted",
    )
    client.force_login(pengarah_user)
    html = client.get(reverse("dashboards:action-plan-progress"), {"year": 2020}).content.decode()
    assert "<strong>0 dari 103</strong>" in html
    assert '<span class="badge text-bg-warning">1</span>' in html


@pytest.mark.parametrize("value", [None, "", "b", ["b"]])
def test_the_queue_filter_writes_its_selects_as_django_templates_do(value):
    """The queue's filter writes its options in Python (monev/filters.py): the same markup as Django's
    select templates, the chosen option, escaped labels and bare or left-out attributes included."""
    from django import forms

    from roadmap.filters import OptionsSelect

    choices = [("", "Semua"), ("a", "A & <b>"), ("b", 'Kabupaten "Pekalongan"'), (3, "Tiga")]
    attrs = {"class": "form-select form-select-sm", "required": True, "hidden": False, "data-x": "<1>"}
    written = [
        widget(attrs=attrs, choices=choices).render("agency", value, attrs={"id": "id_agency"})
        for widget in (OptionsSelect, forms.Select)
    ]
    assert written[0] == written[1]
    assert "selected" in written[0]
