"""The Perbup 40/2020 fixtures against the regulation's text, and loading them idempotently."""

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from actions.loading import load_roadmap
from actions.models import (
    ActionPlanRow,
    ActivityTarget,
    PlannedAction,
    PriorityActivity,
    QuickWin,
    SupportScope,
)
from areas.models import (
    AreaPlacement,
    ChangeArea,
    ExpectedResult,
    Indicator,
    IndicatorTarget,
    PokjaMembership,
)
from roadmap.loading import FixtureError
from roadmap.models import Agency, DocumentTable, LegalBasis, Risk, RiskSolution, Team, TeamMember

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EDITION = FIXTURES / "perbup-40-2020"
SOURCE = FIXTURES / "source" / "perbup-40-2020.txt"


def normalised(text: str) -> str:
    text = re.sub(r"</?i>", "", text)  # inline italics, as in "(<i>open government</i>)"
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("*", "").replace("•", " ")
    return " ".join(text.split())


def load(name: str):
    return json.loads((EDITION / name).read_text(encoding="utf-8"))


# Strings a careful reader joins or mends, each with the reason (see fixtures/README.md).
MENDED = {
    "Advokasi Pemenuhan Pelaporan Laporan Harta Kekayaan Penyelenggara Negara.": "row crosses a page break",
    "Sistem, proses dan prosedur kerja yang jelas, efektif, efisien, terukur dan sesuai dengan prinsip-prinsip "
    "good governance": "row crosses a page break",
    "Reviu Laporan Kinerja Instansi Pemerintah Kabupaten dan Perangkat Daerah oleh Inspektorat": (
        "bullet crosses a page break; the repeated word 'Daerah' is dropped"
    ),
    "Kelompok Kerja Area Penataan Peraturan Perundang-Undangan": "duplicated word 'Penataan Penataan'",
    "PENATAAN KELEMBAGAAN": "the converter split the word 'KELEMBAGAA N'",
    "c. Peningkatan pengawasan penyelenggaraan pemerintahan dengan penguatan implementasi kebijakan pengendalian "
    "intern Pemerintah Provinsi (Sistem Pengendalian Internal Pemerintah) secara baik, perkuatan kapabilitas Aparat "
    "Pengawas Internal Pemerintah dari sisi quality assurance dan consulting partner, serta pengendalian produk "
    "hukum dan penegakkan perda dengan fasilitasi dan harmonisasi produk hukum dan penindakan produk hukum "
    "daerah.": "cell crosses a page break",
}


def fixture_texts() -> list[tuple[str, str]]:
    """Every free-text string the fixtures take from the regulation, with where it comes from."""
    texts: list[tuple[str, str]] = []
    add = texts.append
    for area in load("areas.json")["areas"]:
        for placement in area["placements"]:
            add((placement["name"], f"areas.json {area['slug']} {placement['section']}"))
        for results in area["expected_results"].values():
            texts += [(r, f"areas.json {area['slug']} expected result") for r in results]
    for table in load("targets.json")["tables"]:
        add((table["title"], table["table"]))
        for row in table["rows"]:
            add((row["name"], table["table"]))
            texts += [(cell, f"{table['table']} {row['name']}") for cell in row["targets"] if cell]
            if row["unit"] != "-":
                add((row["unit"], f"{table['table']} unit"))
    for quick_win in load("quick-wins.json")["quick_wins"]:
        add((quick_win["name"], "quick win name"))
        texts += [(p, f"quick win {quick_win['number']} description") for p in quick_win["description"]]
        for table in quick_win["tables"]:
            add((table["title"], table["table"]))
            texts += [(row["name"], table["table"]) for row in table["rows"]]
    for area in load("action-plan.json")["areas"]:
        add((area["name_as_written"], "action plan area"))
        texts += [(group["title"], f"action plan {area['area']} group") for group in area["groups"]]
        for row in area["rows"]:
            where = f"action plan {area['area']} {row['name']}"
            add((row["name"], where))
            add((row["supporting"], where))
            for cell in row["actions"].values():
                if isinstance(cell, list):
                    texts += [(action, where) for action in cell]
    for team in load("teams.json")["teams"]:
        add((team["name"], "teams.json"))
        for member in team["members"]:
            add((member["position"], team["name"]))
            add((member["office"], team["name"]))
    for risk in load("risks.json")["risks"]:
        add((risk["obstacle"], "risks.json"))
        texts += [(s, "risks.json") for s in risk["solutions"]]
    regulation = load("regulation.json")
    for kind in ("menimbang", "mengingat", "dasar_hukum"):
        texts += [(basis["text"], f"regulation.json {kind}") for basis in regulation[kind]]
    for table in load("document-tables.json")["tables"]:
        for row in table["header"] + table["rows"]:
            for cell in row:
                text = cell["text"] if isinstance(cell, dict) else cell
                texts += [(line.lstrip("• "), table["title"]) for line in text.split("\n") if line.strip()]
    agencies = json.loads((FIXTURES / "agencies.json").read_text(encoding="utf-8"))["agencies"]
    for agency in agencies:
        texts += [(spelling, f"spelling of {agency['code']}") for spelling in agency["spellings"]]
    return texts


