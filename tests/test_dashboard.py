"""The Tim Pengarah's dashboard and the staff's completeness matrix, against figures worked out by hand.

The regulation's fixtures have no report for 2020, so every 2020 figure below comes from the
reports these tests create. Most of them are on area 5, "Penataan Sistem Manajemen Sumber Daya
Manusia Aparatur" (SDM): three indicators without a 2020 target, six priority activities and
seventeen action-plan rows (nineteen planned actions in 2020).
"""

import datetime
import json
import re
from decimal import Decimal as D
from functools import partial
from html import unescape

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from dashboards.completeness import build_matrix, window_openings
from dashboards.overview import build_overview
from monev import services
from monev.models import Realisation, ReportingWindow
from roadmap.models import Agency
from tests.factories import ActionProgressFactory, RealisationFactory, planned_action

pytestmark = pytest.mark.django_db

YEAR = 2020
AFTER_THE_YEAR = datetime.date(2021, 1, 15)  # 2020 is over: an item keeps pace only by meeting its target

SDM = "Penataan Sistem Manajemen Sumber Daya Manusia Aparatur"
PENGAWASAN = "Penguatan Pengawasan"
TATALAKSANA = "Penataan Tatalaksana"

# The SDM area's priority activities: lead agency, how quarters make the year, 2020 target.
PLANNING = "Perencanaan kebutuhan pegawai."  # BKD, latest quarter, 400
JOB_ANALYSIS = "Analisis Jabatan dan Analisis Beban Kerja."  # Bagian Organisasi, latest quarter, 45
COMPETENCE = "Pengembangan pegawai berbasis kompetensi."  # BKD, sum of quarters, 4.000
PROMOTION = "Promosi jabatan secara terbuka."  # BKD, sum of quarters, 125
EVALUATION = "Pelaksanaan evaluasi jabatan."  # Bagian Organisasi, latest quarter, 45
FUNCTIONAL = "Pengembangan jabatan fungsional."  # BKD, sum of quarters, 250
SDM_ACTIVITIES = (PLANNING, JOB_ANALYSIS, COMPETENCE, PROMOTION, EVALUATION, FUNCTIONAL)

# Three of its action-plan rows, all led by BKD (the last one together with Bagian Organisasi).
ROW_PLANNING = "Merencanakan kebutuhan pegawai"  # one planned action in 2020
ROW_PROMOTION = "Promosi jabatan secara terbuka"  # one planned action in 2020
ROW_FUNCTIONAL = "Pengembangan jabatan fungsional"  # three planned actions in 2020

# For the matrix: BPKD owes one activity and two rows; Dinarpus owes two rows.
BPKD_ACTIVITY = "Peningkatan pengelolaan tertib adm. keuangan."  # area 6
BPKD_OPINION = "Opini Badan Pemeriksa Keuangan atas laporan keuangan"  # area 6, five planned actions
BPKD_TUNJANGAN = "Tunjangan Kinerja"  # area 5, one planned action
DINARPUS_ROWS = ("Pembinaan penataan kearsipan", "Evaluasi pelaksanaan kearsipan Perangkat Daerah")


def report(name: str, period: str, number, state: str = "verified") -> Realisation:
    return RealisationFactory(
        activity=PriorityActivity.objects.get(name=name),
        year=YEAR,
        period=period,
        number=D(number),
        review_state=state,
    )


def progress(row: str, order: int, quarter: int, status: str, state: str = "verified", contributor=None):
    return ActionProgressFactory(
        planned_action=planned_action(row, YEAR, order),
        quarter=quarter,
        contributor=contributor,
        status=status,
        percent={"done": 100, "in_progress": 50}[status],
        review_state=state,
    )


