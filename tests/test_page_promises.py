"""What the pages say and offer is what the application does (issue 12)."""

import json
from decimal import Decimal as D

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from monev import services
from monev.models import Evidence, Realisation, ReportingWindow
from tests.factories import ActionProgressFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def gratifikasi():
    return PriorityActivity.objects.get(name="Penanganan gratifikasi.")  # Inspektorat, target 100 (%)


def report(period="q1", state="submitted", year=2020, number=90, **fields) -> Realisation:
    return Realisation.objects.create(
        activity=gratifikasi(), year=year, period=period, number=number, review_state=state, **fields
    )


def window(period="q1", is_open=True) -> ReportingWindow:
    return ReportingWindow.objects.create(year=2020, period=period, is_open=is_open)


def page_of(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    return parse(response.content)


def report_links(page) -> list[str]:
    """The "+ lapor" links of the quarter grid, as "period year"."""
    return [
        a.attrs["aria-label"].removeprefix("Laporkan ") for a in page.find_all("a") if a.text == "+ lapor"
    ]


# --- What counts ------------------------------------------------------------------------------


def test_the_achievement_page_and_report_form_say_only_verified_reports_count(client, inspektorat_user):
    window()
    client.force_login(inspektorat_user)
    achievement = page_of(client, reverse("dashboards:achievement")).find("main").find("header").text
    assert "Hanya laporan yang sudah diverifikasi yang dihitung" in achievement
    side = page_of(client, reverse("monev:activity-report", args=[gratifikasi().pk])).find("aside").text
    assert "Hanya laporan yang sudah diverifikasi yang dihitung" in side
    assert "diajukan dihitung" not in side


def test_right_after_submitting_the_year_row_says_it_awaits_verification(client, inspektorat_user):
    report(state="submitted")
    client.force_login(inspektorat_user)
    page = page_of(client, gratifikasi().get_absolute_url())
    year_row = next(tr for tr in page.find_all("tr") if tr.find("th") and tr.find("th").text == "2020")
    assert "1 menunggu verifikasi" in year_row.text
    assert "menunggu verifikasi" in year_row.find_all("td")[3].text  # the achievement cell
    assert "belum dilaporkan" not in year_row.text


# --- Offer only what the user may do now ---------------------------------------------------------


def test_an_agency_is_offered_only_open_periods_and_sees_a_verified_report_locked(client, inspektorat_user):
    window("q1", is_open=False)
    window("q2", is_open=True)
    verified = report("q1", state="verified")
    client.force_login(inspektorat_user)
    page = page_of(client, gratifikasi().get_absolute_url())
    assert report_links(page) == ["TW II 2020"]  # not 2016–2019, not closed quarters, not the year
    entry = page.by_id(f"laporan-{verified.pk}")
    assert [a for a in entry.find_all("a") if a.text == "ubah"] == []
    assert "Terkunci" in entry.text and "sudah diverifikasi" in entry.text

    form = page_of(client, reverse("monev:activity-report", args=[gratifikasi().pk]), year=2020, period="q1")
    assert "Terkunci." in form.find("main").text and "sudah diverifikasi" in form.find("main").text
    assert form.find("main").find("form", method="post") is None  # nothing to type into that would be refused


def test_staff_are_offered_every_period_and_may_correct_a_verified_report(client, staff_user):
    verified = report("q1", state="verified")
    client.force_login(staff_user)
    page = page_of(client, gratifikasi().get_absolute_url())
    assert "TW I 2016" in report_links(page) and "Tahunan 2020" in report_links(page)
    assert [a for a in page.by_id(f"laporan-{verified.pk}").find_all("a") if a.text == "ubah"]


def test_the_tim_pengarah_is_offered_nothing(client, pengarah_user):
    report("q1", state="verified")
    client.force_login(pengarah_user)
    page = page_of(client, gratifikasi().get_absolute_url())
    assert report_links(page) == [] and "ubah" not in page.find("main").text.split()
    assert "Terkunci" not in page.find("main").text


def test_a_resubmitted_report_does_not_show_its_previous_reviewer(client, staff_user, inspektorat_user):
    window()
    returned = report(state="returned", reviewed_by=staff_user, review_note="Lampirkan rekap")
    client.force_login(inspektorat_user)
    url = gratifikasi().get_absolute_url()
    assert "diperiksa Staf Organisasi" in page_of(client, url).by_id(f"laporan-{returned.pk}").text
    client.post(
        reverse("monev:activity-report", args=[gratifikasi().pk]),
        {"year": "2020", "period": "q1", "number": "95", "version": returned.version_token},
    )
    assert Realisation.objects.get(pk=returned.pk).review_state == "submitted"
    assert "diperiksa" not in page_of(client, url).by_id(f"laporan-{returned.pk}").text


# --- Reasons for reopening --------------------------------------------------------------------------


def test_the_reason_for_reopening_a_window_is_shown_on_the_windows_page_and_in_item_history(
    client, staff_user
):
    client.force_login(staff_user)
    data = {"year": "2020", "period": "q2", "closes_on": ""}
    client.post(reverse("monev:windows"), {**data, "is_open": "1"})
    client.post(reverse("monev:windows"), {**data, "is_open": "0"})
    client.post(
        reverse("monev:windows"), {**data, "is_open": "1", "reason": "Perpanjangan atas permintaan Sekda"}
    )
    windows = page_of(client, reverse("monev:windows"))
    row = next(tr for tr in windows.find_all("tr") if "TW II 2020" in tr.text)
    assert "Perpanjangan atas permintaan Sekda" in row.text
    history = page_of(client, reverse("monev:activity-history", args=[gratifikasi().pk])).find("main").text
    assert "Jendela pelaporan TW II 2020 dibuka kembali" in history
    assert "Perpanjangan atas permintaan Sekda" in history


def test_the_reason_for_reopening_one_item_is_shown_on_the_windows_page(client, staff_user):
    q1 = window("q1", is_open=False)
    client.force_login(staff_user)
    client.post(
        reverse("monev:reopen-item", args=["activity", gratifikasi().pk]),
        {"window": q1.pk, "reason": "Admin baru, data terlambat"},
    )
    row = next(
        tr for tr in page_of(client, reverse("monev:windows")).find_all("tr") if "TW I 2020" in tr.text
    )
    assert "Penanganan gratifikasi." in row.text and "Admin baru, data terlambat" in row.text


# --- Tugas saya ---------------------------------------------------------------------------------


def task_sections(page) -> dict[str, str]:
    return {
        section.find("h2").attrs["id"]: section.text
        for section in page.find_all("section")
        if section.find("h2") is not None
    }


def test_tasks_list_a_returned_report_and_a_draft_once_each_and_link_to_the_form(client, inspektorat_user):
    window("q1")
    window("q2")
    report("q1", state="returned", review_note="Lampirkan rekap")
    report("q2", state="draft")
    client.force_login(inspektorat_user)
    page = page_of(client, reverse("monev:tasks"))
    sections = task_sections(page)
    assert "Penanganan gratifikasi." in sections["judul-dikembalikan"]
    assert "Penanganan gratifikasi." in sections["judul-draf"]
    assert "Penanganan gratifikasi." not in sections["judul-belum"]
    form = reverse("monev:activity-report", args=[gratifikasi().pk])
    fix = page.find("a", href=f"{form}?year=2020&period=q1")
    assert fix is not None and fix.text == "Perbaiki"
    assert page.find("a", href=f"{form}?year=2020&period=q2").text == "Lanjutkan"
    missing = int(page.by_id("judul-belum").find("span").text)
    count = int(page.find("span", aria_label=f"{missing + 2} tugas").text)
    assert count == missing + 2  # the navigation bar counts each task once


def test_a_draft_in_a_closed_window_is_not_a_task_for_the_agency(client, inspektorat_user):
    window("q1", is_open=False)
    report("q1", state="draft")
    client.force_login(inspektorat_user)
    sections = task_sections(page_of(client, reverse("monev:tasks")))
    assert "Penanganan gratifikasi." not in sections["judul-draf"]


def test_a_returned_progress_report_links_to_its_quarter(client, inspektorat_user):
    window("q2")
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    ActionProgressFactory(
        planned_action=row.planned_actions.get(year=2020),
        quarter=2,
        status="in_progress",
        percent=40,
        review_state="returned",
        review_note="Persen tidak sesuai",
    )
    client.force_login(inspektorat_user)
    page = page_of(client, reverse("monev:tasks"))
    url = reverse("monev:action-progress", args=[row.pk]) + "?year=2020&quarter=2"
    assert page.find("a", href=url).text == "Perbaiki"
    assert "Penanganan Gratifikasi" not in task_sections(page)["judul-belum"]


# --- History and evidence ---------------------------------------------------------------------------


def attach(realisation, user, title="Rekap gratifikasi"):
    services.attach_evidence(
        user=user, realisation=realisation, link="https://pekalongankab.go.id/rekap", title=title
    )
    evidence = Evidence(realisation=realisation, original_name="rekap.pdf", title=title, uploaded_by=user)
    evidence.file.save("rekap.pdf", ContentFile(b"%PDF-1.4 rekap"), save=True)


def test_history_shows_no_internal_counter_or_storage_path(client, inspektorat_user, staff_user):
    window()
    client.force_login(inspektorat_user)
    client.post(
        reverse("monev:activity-report", args=[gratifikasi().pk]),
        {"year": "2020", "period": "q1", "number": "90"},
    )
    attach(Realisation.objects.get(activity=gratifikasi(), period="q1"), inspektorat_user)
    history = page_of(client, reverse("monev:activity-history", args=[gratifikasi().pk])).find("main").text
    assert "Versi" not in history and "versi" not in history.lower().split()
    assert "evidence/" not in history
    assert "rekap.pdf" in history  # the file is named by its own name


def test_evidence_lists_tell_a_file_and_a_link_of_one_title_apart(client, inspektorat_user, staff_user):
    submitted = report()
    attach(submitted, inspektorat_user)
    client.force_login(staff_user)
    item = page_of(client, gratifikasi().get_absolute_url()).by_id(f"laporan-{submitted.pk}")
    labels = [a.text for a in item.find_all("a") if "Rekap gratifikasi" in a.text]
    assert labels == ["Rekap gratifikasi (tautan pekalongankab.go.id)", "Rekap gratifikasi (rekap.pdf)"]
    queue = page_of(client, reverse("monev:verification"))
    links = [a for a in queue.find_all("a") if "Rekap gratifikasi" in a.text]
    assert sorted(a.text for a in links) == sorted(labels)
    external = next(a for a in links if "tautan" in a.text)
    assert external.attrs["target"] == "_blank" and external.attrs["rel"] == "noopener noreferrer"


def test_the_edit_form_shows_the_evidence_already_attached(client, inspektorat_user):
    window()
    submitted = report()
    attach(submitted, inspektorat_user)
    client.force_login(inspektorat_user)
    form = page_of(client, reverse("monev:activity-report", args=[gratifikasi().pk]), year=2020, period="q1")
    attached = form.find("main").text
    assert "Bukti dukung yang sudah dilampirkan" in attached and "Rekap gratifikasi (rekap.pdf)" in attached


# --- Dashboard and matrix ---------------------------------------------------------------------------


def charts(client, **query) -> dict:
    page = page_of(client, reverse("dashboards:dashboard"), **query)
    return {chart["name"]: chart for chart in json.loads(page.by_id("data-grafik").text)["indicators"]}


def test_key_indicator_charts_honour_the_chosen_year_and_quarter(client, pengarah_user):
    lhkpn = Indicator.objects.get(name__startswith="Persentase pemenuhan Laporan Harta Kekayaan")
    Realisation.objects.create(indicator=lhkpn, year=2020, period="q1", number=D(80), review_state="verified")
    Realisation.objects.create(
        indicator=lhkpn, year=2020, period="q2", number=D(92), review_state="submitted"
    )
    client.force_login(pengarah_user)

    up_to_q1 = charts(client, year=2020, quarter=1)[lhkpn.name]
    at = up_to_q1["years"].index("2020")
    assert (up_to_q1["verified"][at], up_to_q1["unverified"][at]) == (80.0, None)  # TW II is later
    up_to_q2 = charts(client, year=2020, quarter=2)[lhkpn.name]
    assert up_to_q2["unverified"][at] == 92.0

    earlier = charts(client, year=2018)[lhkpn.name]
    assert earlier["years"] == ["2016", "2017", "2018"]
