"""An item's year against its target, from real reports: numbers, levels, quarters and drafts."""

import datetime
from decimal import Decimal as D

import pytest

from actions.models import PriorityActivity
from areas.models import Indicator, ScaleLevel
from monev.models import ReviewState
from monev.standing import Rules, year_status
from tests.factories import RealisationFactory

pytestmark = pytest.mark.django_db

DEFAULT_RULES = Rules(cap=D(120), lower_formula="official", with_notes_meets_level=False, rank_overrides={})
TODAY = datetime.date(2020, 7, 1)


def indicator(name: str) -> Indicator:
    return (
        Indicator.objects.select_related("scale")
        .prefetch_related("targets__level", "scale__levels")
        .get(name=name)
    )


def activity(name: str) -> PriorityActivity:
    return PriorityActivity.objects.prefetch_related("targets").get(name=name)


def report(item, year, period, number=None, level=None, state=ReviewState.VERIFIED):
    key = "indicator" if isinstance(item, Indicator) else "activity"
    return RealisationFactory(
        **{key: item}, year=year, period=period, number=number, level=level, review_state=state
    )


def status_of(item, year, rules=DEFAULT_RULES, today=TODAY):
    item = type(item).objects.prefetch_related("targets__level", "realisations__level").get(pk=item.pk)
    if isinstance(item, Indicator) and item.scale_id:
        item.scale.levels.all()  # warm the cache the way the views prefetch it
    return year_status(item, year, rules, today)


def test_the_regulations_own_fact_sakip_2019_meets_its_target():
    sakip = indicator("Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")
    status = status_of(sakip, 2019)
    assert (status.value_display, status.target_display) == ("63,52/B", "B")
    assert status.percent is None and status.met and status.steps == 0  # a grade: met, no percentage
    assert (status.achievement_display, status.state) == ("Tercapai", "met")
    assert status.reports[0].source.startswith("Perbup 40/2020")


def test_spip_2018_fact_against_its_numeric_target():
    status = status_of(indicator("Maturitas Sistem Pengendalian Instansi Pemerintahan"), 2018)
    assert status.number == D("3.01")
    assert status.percent == D("91.21")  # 3,01 / 3,3, rounded as shown
    assert status.category.key == "very_high"


def test_a_sakip_score_alone_gives_its_grade():
    sakip = indicator("Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")
    report(sakip, 2020, "year", number=D("72.10"))
    status = status_of(sakip, 2020)
    assert status.level.code == "BB" and status.met


def test_with_notes_is_half_a_step_below_unless_the_setting_says_it_meets():
    apip = indicator("Kapabilitas Aparatur Pengawas Intern Pemerintahan")
    report(apip, 2020, "year", level=ScaleLevel.objects.get(scale__code="kapabilitas-apip", code="3DC"))
    status = status_of(apip, 2020)
    assert (status.met, status.steps, status.state) == (False, D("-0.5"), "not_yet")
    assert (status.percent, status.achievement_display) == (None, "½ tingkat di bawah target")
    lenient = Rules(cap=D(120), lower_formula="official", with_notes_meets_level=True, rank_overrides={})
    assert status_of(apip, 2020, rules=lenient).met


def test_bpk_opinions_tw_and_tmp_are_tied_by_default_and_can_be_untied():
    bpk = indicator("Opini Badan Pemeriksa Keuangan atas lap. Keuangan")
    report(bpk, 2020, "year", level=ScaleLevel.objects.get(scale__code="opini-bpk", code="TW"))
    assert status_of(bpk, 2020).steps == -2  # TW/TMP, then WDP, then WTP
    untied = Rules(
        cap=D(120),
        lower_formula="official",
        with_notes_meets_level=False,
        rank_overrides={"opini-bpk": {"TMP": -1}},
    )
    assert status_of(bpk, 2020, rules=untied).steps == -2  # TW still two steps below WTP
    report(bpk, 2019, "year", level=ScaleLevel.objects.get(scale__code="opini-bpk", code="TMP"))
    assert status_of(bpk, 2019).steps == -2
    assert status_of(bpk, 2019, rules=untied).steps == -3