@pytest.fixture
def sdm_reports():
    """Reports on the six SDM activities and on three of the area's action-plan rows.

    Year 2020 as a whole (every quarter, read after the year ended: a closed year is met or not met):
      Perencanaan        TW I 440 verified                latest 440 / 400 = 110 %  met
      Analisis Jabatan   TW I 18, TW II 27 verified       latest  27 / 45  =  60 %  not met
      Kompetensi         TW I-III 1600 + 1400 + 2000      sum 5000 / 4000  = 125 %  met (120 in averages)
      Promosi            TW I 30, TW II 20 verified       sum 50 / 125     =  40 %  not met
                         TW III 75 submitted, not counted (it would make 125 / 125 = 100 %)
      Evaluasi jabatan   TW I 20 draft (drafts never count)                        not reported
      Jabatan fungsional TW I 100 submitted, nothing verified                      awaiting verification
      three indicators without a 2020 target ("-" or blank)                        no target
      average (110 + 60 + 120 + 40) / 4 = 330 / 4 = 82,50 %  -> "Tinggi" (76-90)
      reports awaiting verification: Promosi TW III + Jabatan fungsional TW I = 2

    Up to TW I (summed items against the target due by TW I, a quarter of the year's):
      Perencanaan latest 440 / 400 = 110 % met; Analisis Jabatan latest 18 / 45 = 40 % not yet met
      (a latest-value item is compared with the year's target, never "behind");
      Kompetensi 1600 / (4000 / 4) = 160 % on track; Promosi 30 / (125 / 4) = 96 % behind;
      Evaluasi jabatan not reported; Jabatan fungsional awaiting verification
      average (110 + 40 + 120 + 96) / 4 = 366 / 4 = 91,50 %  -> "Sangat tinggi" (>= 91)
      reports awaiting verification: Jabatan fungsional TW I = 1

    Action plan (each lead agency reports its own part; a supporting agency's contribution never
    counts). An action's progress is the mean of its Utama's verified percents (none verified: 0),
    and it is done when every Utama says done:
      Promosi jabatan (BKD, 1 action):     TW I in progress 50, TW II done -> 100 done (year); 50 (TW I)
                                           + Dinkominfo's contribution "done" in TW I (ignored)
      Merencanakan kebutuhan (BKD, 1):     TW II done                      -> 100 done (year); 0 (TW I)
      Jabatan fungsional (BKD and Bagian Organisasi, 3 actions; only BKD reports):
                                           action 1 BKD TW I done          -> (100 + 0) / 2 = 50, not done
                                           action 2 BKD done, submitted    -> 0, awaiting verification
                                           action 3 BKD TW I 50, TW II "done" returned -> (50 + 0) / 2 = 25
      SDM area, year: 2 of 19 done, (100 + 100 + 50 + 0 + 25) / 19 = 275 / 19 = 14,47 %;
      up to TW I: 0 done, (50 + 0 + 50 + 0 + 25) / 19 = 125 / 19 = 6,58 %.
      Whole reform: 275 / 103 = 2,67 % (2 done) for the year, 125 / 103 = 1,21 % up to TW I.
    """
    report(PLANNING, "q1", 440)
    report(JOB_ANALYSIS, "q1", 18)
    report(JOB_ANALYSIS, "q2", 27)
    report(COMPETENCE, "q1", 1600)
    report(COMPETENCE, "q2", 1400)
    report(COMPETENCE, "q3", 2000)
    report(PROMOTION, "q1", 30)
    report(PROMOTION, "q2", 20)
    report(PROMOTION, "q3", 75, "submitted")
    report(EVALUATION, "q1", 20, "draft")
    report(FUNCTIONAL, "q1", 100, "submitted")
    progress(ROW_PROMOTION, 1, 1, "in_progress")
    progress(ROW_PROMOTION, 1, 2, "done")
    progress(ROW_PROMOTION, 1, 1, "done", contributor=Agency.objects.get(code="dinkominfo"))
    progress(ROW_PLANNING, 1, 2, "done")
    progress(ROW_FUNCTIONAL, 1, 1, "done")
    progress(ROW_FUNCTIONAL, 2, 1, "done", "submitted")
    progress(ROW_FUNCTIONAL, 3, 1, "in_progress")
    progress(ROW_FUNCTIONAL, 3, 2, "done", "returned")
    open_windows("q1", "q2", "q3", "q4")  # every quarter's report is due (completeness counts due ones)


def open_windows(*periods: str) -> None:
    """The 2020 windows of these periods opened (and closed again): their reports are due."""
    for period in periods:
        window = ReportingWindow.objects.create(year=YEAR, period=period, is_open=True)
        window.is_open = False
        window.save()


# BKD's completeness share, counted over the quarters only (the dashboard leaves annual reports out).
# BKD owes 5 activities with a 2020 target (the four above plus "Advokasi Pemenuhan Pelaporan LHKPN")
# and leads 11 rows with planned actions in 2020 (Diklat penyuluh anti korupsi; Merencanakan kebutuhan
# pegawai; Proses penerimaan pegawai; Pengembangan pegawai; Promosi jabatan; Penetapan sasaran kerja;
# Penegakan aturan disiplin; Pengembangan jabatan fungsional; Sistem informasi kepegawaian; Pemetaan
# kompetensi; Pemenuhan pelaporan LHKPN): 16 items.
#   Whole year: 16 x 4 quarters = 64 cells. In (submitted or verified): Perencanaan 1, Kompetensi 3,
#     Promosi 3, Jabatan fungsional 1, row Merencanakan 1 (TW II), row Promosi 2, row Jabatan
#     fungsional 1 (TW I: submitted is its least advanced action) = 12. 12 / 64 = 18,75 % -> 19 %.
#   Up to TW I: 16 cells. In: Perencanaan, Kompetensi, Promosi, Jabatan fungsional, row Promosi,
#     row Jabatan fungsional = 6 (row Merencanakan has only a contribution). 6 / 16 = 37,5 % -> 38 %.
BKD_YEAR = (64, 12, 19)
BKD_Q1 = (16, 6, 38)
# Only TW I and TW II due (their windows opened): 16 x 2 = 32 cells; in: Perencanaan 1, Kompetensi 2,
#   Promosi 2, Jabatan fungsional 1, row Merencanakan 1, row Promosi 2, row Jabatan fungsional 1 = 10.
#   10 / 32 = 31,25 % -> 31 %.
BKD_TWO_DUE = (32, 10, 31)


