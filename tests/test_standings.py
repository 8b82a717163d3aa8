"""Stored standings (monev.standings): after any writes, what the pages read equals a fresh computation.

The property test reads every item's standing (which stores a row per item, year and cut), drives
the same services the forms and the import use (reports saved as drafts or submitted, corrected,
verified or returned one by one or together, deleted as in the admin, targets rewritten, items
changed) and then compares every stored row, as it is, with ``monev.standing.year_status`` over the
reports themselves; then the standings read on other days and with other rules, and the rows
``rebuild`` makes.
"""

import datetime
import threading
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from actions.models import PriorityActivity
from areas.models import Indicator
from editions import services as editions_services
from monev import services, standings
from monev.models import Realisation, ReviewState, Standing
from monev.periods import periods_up_to
from monev.standing import Rules, year_status
from roadmap.models import RoadmapEdition
from tests.factories import RealisationFactory

pytestmark = pytest.mark.django_db

PROMOSI = "Promosi jabatan secara terbuka."  # summed quarters, target 125 in 2020
BUDAYA = "Pembangunan Budaya integritas"  # the latest quarter counts, target 45
SAKIP = "Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah"  # a grade, or a score read as one
SPIP = "Maturitas Sistem Pengendalian Instansi Pemerintahan"  # a number on a scale of levels
APIP = "Kapabilitas Aparatur Pengawas Intern Pemerintahan"  # a level; "3 Dengan Catatan" is half a step
ITEMS = [
    (PriorityActivity, PROMOSI),
    (PriorityActivity, BUDAYA),
    (Indicator, SAKIP),
    (Indicator, SPIP),
    (Indicator, APIP),
]
TARGETS = {
    PROMOSI: ["125", "0", ">=130", "-"],
    BUDAYA: ["45", "<=40", "-"],
    SAKIP: ["B", "BB", "-"],
    SPIP: ["3,1", ">3,5", "-"],
    APIP: ["3", "3 Dengan Catatan", "-"],
}
YEARS = (2019, 2020)
PERIODS = ("q1", "q2", "q3", "q4", "year")
CUTS = (None, 1, 2, 3, 4)
DAYS = (
    datetime.date(2019, 5, 2),
    datetime.date(2020, 7, 1),
    datetime.date(2020, 12, 31),
    datetime.date(2022, 1, 3),
)
LENIENT = Rules(
    cap=D(100), lower_formula="ratio", with_notes_meets_level=True, rank_overrides={}, score_ordinals=True
)

item_index = st.integers(0, len(ITEMS) - 1)
value = st.one_of(st.none(), st.decimals(0, 300, places=2), st.integers(0, 7))  # nihil, a number, a level
operation = st.one_of(
    st.tuples(
        st.just("save"), item_index, st.sampled_from(YEARS), st.sampled_from(PERIODS), value, st.booleans()
    ),
    st.tuples(st.just("review"), st.integers(0, 20), st.booleans()),  # the n-th report awaiting review
    st.tuples(st.just("review all"), st.booleans()),
    st.tuples(st.just("delete"), st.integers(0, 20)),  # the n-th report
    st.tuples(st.just("target"), item_index, st.sampled_from(YEARS), st.integers(0, 3)),
    st.tuples(
        st.just("item"), item_index, st.sampled_from(["sum", "latest"]), st.sampled_from(["higher", "lower"])
    ),
)


def items(with_reports: bool = False) -> list:
    found = []
    for model, name in ITEMS:
        queryset = model.objects.filter(name=name).prefetch_related("targets__level")
        if model is Indicator:
            queryset = queryset.select_related("scale").prefetch_related("scale__levels")
        if with_reports:  # as the pages over the roadmap read them: drafts never count
            reports = Realisation.objects.exclude(review_state=ReviewState.DRAFT).select_related("level")
            queryset = queryset.prefetch_related(Prefetch("realisations", queryset=reports))
        found.append(queryset.get())
    return found