def test_every_text_in_the_fixtures_is_written_in_the_regulation():
    source = normalised(SOURCE.read_text(encoding="utf-8"))
    missing = [
        (text, where)
        for text, where in fixture_texts()
        if normalised(text) not in source and text not in MENDED
    ]
    assert missing == []


def test_every_mended_text_is_still_used():
    used = {text for text, _ in fixture_texts()}
    assert set(MENDED) <= used


pytestmark = pytest.mark.django_db


def target(indicator_name: str, year: int) -> IndicatorTarget:
    return IndicatorTarget.objects.select_related("level").get(indicator__name=indicator_name, year=year)


def activity_target(activity_name: str, year: int) -> ActivityTarget:
    return ActivityTarget.objects.get(activity__name=activity_name, year=year)


def test_sample_targets_match_the_regulation():
    assert target("Indeks Reformasi Birokrasi", 2018).number == Decimal("60.53")
    assert target("Indeks Reformasi Birokrasi", 2017).display == "53,75"
    assert not target("Indeks Reformasi Birokrasi", 2020).is_set
    assert target("Maturitas Sistem Pengendalian Instansi Pemerintahan", 2020).number == Decimal("3.5")
    assert activity_target("Promosi jabatan secara terbuka.", 2020).number == 125
    assert activity_target("Pengembangan pegawai berbasis kompetensi.", 2016).number == 3900
    assert activity_target("Perencanaan kebutuhan pegawai.", 2019).number == 654
    sakip = target("Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah", 2020)
    assert (sakip.number, sakip.level.code) == (None, "BB")
    bpk = target("Opini Badan Pemeriksa Keuangan atas lap. Keuangan", 2016)
    assert bpk.level.label == "Wajar Tanpa Pengecualian"
    apip = [
        target("Kapabilitas Aparatur Pengawas Intern Pemerintahan", y).level.label for y in range(2016, 2021)
    ]
    assert apip == ["3 Dengan Catatan", "3 Dengan Catatan", "3", "3", "3"]
    wbk = [target("Unit kerja berpredikat Wilayah Bebas dari Korupsi/ Wilayah Birokrasi Bersih Melayani", y).number for y in range(2016, 2021)]  # fmt: skip
    assert wbk == [0, 1, 5, 5, 5]
    assert all(n is not None for n in wbk)  # a target of 0 is a target, unlike "-"


def test_empty_cells_and_dashes_are_both_no_target_but_kept_apart_as_written():
    cells = IndicatorTarget.objects.filter(
        indicator__name="Persentase Aparatur Sipil Negara yang tersertifikasi kompetensi"
    )
    assert list(cells.order_by("year").values_list("as_written", flat=True)) == ["-", "-", "-", "", ""]
    assert not any(t.is_set for t in cells)


def test_typed_targets_write_back_exactly_as_the_regulation_does():
    for model in (IndicatorTarget, ActivityTarget):
        for item in model.objects.select_related("level"):
            if item.is_set:
                assert item.display == item.as_written, item
            else:
                assert item.as_written in ("-", "")


def test_counts_match_the_regulation(edition):
    assert edition.areas.count() == 8
    assert Indicator.objects.of_edition(edition).count() == 15
    assert PriorityActivity.objects.filter(area__edition=edition).count() == 25
    assert PriorityActivity.objects.filter(quick_win__edition=edition).count() == 4
    assert QuickWin.objects.filter(edition=edition).count() == 3
    assert PokjaMembership.objects.filter(area__edition=edition).count() == 22
    assert [t.members.count() for t in Team.objects.filter(edition=edition)] == [5, 13]
    assert Risk.objects.filter(edition=edition).count() == 4
    assert RiskSolution.objects.filter(risk__edition=edition).count() == 6
    assert [edition.legal_bases.filter(kind=k).count() for k in LegalBasis.Kind] == [2, 12, 10]
    assert DocumentTable.objects.filter(edition=edition).count() == 7
    assert AreaPlacement.objects.filter(area__edition=edition).count() == 47
    assert ExpectedResult.objects.filter(area__edition=edition, section="IV.A.2").count() == 10
    assert ExpectedResult.objects.filter(area__edition=edition, section="IV.B.1").count() == 20


def test_action_plan_rows_per_area(edition):
    counts = [area.action_rows.count() for area in edition.areas.all()]
    # Areas in the order of Bab II.A; the action plan itself puts Akuntabilitas (9) before Pengawasan (11).
    assert counts == [10, 6, 2, 10, 17, 11, 9, 11]
    assert PlannedAction.objects.filter(row__area__edition=edition, year=2020).count() == 103
    assert PlannedAction.objects.filter(row__area__edition=edition, year=2021).count() == 98