def state_counts(summary) -> dict[str, int]:
    return {key: count for key, _, count in summary.state_counts}


def present(summary) -> dict[str, int]:
    """The states some item is in, with their counts (the others are 0)."""
    return {key: count for key, count in state_counts(summary).items() if count}


def area_of(overview, name):
    return next((summary, plan) for area, summary, plan in overview.areas if area.name == name)


def share_of(overview, code: str) -> tuple[int, int, int]:
    entry = next(entry for entry in overview.completeness if entry.agency.code == code)
    return entry.required, entry.done, entry.share


def section(html: str, start: str, end: str | None = None) -> str:
    begin = html.index(start)
    return html[begin : html.index(end, begin)] if end else html[begin:]


def summary_card(html: str) -> dict[str, tuple[int, str]]:
    """State -> (count, link) from the dashboard's "Keadaan item" card."""
    card = section(html, 'aria-label="Ringkasan"', 'id="judul-area"')
    links = re.findall(
        r'href="([^"]*state=(\w+))">[^<]*<span class="badge text-bg-secondary">(\d+)</span></a>', card
    )
    return {key: (int(count), unescape(href)) for href, key, count in links}


def area_table_row(html: str, name: str) -> list[str]:
    """The cells of an area's line in the dashboard's area table (after its name)."""
    table = section(html, 'id="judul-area"', "</table>")
    row = next(row for row in re.findall(r"<tr>(.*?)</tr>", table, re.S) if f"{name}</a>" in row)
    return re.findall(r'<td class="text-end">(.*?)</td>', row, re.S)


def area_state_cells(html: str, name: str) -> dict[str, tuple[int, str | None]]:
    """State -> (count, link or None) from an area's line; zero counts carry no link.

    The table has a column for each state some item of the year is in, in the order of STATE_LABELS.
    """
    from monev.standing import STATE_LABELS

    table = section(html, 'id="judul-area"', "</thead>")
    headings = re.findall(r'<th scope="col" class="text-end small">([^<]*)</th>', table)
    keys = [key for key, label in STATE_LABELS.items() if label in headings]
    cells = area_table_row(html, name)[1 : 1 + len(keys)]
    found = {}
    for key, cell in zip(keys, cells, strict=True):
        link = re.fullmatch(r'<a href="([^"]*)">(\d+)</a>', cell)
        found[key] = (
            (int(link.group(2)), unescape(link.group(1)))
            if link
            else (int(re.sub(r"<[^>]+>", "", cell)), None)
        )
    return found


def chart_data(html: str) -> dict:
    return json.loads(
        section(html, '<script id="data-grafik" type="application/json">', "</script>").split(">", 1)[1]
    )


def listed(client, url: str, names) -> set[str]:
    """Which of ``names`` the page at ``url`` lists."""
    html = client.get(url).content.decode()
    return {name for name in names if f">{name}<" in html}


def sdm_item_names() -> set[str]:
    return set(SDM_ACTIVITIES) | set(Indicator.objects.filter(area__name=SDM).values_list("name", flat=True))


# --- The dashboard's figures ---------------------------------------------------------------


def test_overview_figures_match_the_hand_computation(edition, sdm_reports):
    overview = build_overview(edition, YEAR, None, AFTER_THE_YEAR, detailed=True)
    summary, plan = area_of(overview, SDM)
    assert summary.average == D("82.5")
    assert summary.category.label == "Tinggi"
    assert present(summary) == {"no_target": 3, "not_reported": 1, "unverified": 1, "met": 2, "not_met": 2}
    assert summary.unverified == 2
    assert {line.item.name for line in summary.below_target} == {JOB_ANALYSIS, PROMOTION}
    assert (plan.done, plan.total, plan.percent, plan.unverified) == (2, 19, D("14.47"), 1)

    # Nothing else was reported in 2020: the whole reform averages the same four items. Of its 44
    # items (15 indicators, 29 activities), 7 indicators have no 2020 target; 44 - 7 - 5 = 32 are
    # not reported.
    assert overview.total.average == D("82.5")
    assert present(overview.total) == {
        "no_target": 7,
        "not_reported": 32,
        "unverified": 1,
        "met": 2,
        "not_met": 2,
    }
    assert (overview.plan.done, overview.plan.total, overview.plan.percent) == (2, 103, D("2.67"))
    assert share_of(overview, "bkd") == BKD_YEAR
    # BPKD owes one activity and two rows with 2020 actions, 3 x 4 = 12 quarters, and has sent nothing.
    assert share_of(overview, "bpkd") == (12, 0, 0)
    assert overview.completeness[0].agency.code == "bkd"  # the most complete first