def nth(reports, n: int) -> Realisation | None:
    reports = list(reports.order_by("pk"))
    return reports[n % len(reports)] if reports else None


def apply(step: tuple, reporter, reviewer) -> None:
    kind, *args = step
    item = items()[args[0]] if kind in ("save", "target", "item") else None
    if kind == "save":
        _, year, period, typed, submit = args
        level = number = None
        if isinstance(typed, int) and getattr(item, "scale", None):
            levels = list(item.scale.levels.order_by("order"))
            level = levels[typed % len(levels)]
        elif typed is not None:
            number = D(typed)
        services.save_realisation(
            item=item, year=year, period=period, number=number, level=level, is_nil=typed is None,
            submit=submit, reason="uji", user=reporter,
        )  # fmt: skip
    elif kind == "review":
        report = nth(Realisation.objects.filter(review_state=ReviewState.SUBMITTED), args[0])
        if report is not None:
            services.review_reports(reports=[report], verify=args[1], note="Periksa lagi.", user=reviewer)
    elif kind == "review all":
        waiting = list(Realisation.objects.filter(review_state=ReviewState.SUBMITTED))
        services.review_reports(reports=waiting, verify=args[0], note="Periksa lagi.", user=reviewer)
    elif kind == "delete":
        report = nth(Realisation.objects.all(), args[0])
        if report is not None:
            report.delete()  # as in the admin: no service deletes reports
    elif kind == "target":
        choices = TARGETS[item.name]
        services.change_targets(
            item=item, cells={args[1]: choices[args[2] % len(choices)]}, reason="uji", user=reporter
        )
    elif kind == "item":
        item.aggregation, item.direction = args[1], args[2]
        item.save()


def without_reports(status):
    """A status as compared here: which reports lie behind the figure is checked by the state it gives."""
    if status is not None:
        status.reports = []
        without_reports(status.provisional)
    return status


def fresh_status(item, year: int, cut: int | None, rules: Rules, day: datetime.date):
    periods = set(periods_up_to(cut))
    reports = [r for r in item.realisations.all() if r.period in periods]
    return without_reports(year_status(item, year, rules, day, cut, reports=reports))


def prime() -> None:
    """Read every slot once, as the pages do: each item gets its stored rows."""
    for year in YEARS:
        for cut in CUTS:
            standings.statuses(items(), year, up_to_quarter=cut, today=timezone.localdate())


def stored_rows() -> list[tuple]:
    columns = ("item", "year", "cut", "quarters_over", "rules", *standings.TALLY, "detail")
    return sorted(Standing.objects.values_list(*columns), key=repr)


def assert_stored_equals_fresh() -> None:
    """Every stored row, untouched by any reading, is what the reports make of its slot now."""
    today, rules = timezone.localdate(), Rules.from_settings()
    fresh_items = {standings.label_of(standings.key_of(item)): item for item in items(with_reports=True)}
    rows = list(Standing.objects.all())
    assert len(rows) == len(ITEMS) * len(YEARS) * len(CUTS)
    for row in rows:
        item = fresh_items[row.item]
        fresh = fresh_status(item, row.year, row.cut or None, rules, today)
        kept = standings.load(
            row.detail,
            row.year,
            item.targets_by_year.get(row.year),
            row.quarters_over,
            {level.pk: level for level in getattr(item, "scale", None).levels.all()}
            if getattr(item, "scale", None)
            else {},
        )
        assert without_reports(kept) == fresh, (row.item, row.year, row.cut)
        assert tuple(getattr(row, column) for column in standings.TALLY) == standings.tally_of(fresh)
        assert row.rules == standings.rules_token(rules)
    before = stored_rows()
    standings.rebuild()
    assert stored_rows() == before
    # Read on other days and with other rules, the rows are computed again for them.
    for rules in (Rules.from_settings(), LENIENT):
        for year in YEARS:
            for cut in CUTS:
                for day in DAYS:
                    stored = standings.statuses(
                        list(fresh_items.values()), year, up_to_quarter=cut, today=day, rules=rules
                    )
                    fresh = [fresh_status(item, year, cut, rules, day) for item in fresh_items.values()]
                    assert [without_reports(s) for s in stored] == fresh, (year, cut, day)