def test_action_plan_details(edition):
    rows = ActionPlanRow.objects.of_edition(edition)
    jf = rows.get(name="Pengembangan jabatan fungsional")
    assert [lead.agency.code for lead in jf.leads.all()] == ["bkd", "bagian-organisasi"]
    assert jf.planned_actions.filter(year=2021).count() == 3
    lhkpn = rows.get(name__startswith="Pemenuhan pelaporan Laporan Harta")
    assert [lead.agency.code for lead in lhkpn.leads.all()] == ["bkd", "inspektorat"]
    sosialisasi = rows.get(name="Sosialisasi Road Map Reformasi Birokrasi")
    assert sosialisasi.planned_actions.filter(year=2020).count() == 0
    assert sosialisasi.support_scope == SupportScope.AREA_RELATED
    lapor = rows.get(name="Pembangunan sistem aplikasi pelayanan publik yang terintegrasi")
    assert list(lapor.planned_actions.filter(year=2021).values_list("text", flat=True))[-1] == (
        "Pengembangan System LAPOR SIP"
    )
    assert (
        rows.get(name="Penerapan maklumat pelayanan").group.label
        == "3. Kegiatan Peningkatan Kinerja Unit Pelayanan Publik"
    )
    assert rows.filter(support_scope=SupportScope.ALL).count() == 69


def test_agencies_are_canonical(edition):
    tables_52 = PriorityActivity.objects.filter(area__slug="pengawasan").order_by("order")
    assert [a.agency.code if a.agency else None for a in tables_52] == [
        "bkd", "inspektorat", "inspektorat", "bpkd", "inspektorat", *["inspektorat"] * 6,
    ]  # fmt: skip
    # Rows 6-11 name no Pengampu; Bab VI names Inspektorat as their Utama, and the reason is kept.
    assert [bool(a.agency_note) for a in tables_52] == [False] * 5 + [True] * 6
    assert "Bab VI" in tables_52[5].agency_note
    assert PriorityActivity.objects.get(name="Pembangunan Budaya integritas").agency.code == "inspektorat"
    assert QuickWin.objects.get(number=1).lead_agency.code == "dpmptsp"
    assert Agency.objects.get(code="bkd").name == "Badan Kepegawaian Daerah dan Diklat"


def snapshot() -> dict:
    """Every row of every roadmap table, for comparing the database before and after a load."""
    models = [
        ChangeArea, AreaPlacement, ExpectedResult, PokjaMembership, Indicator, IndicatorTarget, PriorityActivity,
        ActivityTarget, QuickWin, ActionPlanRow, PlannedAction, Agency, Team, TeamMember, Risk, RiskSolution,
        LegalBasis, DocumentTable,
    ]  # fmt: skip
    return {model.__name__: sorted(map(str, model.objects.values_list())) for model in models}


def test_loading_twice_changes_nothing():
    before = snapshot()
    stats = load_roadmap(root=FIXTURES)
    assert (stats.total("created"), stats.total("updated"), stats.total("removed")) == (0, 0, 0)
    assert stats.total("unchanged") > 800
    assert snapshot() == before


def test_load_command_reports_what_it_did(capsys):
    call_command("load_roadmap")
    assert "0 created, 0 updated" in capsys.readouterr().out


@pytest.fixture
def fixtures_copy(tmp_path) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return tmp_path / "fixtures"


def edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_corrected_fixture_updates_in_place_and_drops_what_it_no_longer_lists(fixtures_copy):
    def fix(data):
        data["tables"][0]["rows"][1]["targets"][4] = "70,00"

    edit_json(fixtures_copy / "perbup-40-2020" / "targets.json", fix)
    edit_json(
        fixtures_copy / "perbup-40-2020" / "risks.json", lambda data: data["risks"][1]["solutions"].pop()
    )
    stats = load_roadmap(root=fixtures_copy)
    assert (stats.total("created"), stats.total("updated"), stats.total("removed")) == (0, 1, 1)
    assert target("Indeks Reformasi Birokrasi", 2020).number == 70
    assert Risk.objects.get(number=2).solutions.count() == 1


def test_an_unknown_agency_spelling_is_refused_and_nothing_is_written(fixtures_copy):
    edit_json(
        fixtures_copy / "perbup-40-2020" / "targets.json",
        lambda data: data["tables"][1]["rows"][0].update(agency="Dinas Entah Apa"),
    )
    before = snapshot()
    with pytest.raises(FixtureError, match="'Dinas Entah Apa' is not a name or spelling"):
        load_roadmap(root=fixtures_copy)
    assert snapshot() == before


def test_an_unreadable_target_is_refused(fixtures_copy):
    edit_json(
        fixtures_copy / "perbup-40-2020" / "targets.json",
        lambda data: data["tables"][0]["rows"][1]["targets"].__setitem__(1, "53.75"),
    )
    with pytest.raises(FixtureError, match="Tabel 1.1 row 2 2017"):
        load_roadmap(root=fixtures_copy)


def test_group_headings_with_agencies_match_their_rows():
    """Area 8's numbered 'Kegiatan' carry Utama/Pendukung; every sub-activity under them repeats them."""
    for area in load("action-plan.json")["areas"]:
        for group in (g for g in area["groups"] if "lead" in g):
            rows = [row for row in area["rows"] if row["group"] == group["code"]]
            assert rows
            assert all(
                (row["lead"], row["supporting"]) == (group["lead"], group["supporting"]) for row in rows
            )