def test_completeness_counts_only_the_quarters_that_are_due(client, edition, pengarah_user, sdm_reports):
    """As the matrix does: a quarter's report is owed once its window was opened (docs/completeness)."""
    ReportingWindow.objects.filter(year=YEAR, period__in=["q3", "q4"]).delete()
    ReportingWindow.history.filter(year=YEAR, period__in=["q3", "q4"]).delete()
    overview = build_overview(edition, YEAR, None, AFTER_THE_YEAR)
    assert share_of(overview, "bkd") == BKD_TWO_DUE
    assert share_of(overview, "bpkd") == (6, 0, 0)  # 3 items x 2 due quarters

    ReportingWindow.objects.all().delete()
    ReportingWindow.history.all().delete()
    assert build_overview(edition, YEAR, None, AFTER_THE_YEAR).completeness == []
    client.force_login(pengarah_user)
    html = client.get(reverse("dashboards:dashboard"), {"year": YEAR}).content.decode()
    assert "Belum ada laporan triwulan yang jatuh tempo" in html and 'id="grafik-pd"' not in html


def test_dashboard_page_shows_the_figures_and_links_each_count(client, edition, pengarah_user, sdm_reports):
    client.force_login(pengarah_user)
    html = client.get(reverse("dashboards:dashboard"), {"year": YEAR}).content.decode()
    achievement = reverse("dashboards:achievement")

    card = section(html, 'aria-label="Ringkasan"', 'id="judul-area"')
    assert '<div class="stat">82,50 %</div>' in card
    assert ">Tinggi</span>" in card
    assert "44 indikator dan kegiatan" in card
    assert summary_card(html) == {
        "no_target": (7, f"{achievement}?year=2020&state=no_target"),
        "not_reported": (32, f"{achievement}?year=2020&state=not_reported"),
        "unverified": (1, f"{achievement}?year=2020&state=unverified"),
        "met": (2, f"{achievement}?year=2020&state=met"),
        "not_met": (2, f"{achievement}?year=2020&state=not_met"),
    }  # a closed year: met or not met, never "Tertinggal" or "Sesuai jadwal"
    assert '<span class="badge text-bg-warning">2</span> laporan menunggu verifikasi' in card
    plan_link = reverse("dashboards:action-plan-progress") + "?year=2020"
    assert f'<a href="{plan_link}">2,67 %</a>' in card
    assert "2 dari 103 rencana aksi selesai" in card

    cells = area_table_row(html, SDM)
    assert "82,50 %" in cells[0] and "Tinggi" in cells[0]
    assert ">14,47 %</a>" in cells[6] and "2/19 selesai" in cells[6]
    assert cells[6].endswith('<span class="badge text-bg-warning" title="menunggu verifikasi">1</span>')
    sdm = edition.areas.get(name=SDM)
    by_state = area_state_cells(html, SDM)
    assert {key: count for key, (count, _) in by_state.items()} == {
        "no_target": 3,
        "not_reported": 1,
        "unverified": 1,
        "met": 2,
        "not_met": 2,
    }
    assert by_state["met"][1] == f"{achievement}?year=2020&area={sdm.pk}&state=met"

    # Following each count lists exactly the items it counted.
    names = sdm_item_names()
    indicators = names - set(SDM_ACTIVITIES)
    expected = {
        "no_target": indicators,
        "not_reported": {EVALUATION},
        "unverified": {FUNCTIONAL},
        "met": {PLANNING, COMPETENCE},
        "not_met": {JOB_ANALYSIS, PROMOTION},
    }
    for key, items in expected.items():
        assert listed(client, by_state[key][1], names) == items, key
    assert listed(client, summary_card(html)["met"][1], names) == {PLANNING, COMPETENCE}

    charts = chart_data(html)
    sdm_bar = next(bar for bar in charts["areas"] if bar["label"].endswith(SDM))
    assert sdm_bar["value"] == 82.5
    bkd_bar = next(bar for bar in charts["agencies"] if bar["label"] == "BKD dan Diklat")
    assert bkd_bar["value"] == BKD_YEAR[2]


def test_a_submitted_report_is_counted_apart_until_it_is_verified(
    client, edition, pengarah_user, staff_user, sdm_reports
):
    before = build_overview(edition, YEAR, None, AFTER_THE_YEAR, detailed=True)
    summary, _ = area_of(before, SDM)
    promosi = next(line for line in summary.lines if line.item.name == PROMOTION)
    assert promosi.status.percent == 40 and promosi.status.state == "not_met"  # TW III's 75 left out
    assert promosi.status.unverified == 1 and promosi.status.provisional.percent == 100

    waiting = Realisation.objects.get(activity__name=PROMOTION, period="q3")
    services.review_reports(reports=[waiting], verify=True, user=staff_user)

    # Verified, TW III now counts: Promosi 125 / 125 = 100 %, met.
    # Average (110 + 60 + 120 + 100) / 4 = 390 / 4 = 97,50 % -> "Sangat tinggi"; one report still waits.
    after = build_overview(edition, YEAR, None, AFTER_THE_YEAR, detailed=True)
    summary, _ = area_of(after, SDM)
    assert summary.average == D("97.5")
    assert present(summary) == {"no_target": 3, "not_reported": 1, "unverified": 1, "met": 3, "not_met": 1}
    assert summary.unverified == 1
    client.force_login(pengarah_user)
    html = client.get(reverse("dashboards:dashboard"), {"year": YEAR}).content.decode()
    card = section(html, 'aria-label="Ringkasan"', 'id="judul-area"')
    assert '<div class="stat">97,50 %</div>' in card and ">Sangat tinggi</span>" in card
    assert '<span class="badge text-bg-warning">1</span> laporan menunggu verifikasi' in card
    assert summary_card(html)["met"][0] == 3