# Each kind of write at least once, whatever the random examples try (the regulation's two facts come first).
EVERY_WRITE = [
    ("save", 1, 2020, "q1", D(40), True),
    ("save", 1, 2020, "q2", D(30), False),
    ("save", 1, 2020, "q2", D(35), True),
    ("review", 0, False),
    ("save", 0, 2020, "q3", None, True),
    ("save", 2, 2019, "year", 5, True),
    ("review all", True),
    ("save", 1, 2020, "q1", D(45), True),
    ("target", 0, 2020, 2),
    ("delete", 0),
    ("item", 1, "sum", "lower"),  # last: a later write of the item's reports would hide a missed refresh
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(operation, max_size=14))
@example(steps=EVERY_WRITE)
def test_after_any_writes_the_stored_standings_equal_a_fresh_computation(steps, make_user):
    with transaction.atomic():  # each example starts from the regulation as loaded
        reporter = make_user("pelapor-uji", "staff")
        reviewer = make_user("pemeriksa-uji", "staff")
        prime()
        for step in steps:
            try:
                with transaction.atomic():
                    apply(step, reporter, reviewer)
            except (ValidationError, PermissionDenied):
                pass  # refused as the forms would refuse it: nothing written
        assert_stored_equals_fresh()
        transaction.set_rollback(True)


def test_the_edition_tallies_read_with_their_rows_equal_a_fresh_computation(make_user):
    """``edition_tallies`` reads each item with its stored row of the slot (joined): after writes, on
    another day and with other rules (rows stale, computed again), it gives what the reports make."""
    reporter = make_user("pelapor-uji", "staff")
    reviewer = make_user("pemeriksa-uji", "staff")
    prime()
    for step in EVERY_WRITE:
        apply(step, reporter, reviewer)
    edition = RoadmapEdition.objects.current()
    for rules, year, cut, day in [
        (Rules.from_settings(), 2020, None, timezone.localdate()),
        (Rules.from_settings(), 2020, 2, DAYS[1]),
        (Rules.from_settings(), 2019, None, DAYS[0]),
        (LENIENT, 2020, 3, DAYS[2]),
    ]:
        tallies = standings.edition_tallies(edition, year, up_to_quarter=cut, today=day, rules=rules)
        by_key = {tally.key: tally for tally in tallies}
        assert (
            len(by_key)
            == len(tallies)
            == (
                Indicator.objects.of_edition(edition).count()
                + PriorityActivity.objects.of_edition(edition).count()
            )
        )
        for item in items(with_reports=True):
            tally = by_key[standings.key_of(item)]
            fresh = fresh_status(item, year, cut, rules, day)
            assert tuple(getattr(tally, column) for column in standings.TALLY) == standings.tally_of(fresh)
            assert (tally.area_id, tally.quick_win_id) == (item.area_id, getattr(item, "quick_win_id", None))


def row_of(item, year: int = 2020, cut: int = 0) -> Standing:
    return Standing.objects.get(item=standings.label_of(standings.key_of(item)), year=year, cut=cut)


def test_a_report_moved_to_another_item_changes_both_standings():
    budaya, promosi = (PriorityActivity.objects.get(name=name) for name in (BUDAYA, PROMOSI))
    report = RealisationFactory(
        activity=budaya, year=2020, period="q1", number=D(40), review_state="verified"
    )
    prime()
    assert D(row_of(budaya).detail["number"]) == 40
    report = Realisation.objects.get(pk=report.pk)
    report.activity = promosi  # as the admin may do
    report.save()
    assert row_of(budaya).state == "not_reported"
    assert D(row_of(promosi).detail["number"]) == 40


def test_drafts_never_count():
    budaya = PriorityActivity.objects.get(name=BUDAYA)
    prime()
    RealisationFactory(activity=budaya, year=2020, period="q1", number=D(40), review_state="draft")
    assert row_of(budaya).state == "not_reported"