def test_quarters_add_up_for_counts_and_drafts_do_not_count():
    promosi = activity("Promosi jabatan secara terbuka.")  # target 125 ASN in 2020, summed by quarter
    report(promosi, 2020, "q1", number=D(30))
    report(promosi, 2020, "q2", number=D(20))
    report(promosi, 2020, "q3", number=D(50), state=ReviewState.DRAFT)
    status = status_of(promosi, 2020)
    assert status.number == 50 and status.drafts == 1
    assert status.percent == 40
    assert status.on_track is False  # 40 % reported, half the year gone
    assert status.state == "behind"


def test_the_latest_quarter_stands_for_levels_and_percentages():
    gratifikasi = activity("Penanganan gratifikasi.")  # %, latest value
    report(gratifikasi, 2020, "q1", number=D(80))
    report(gratifikasi, 2020, "q2", number=D(100))
    status = status_of(gratifikasi, 2020)
    assert status.number == 100 and status.state == "met"


def test_an_annual_report_outranks_the_quarters():
    promosi = activity("Promosi jabatan secara terbuka.")
    report(promosi, 2020, "q1", number=D(30))
    report(promosi, 2020, "year", number=D(130))
    status = status_of(promosi, 2020)
    assert status.number == 130 and status.basis == "laporan tahunan" and status.percent == 104


def test_no_target_means_no_figure():
    integritas = indicator("Indeks Integritas")
    report(integritas, 2020, "year", number=D(72))
    status = status_of(integritas, 2020)
    assert status.reported and not status.has_target
    assert status.percent is None and status.category is None and status.state == "no_target"


def test_a_zero_target_met_by_reporting():
    zona = activity(
        "Pembangunan Zona Integritas (Wilayah Bebas dari Korupsi/ Wilayah Birokrasi Bersih Melayani)"
    )
    report(zona, 2016, "year", number=D(0))
    assert status_of(zona, 2016).percent == 100


def test_not_reported_yet():
    status = status_of(activity("Audit laporan keuangan."), 2020)
    assert status.state == "not_reported" and status.percent is None


def test_only_verified_reports_count_and_the_rest_is_shown_apart():
    promosi = activity("Promosi jabatan secara terbuka.")
    report(promosi, 2020, "q1", number=D(30))
    report(promosi, 2020, "q2", number=D(20), state=ReviewState.SUBMITTED)
    report(promosi, 2020, "q3", number=D(10), state=ReviewState.RETURNED)
    status = status_of(promosi, 2020)
    assert (status.number, status.percent) == (30, 24)  # the verified quarter alone
    assert (status.unverified, status.returned) == (1, 1)
    assert (status.provisional.number, status.provisional.percent) == (50, 40)


def test_awaiting_verification_is_a_state_of_its_own():
    audit = activity("Audit laporan keuangan.")
    report(audit, 2020, "q1", number=D(45), state=ReviewState.SUBMITTED)
    status = status_of(audit, 2020)
    assert not status.reported and status.state == "unverified" and status.percent is None


def test_two_against_a_target_of_three_is_one_step_below_and_a_closed_year_is_not_met():
    apip = indicator("Kapabilitas Aparatur Pengawas Intern Pemerintahan")
    report(apip, 2020, "year", level=ScaleLevel.objects.get(scale__code="kapabilitas-apip", code="2"))
    status = status_of(apip, 2020, today=datetime.date(2021, 2, 1))
    assert (status.steps, status.state, status.state_label) == (-1, "not_met", "Tidak tercapai")
    assert status.achievement_display == "1 tingkat di bawah target"