def test_submitting_without_verifying_changes_nothing_but_the_waiting_count(edition, sdm_reports):
    """A second submitted report, on an item already reported, leaves the figures where they were."""
    report(JOB_ANALYSIS, "q3", 45, "submitted")  # would make Analisis Jabatan 45 / 45 = 100 %
    overview = build_overview(edition, YEAR, None, AFTER_THE_YEAR, detailed=True)
    summary, _ = area_of(overview, SDM)
    assert summary.average == D("82.5")
    assert state_counts(summary)["met"] == 2 and state_counts(summary)["not_met"] == 2
    assert summary.unverified == 3


def test_quarter_one_counts_only_first_quarter_reports(client, edition, pengarah_user, sdm_reports):
    overview = build_overview(edition, YEAR, 1, AFTER_THE_YEAR)
    summary, plan = area_of(overview, SDM)
    assert summary.average == D("91.5")
    assert summary.category.label == "Sangat tinggi"
    assert present(summary) == {
        "no_target": 3,
        "not_reported": 1,
        "unverified": 1,
        "met": 1,
        "on_track": 1,
        "behind": 1,
        "not_yet": 1,
    }
    assert summary.unverified == 1  # Promosi's TW III report waits, but not within TW I
    assert (plan.done, plan.total, plan.percent, plan.unverified) == (0, 19, D("6.58"), 1)
    assert (overview.plan.done, overview.plan.total, overview.plan.percent) == (0, 103, D("1.21"))
    assert share_of(overview, "bkd") == BKD_Q1

    client.force_login(pengarah_user)
    html = client.get(reverse("dashboards:dashboard"), {"year": YEAR, "quarter": 1}).content.decode()
    assert "Keadaan Reformasi Birokrasi 2020 sampai TW" in html
    assert '<option value="1" selected>TW I</option>' in html
    card = section(html, 'aria-label="Ringkasan"', 'id="judul-area"')
    assert '<div class="stat">91,50 %</div>' in card and ">Sangat tinggi</span>" in card
    assert "dibandingkan dengan target s.d. TW I" in card
    assert {key: count for key, (count, _) in summary_card(html).items()} == {
        "no_target": 7,
        "not_reported": 32,
        "unverified": 1,
        "met": 1,
        "on_track": 1,
        "behind": 1,
        "not_yet": 1,
    }
    assert '<span class="badge text-bg-warning">1</span> laporan menunggu verifikasi' in card
    assert ">1,21 %</a>" in card
    bkd_bar = next(bar for bar in chart_data(html)["agencies"] if bar["label"] == "BKD dan Diklat")
    assert bkd_bar["value"] == BKD_Q1[2]

    # The fourth quarter is the whole year again.
    year_end = build_overview(edition, YEAR, 4, AFTER_THE_YEAR)
    assert area_of(year_end, SDM)[0].average == D("82.5")


def test_quarter_counts_link_to_the_items_they_count(client, pengarah_user, sdm_reports):
    """Up to TW I, "Sesuai jadwal 1" on the SDM line must lead to that item, and so on.

    The dashboard's count links carry the quarter, and the achievement page reads the year as it
    stood then (whole years have neither item on track).
    """
    client.force_login(pengarah_user)
    html = client.get(reverse("dashboards:dashboard"), {"year": YEAR, "quarter": 1}).content.decode()
    cells = area_state_cells(html, SDM)
    assert cells["on_track"][0] == 1
    assert listed(client, cells["on_track"][1], sdm_item_names()) == {COMPETENCE}
    assert listed(client, cells["not_yet"][1], sdm_item_names()) == {JOB_ANALYSIS}


def test_the_average_caps_each_item_at_the_configured_cap(edition, settings, sdm_reports):
    """ACHIEVEMENT_CAP is the cap of averages (README, "Achievement").

    With 110: (110 + 60 + min(125, 110) + 40) / 4 = 320 / 4 = 80 %.
    Fails: Summary.average calls achievement.average without the cap, which defaults to 120.
    """
    settings.ACHIEVEMENT_CAP = 110
    summary, _ = area_of(build_overview(edition, YEAR, None, AFTER_THE_YEAR), SDM)
    assert summary.average == D(80)