def test_the_rebuild_command_works_every_stored_row_out_again(capsys):
    budaya = PriorityActivity.objects.get(name=BUDAYA)
    RealisationFactory(activity=budaya, year=2020, period="q2", number=D(30), review_state="submitted")
    prime()
    before = stored_rows()
    Standing.objects.update(state="met", detail={})  # as after a fix in SQL gone wrong
    call_command("rebuild_standings")
    assert stored_rows() == before
    assert "stored standings computed again" in capsys.readouterr().out


def test_a_row_read_after_its_quarter_ended_is_computed_again():
    """A "whole year, read today" row holds while as many quarters are over: a reading after the
    next quarter's end stores the standing of that day."""
    promosi = PriorityActivity.objects.get(name=PROMOSI)
    RealisationFactory(activity=promosi, year=2020, period="q1", number=D(40), review_state="verified")
    item = items()[0]
    (before,) = standings.statuses([item], 2020, today=datetime.date(2020, 5, 2))
    assert row_of(promosi).quarters_over == 1 and before.state == "on_track"
    (after,) = standings.statuses([item], 2020, today=datetime.date(2020, 10, 2))
    assert row_of(promosi).quarters_over == 3 and after.state == "behind"


@pytest.mark.django_db(transaction=True)
def test_two_reports_of_one_item_saved_at_the_same_moment_both_count(roadmap_tx, make_user, monkeypatch):
    """Each write refreshes its item under a lock: the second waits and works the figure out with the
    first one's report in (without the lock each would miss the other's report)."""
    reporter = make_user("pelapor-uji", "staff")
    promosi = PriorityActivity.objects.get(name=PROMOSI)
    prime()
    both_saved = threading.Barrier(2, timeout=10)
    refresh = standings.refresh

    def refresh_when_both_saved(keys, *args, **kwargs):
        both_saved.wait()  # both reports are written, neither committed
        return refresh(keys, *args, **kwargs)

    monkeypatch.setattr(standings, "refresh", refresh_when_both_saved)
    errors = []

    def save(period: str, number: int) -> None:
        try:
            services.save_realisation(
                item=promosi, year=2020, period=period, number=D(number), level=None, submit=True,
                reason="uji", user=reporter,
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001  (reported below, from the main thread)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=args) for args in (("q1", 30), ("q2", 40))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    provisional = row_of(promosi, cut=4).detail["provisional"]
    assert (D(provisional["number"]), provisional["basis"][1], row_of(promosi, cut=4).unverified) == (
        70,
        [1, 2],
        2,
    )


def test_an_amendment_of_an_item_and_its_target_keeps_the_stored_standings_in_step(edition, staff_user):
    """Editions amend items and targets through their own services: the stored rows follow."""
    spip = Indicator.objects.get(name=SPIP)
    RealisationFactory(indicator=spip, year=2020, period="q1", number=D("1.5"), review_state="verified")
    RealisationFactory(indicator=spip, year=2020, period="q2", number=D("2"), review_state="verified")
    prime()
    amendment = editions_services.create_amendment(
        edition=edition, basis="decision", document_number="700/1/TP/2020",
        document_date=datetime.date(2020, 9, 14), reason="Uji", effective_year=2020, user=staff_user,
    )  # fmt: skip
    names = (
        "area",
        "name",
        "unit",
        "target_kind",
        "scale",
        "direction",
        "aggregation",
        "data_owner",
        "is_key",
    )
    values = {name: getattr(spip, name) for name in names}
    summed = values["aggregation"] != "sum"
    values["aggregation"] = "sum" if summed else "latest"
    editions_services.save_indicator(
        edition=edition, indicator=spip, values=values, cells={2020: ">3,5"}, amendment=amendment, user=staff_user
    )  # fmt: skip
    assert D(row_of(spip, cut=4).detail["number"]) == (D("3.5") if summed else 2)
    assert_stored_equals_fresh()