def test_with_notes_target_met_by_with_notes_is_level_whatever_the_setting():
    apip = indicator("Kapabilitas Aparatur Pengawas Intern Pemerintahan")  # 2017 target: 3 Dengan Catatan
    report(apip, 2017, "year", level=ScaleLevel.objects.get(scale__code="kapabilitas-apip", code="3DC"))
    lenient = Rules(cap=D(120), lower_formula="official", with_notes_meets_level=True, rank_overrides={})
    for rules in (DEFAULT_RULES, lenient):
        status = status_of(apip, 2017, rules=rules)
        assert (status.met, status.steps) == (True, 0)
    report(apip, 2018, "year", level=ScaleLevel.objects.get(scale__code="kapabilitas-apip", code="3DC"))
    assert status_of(apip, 2018, rules=lenient).steps == 0  # 3 DC meets 3 when notes do not matter


def test_a_comparator_target_must_be_satisfied():
    lhkpn = indicator(
        "Persentase pemenuhan Laporan Harta Kekayaan Penyelenggara Negara dan Laporan Harta Kekayaan "
        "Aparatur Sipil Negara"
    )
    lhkpn.targets.filter(year=2020).update(as_written=">97", comparator=">")
    report(lhkpn, 2020, "year", number=D(97))
    status = status_of(lhkpn, 2020, today=datetime.date(2021, 1, 5))
    assert (status.percent, status.met, status.state) == (100, False, "not_met")  # 97 is not more than 97


def test_a_rate_with_nothing_to_count_is_nil_not_zero():
    wbs = indicator("Persentase aduan Whistle Blowing Sistem yang ditangani")
    RealisationFactory(indicator=wbs, year=2020, period="year", is_nil=True, review_state="verified")
    status = status_of(wbs, 2020)
    assert (status.reported, status.nil, status.number, status.percent) == (True, True, None, None)
    assert (status.value_display, status.state_label) == ("nihil", "Nihil")


def test_a_latest_value_item_in_an_open_year_is_not_yet_met_rather_than_behind():
    gratifikasi = activity("Penanganan gratifikasi.")  # %, latest value, target 100
    report(gratifikasi, 2020, "q1", number=D(80))
    status = status_of(gratifikasi, 2020)
    assert (status.on_track, status.state, status.basis) == (None, "not_yet", "TW I (terakhir)")
    assert status.incomplete


def test_a_summed_quarter_gap_is_named_in_the_basis():
    promosi = activity("Promosi jabatan secara terbuka.")
    report(promosi, 2020, "q1", number=D(30))
    report(promosi, 2020, "q3", number=D(40))
    status = status_of(promosi, 2020, today=datetime.date(2020, 10, 15))
    assert status.basis == "jumlah TW I, III; TW II belum dilaporkan" and status.incomplete
    assert status.number == 70 and status.state == "behind"  # 70 of the 93,75 due after three quarters


def test_up_to_a_quarter_summed_items_meet_the_target_due_by_then():
    promosi = activity("Promosi jabatan secara terbuka.")  # 125 in 2020
    report(promosi, 2020, "q1", number=D(30))
    item = type(promosi).objects.prefetch_related("targets__level", "realisations__level").get(pk=promosi.pk)
    status = year_status(item, 2020, DEFAULT_RULES, datetime.date(2021, 3, 1), up_to_quarter=1)
    assert (status.percent, status.due_label, status.state) == (D("96.00"), "target s.d. TW I", "behind")


def test_percentages_round_half_up_and_the_category_follows_the_figure_shown():
    kebutuhan = activity("Perencanaan kebutuhan pegawai.")  # 400 ASN in 2020
    report(kebutuhan, 2020, "year", number=D("246.9"))
    status = status_of(kebutuhan, 2020)
    assert (status.percent, status.percent_display) == (D("61.73"), "61,73 %")
    report(kebutuhan, 2019, "year", number=D("595.1"))  # 654 in 2019: 90,9939… shown as 90,99
    assert status_of(kebutuhan, 2019).category.key == "high"
    report(kebutuhan, 2016, "year", number=D("363.98"))  # 400 in 2016: 90,995 is shown as 91,00
    shown = status_of(kebutuhan, 2016)
    assert (shown.percent_display, shown.category.key) == ("91,00 %", "very_high")