def test_dashboard_with_nothing_reported_shows_dashes(client, pengarah_user):
    client.force_login(pengarah_user)
    html = client.get(reverse("dashboards:dashboard"), {"year": YEAR}).content.decode()
    card = section(html, 'aria-label="Ringkasan"', 'id="judul-area"')
    assert '<div class="stat">–</div>' in card
    assert "laporan menunggu verifikasi" not in card
    assert summary_card(html)["not_reported"][0] == 37  # 44 items, 7 without a 2020 target
    assert ">0 %</a>" in card and "0 dari 103 rencana aksi selesai" in card


@pytest.mark.parametrize(
    "query", ["year=abc&quarter=9", "year=1999&quarter=", "quarter=0", "year=2020&quarter=x"]
)
def test_dashboard_ignores_a_bad_year_or_quarter(client, pengarah_user, query):
    client.force_login(pengarah_user)
    response = client.get(reverse("dashboards:dashboard") + "?" + query)
    assert response.status_code == 200
    assert response.context["quarter"] is None
    assert response.context["year"] in response.context["years"]


# --- The completeness matrix and the chase list ----------------------------------------------


def jakarta(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


def window_history(period: str, *events: tuple[datetime.datetime, bool]) -> ReportingWindow:
    """A 2020 window opened and closed at the given moments, as its history records them."""
    window = None
    for moment, is_open in events:
        if window is None:
            window = ReportingWindow.objects.create(year=YEAR, period=period, is_open=is_open)
        else:
            window.is_open = is_open
            window.save()
        latest = window.history.order_by("-history_id").first()
        type(latest).objects.filter(pk=latest.pk).update(history_date=moment)
    return window


@pytest.fixture
def bpkd_reports():
    """BPKD's reports and progress, Dinarpus's complete progress, and the 2020 windows.

    BPKD, one line per item and period (TW I-IV, Tahunan):
      Peningkatan pengelolaan tertib adm. keuangan.: verified, submitted, returned, draft, missing
      Opini BPK (5 actions): TW I four verified and one submitted -> submitted (the one needing most
        attention); TW II all five verified; TW III, TW IV missing; no annual cell for action plans
      Tunjangan Kinerja (1 action): nothing
    Windows: TW I opened 1 April, closed 20 April, opened again 5 May; TW II opened 1 July, closed
    15 July; TW III created closed and never opened; no window for TW IV or the year.
    So BPKD is chased for Tunjangan Kinerja TW I (since 1 April) and TW II (since 1 July), since
    1 April; Dinarpus, with both its rows reported for TW I and TW II, is not chased.
    """
    report(BPKD_ACTIVITY, "q1", 40)
    report(BPKD_ACTIVITY, "q2", 42, "submitted")
    report(BPKD_ACTIVITY, "q3", 44, "returned")
    report(BPKD_ACTIVITY, "q4", 45, "draft")
    for order in range(1, 6):
        progress(BPKD_OPINION, order, 1, "in_progress", "submitted" if order == 5 else "verified")
        progress(BPKD_OPINION, order, 2, "done")
    for row in DINARPUS_ROWS:
        progress(row, 1, 1, "in_progress")
        progress(row, 1, 2, "done", "submitted")
    window_history(
        "q1",
        (jakarta(2020, 4, 1, 9), True),
        (jakarta(2020, 4, 20, 16), False),
        (jakarta(2020, 5, 5, 9), True),
    )
    window_history("q2", (jakarta(2020, 7, 1, 9), True), (jakarta(2020, 7, 15, 16), False))
    window_history("q3", (jakarta(2020, 10, 1, 9), False))


NOT_DUE = "Belum jatuh tempo"


def matrix_on(html: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Period headings and (item, cell labels) lines of the rendered matrix."""
    part = section(html, 'id="judul-matriks"')
    headings = re.findall(r'<th scope="col" class="text-center">([^<]*)</th>', part)
    lines = []
    for row in re.findall(r"<tr>(.*?)</tr>", section(part, "<tbody>"), re.S):
        name = re.search(r':</span> <a href="[^"]*">([^<]*)</a>', row)
        if name:
            cells = re.findall(r'<td class="text-center cell cell-[\w-]+">([^<]*)</td>', row)
            lines.append((unescape(name.group(1)), cells))
    return headings, lines


def chase_on(html: str) -> dict[str, tuple[int, str, list[str]]]:
    """Agency -> (missing count, since, the missing reports) from the chase list."""
    part = section(html, 'id="judul-kejar"', 'id="judul-matriks"')
    entries = {}
    for row in re.findall(r"<tr>(.*?)</tr>", part, re.S):
        head = re.search(
            r'<th scope="row"><a href="[^"]*">([^<]*)</a></th>\s*<td class="text-end">(\d+)</td>\s*'
            r'<td class="text-nowrap">([^<]*)</td>',
            row,
        )
        if head:
            items = [unescape(item) for item in re.findall(r"<li>([^<]*)</li>", row)]
            entries[unescape(head.group(1))] = (int(head.group(2)), head.group(3), items)
    return entries


def completeness(client, **query) -> str:
    response = client.get(reverse("dashboards:completeness"), {"year": YEAR, **query})
    assert response.status_code == 200
    return response.content.decode()


def bpkd() -> Agency:
    return Agency.objects.get(code="bpkd")


def test_matrix_cells_of_one_agency(client, staff_user, bpkd_reports):
    client.force_login(staff_user)
    headings, lines = matrix_on(completeness(client, agency=bpkd().pk))
    assert headings == ["TW I", "TW II", "TW III", "TW IV", "Tahunan"]
    # TW III's window never opened and TW IV and the year have none: nothing there is due yet.
    assert sorted(lines) == [
        (BPKD_OPINION, ["Diajukan", "Terverifikasi", NOT_DUE, NOT_DUE, ""]),
        (BPKD_ACTIVITY, ["Terverifikasi", "Diajukan", "Dikembalikan", "Draf", NOT_DUE]),
        (BPKD_TUNJANGAN, ["Belum ada", "Belum ada", NOT_DUE, NOT_DUE, ""]),
    ]


def test_matrix_filters_narrow_rows_and_columns(client, staff_user, edition, bpkd_reports):
    client.force_login(staff_user)
    pengawasan = edition.areas.get(name=PENGAWASAN)
    _, lines = matrix_on(completeness(client, agency=bpkd().pk, area=pengawasan.pk))
    assert sorted(name for name, _ in lines) == [BPKD_OPINION, BPKD_ACTIVITY]

    headings, lines = matrix_on(completeness(client, agency=bpkd().pk, period="q2"))
    assert headings == ["TW II"]
    assert sorted(lines) == [
        (BPKD_OPINION, ["Terverifikasi"]),
        (BPKD_ACTIVITY, ["Diajukan"]),
        (BPKD_TUNJANGAN, ["Belum ada"]),
    ]

    # An area alone: every agency's items there, and nothing from elsewhere.
    tatalaksana = edition.areas.get(name=TATALAKSANA)
    _, lines = matrix_on(completeness(client, area=tatalaksana.pk))
    names = {name for name, _ in lines}
    assert set(DINARPUS_ROWS) <= names and BPKD_ACTIVITY not in names
    assert names == set(
        ActionPlanRow.objects.filter(area=tatalaksana, planned_actions__year=YEAR).values_list(
            "name", flat=True
        )
    )
    dinarpus_lines = [cells for name, cells in lines if name in DINARPUS_ROWS]
    assert dinarpus_lines == [["Terverifikasi", "Diajukan", NOT_DUE, NOT_DUE, ""]] * 2


def test_demo_dates_each_earlier_window_on_the_day_after_its_quarter(settings):
    """The demo's chase list says "sejak 1 April 2020", not the moment the demo was seeded."""
    settings.DEBUG = True  # seed_demo refuses otherwise
    with time_machine.travel(jakarta(2020, 12, 14, 9), tick=False):
        call_command("seed_demo", verbosity=0)
    assert window_openings(YEAR) == {
        "q1": jakarta(2020, 4, 1, 9),
        "q2": jakarta(2020, 7, 1, 9),
        "q3": jakarta(2020, 10, 1, 9),
        "q4": jakarta(2020, 12, 14, 9),  # the quarter of "today", opened as the demo is seeded
    }


def test_chase_list_lists_missing_reports_of_opened_periods_since_their_first_opening(
    client, staff_user, edition, bpkd_reports
):
    client.force_login(staff_user)
    chase = chase_on(completeness(client))
    assert chase["Badan Pengelolaan Keuangan Daerah"] == (
        2,
        "1 April 2020",
        [
            f"{BPKD_TUNJANGAN} · TW I · sejak 1 April 2020",
            f"{BPKD_TUNJANGAN} · TW II · sejak 1 Juli 2020",
        ],
    )
    assert "Dinas Arsip dan Perpustakaan" not in chase  # everything owed is in
    assert "Badan Kepegawaian Daerah dan Diklat" in chase  # nothing reported at all

    _, entries = build_matrix(edition, YEAR, ["q1", "q2", "q3", "q4", "year"], agency=bpkd())
    assert [entry.since for entry in entries] == [jakarta(2020, 4, 1, 9)]

    # Opening TW III makes its missing reports due from that day; a returned report is not missing.
    window = ReportingWindow.objects.get(year=YEAR, period="q3")
    window.is_open = True
    window.save()
    chase = chase_on(completeness(client, agency=bpkd().pk))
    count, since, items = chase["Badan Pengelolaan Keuangan Daerah"]
    today = timezone.localdate()
    assert (count, since) == (4, "1 April 2020")
    assert f"{BPKD_TUNJANGAN} · TW III · sejak {today.day} " in " ".join(items)
    assert any(item.startswith(f"{BPKD_OPINION} · TW III · sejak ") for item in items)
    assert not any(BPKD_ACTIVITY in item for item in items)


def test_chase_list_follows_the_period_filter(client, staff_user, bpkd_reports):
    client.force_login(staff_user)
    chase = chase_on(completeness(client, period="q2", agency=bpkd().pk))
    assert chase == {
        "Badan Pengelolaan Keuangan Daerah": (
            1,
            "1 Juli 2020",
            [f"{BPKD_TUNJANGAN} · TW II · sejak 1 Juli 2020"],
        )
    }
    html = completeness(client, period="q4", agency=bpkd().pk)  # no TW IV window yet: nobody to chase
    assert chase_on(html) == {}
    assert "Tidak ada laporan yang tertunggak" in html


@pytest.mark.parametrize(
    "query",
    [
        {"agency": "abc"},
        {"agency": "999999"},
        {"area": "x"},
        {"area": "999999"},
        {"period": "q9"},
        {"year": "abc"},
        {"year": "1999", "period": "tahun"},
    ],
)
def test_an_invalid_filter_is_ignored(client, staff_user, bpkd_reports, query):
    client.force_login(staff_user)
    response = client.get(reverse("dashboards:completeness"), query)
    assert response.status_code == 200
    if "year" not in query:
        assert list(response.context["form"].errors) == list(query)  # and the form says so
    headings, lines = matrix_on(response.content.decode())
    names = {name for name, _ in lines}
    assert {BPKD_ACTIVITY, *DINARPUS_ROWS} <= names  # the bad filter narrows nothing
    assert len(headings) == 5


# --- Who sees what ---------------------------------------------------------------------------


def test_the_tim_pengarah_reads_the_dashboard_but_not_the_matrix(client, pengarah_user):
    client.force_login(pengarah_user)
    response = client.get(reverse("dashboards:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dasbor Tim Pengarah" in html
    assert f'href="{reverse("dashboards:completeness")}"' not in html
    assert client.get(reverse("dashboards:completeness")).status_code == 403


def test_staff_find_the_matrix_in_the_menu(client, staff_user):
    client.force_login(staff_user)
    html = client.get(reverse("dashboards:dashboard")).content.decode()
    assert f'href="{reverse("dashboards:completeness")}">Kelengkapan laporan</a>' in html
    assert "Yang perlu dikejar" in client.get(reverse("dashboards:completeness")).content.decode()


def test_an_agency_admin_cannot_open_the_matrix(client, bkd_user):
    client.force_login(bkd_user)
    assert client.get(reverse("dashboards:dashboard")).status_code == 200
    assert client.get(reverse("dashboards:completeness")).status_code == 403


def test_the_dashboard_is_remembered_until_the_data_changes(
    client, pengarah_user, staff_user, sdm_reports, django_assert_max_num_queries
):
    client.force_login(pengarah_user)
    url = reverse("dashboards:dashboard") + f"?year={YEAR}"
    first = client.get(url).content.decode()
    with django_assert_max_num_queries(12):  # the figures come from memory: a fingerprint, no evaluation
        again = client.get(url).content.decode()
    assert summary_card(again) == summary_card(first)

    waiting = Realisation.objects.get(activity__name=PROMOTION, period="q3")
    services.review_reports(reports=[waiting], verify=True, user=staff_user)
    after_review = summary_card(client.get(url).content.decode())
    assert after_review["met"][0] == summary_card(first)["met"][0] + 1  # Promosi now counts as met

    Realisation.objects.filter(activity__name=PROMOTION).delete()
    after_delete = summary_card(client.get(url).content.decode())
    assert after_delete["met"][0] == after_review["met"][0] - 1
    assert after_delete["not_reported"][0] == after_review["not_reported"][0] + 1


def test_achievement_rows_are_written_as_django_tables2_writes_them(rf, sdm_reports):
    """The achievement table writes its rows in one pass (roadmap.tables.OnePassRows); the page must
    not change by it: the same markup as the library's own row template, for every kind of cell."""
    from dashboards.tables import AchievementTable
    from dashboards.views.achievement import achievement_rows
    from roadmap.models import RoadmapEdition
    from tests.table_parity import written_both_ways

    edition = RoadmapEdition.objects.current()
    indicators = Indicator.objects.of_edition(edition).select_related("area", "scale")
    activities = PriorityActivity.objects.of_edition(edition).select_related("area", "quick_win", "agency")
    rows = achievement_rows(
        indicators.prefetch_related("targets__level"), activities.prefetch_related("targets"), 2020
    )
    assert {row["status"].state for row in rows} >= {"met", "not_met", "not_reported", "no_target"}
    request = rf.get("/achievement/", {"sort": "-percent"})
    one_pass, library = written_both_ways(partial(AchievementTable, rows), request, per_page=500)
    assert one_pass == library
    assert one_pass.count("<tr") == 1 + len(rows)
