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
    assert status.percent == 100 and status.met and status.steps == 0
    assert status.reports[0].source.startswith("Perbup 40/2020")


def test_spip_2018_fact_against_its_numeric_target():
    status = status_of(indicator("Maturitas Sistem Pengendalian Instansi Pemerintahan"), 2018)
    assert status.number == D("3.01")
    assert status.percent.quantize(D("0.01")) == D("91.21")  # 3,01 / 3,3
    assert status.category.key == "very_high"


def test_a_sakip_score_alone_gives_its_grade():
    sakip = indicator("Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")
    report(sakip, 2020, "year", number=D("72.10"))
    status = status_of(sakip, 2020)
    assert status.level.code == "BB" and status.met


def test_with_notes_is_one_step_below_unless_the_setting_says_it_meets():
    apip = indicator("Kapabilitas Aparatur Pengawas Intern Pemerintahan")
    report(apip, 2020, "year", level=ScaleLevel.objects.get(scale__code="kapabilitas-apip", code="3DC"))
    status = status_of(apip, 2020)
    assert (status.met, status.steps, status.state) == (False, -1, "behind")
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
