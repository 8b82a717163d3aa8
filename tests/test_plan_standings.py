"""Stored action-plan progress (monev.plan_standings): after any writes, what the summaries read
equals the one rule (monev.plan_progress) applied to the reports themselves.

The property test reads the year's progress once (which stores a row per planned action and cut),
drives the services the forms use (lead parts saved as drafts or submitted, corrected, verified or
returned one by one or together, contributions) and what the admin may do (delete a report, move it
to another action, add or remove a row's lead agency, move an action to another row, add an action),
then compares every stored row, as it is, with a fresh ``action_standing``; then what the dashboard
adds up with the reading from the reports (dashboards.plan_snapshot), and the rows ``rebuild`` makes.
"""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from actions.models import ActionPlanLead, ActionPlanRow, PlannedAction
from dashboards.plan_snapshot import plan_snapshot
from editions import services as editions_services
from monev import plan_cells, plan_standings, services
from monev.models import ActionProgress, ActionStatus, PlanCell, PlanStanding, ReviewState
from monev.plan_progress import action_standing
from roadmap.models import Agency, RoadmapEdition
from tests.factories import ActionProgressFactory, percent_for

pytestmark = pytest.mark.django_db

YEAR = 2020
ROWS = 3  # rows of the year's action plan written to
AGENCIES = 4  # the rows' lead agencies and one that is not

index = st.integers(0, 30)
operation = st.one_of(
    st.tuples(
        st.just("save"), index, st.integers(1, 4), index, st.sampled_from(ActionStatus.values), st.booleans()
    ),
    st.tuples(st.just("contribute"), index, st.integers(1, 4), index),
    st.tuples(st.just("review"), index, st.booleans()),  # the n-th report awaiting review
    st.tuples(st.just("review all"), st.booleans()),
    st.tuples(st.just("delete"), index),  # the n-th report, as in the admin
    st.tuples(st.just("move report"), index, index),  # the n-th report to the m-th action
    st.tuples(st.just("add lead"), index, index),  # to the n-th row, the m-th agency
    st.tuples(st.just("remove lead"), index),  # the n-th lead of the rows
    st.tuples(st.just("move action"), index, index),  # the n-th action to the m-th row
    st.tuples(st.just("new action"), index),  # in the n-th row
    st.tuples(st.just("delete action"), index),  # the n-th action, refused once it has reports
)


def rows() -> list[ActionPlanRow]:
    edition = RoadmapEdition.objects.current()
    found = ActionPlanRow.objects.of_edition(edition).filter(planned_actions__year=YEAR).distinct()
    return list(found.order_by("pk")[:ROWS])


def actions() -> list[PlannedAction]:
    return list(PlannedAction.objects.filter(row__in=rows(), year=YEAR).order_by("pk"))


def agencies() -> list[Agency]:
    leads = ActionPlanLead.objects.filter(row__in=rows()).values_list("agency", flat=True)
    return list(Agency.objects.filter(pk__in=leads).order_by("pk")[: AGENCIES - 1]) + [
        Agency.objects.exclude(pk__in=leads).order_by("pk").first()
    ]


def nth(items, n: int):
    items = list(items)
    return items[n % len(items)] if items else None


def apply(step: tuple, reporter, reviewer) -> None:
    kind, *args = step
    if kind in ("save", "contribute") and not actions():
        return  # every planned action of the year deleted: nothing to report on
    if kind == "save":
        action, quarter, agency, status, submit = (
            nth(actions(), args[0]),
            args[1],
            nth(agencies(), args[2]),
            *args[3:],
        )
        services.save_action_progress(
            planned_action=action, quarter=quarter, lead=agency, status=status, percent=percent_for(status),
            note="uji", submit=submit, reason="uji", user=reporter,
        )  # fmt: skip
    elif kind == "contribute":
        services.save_action_progress(
            planned_action=nth(actions(), args[0]), quarter=args[1], contributor=nth(agencies(), args[2]),
            status="done", percent=100, submit=True, reason="uji", user=reporter,
        )  # fmt: skip
    elif kind == "review":
        report = nth(
            ActionProgress.objects.filter(review_state=ReviewState.SUBMITTED).order_by("pk"), args[0]
        )
        if report is not None:
            services.review_reports(reports=[report], verify=args[1], note="Periksa lagi.", user=reviewer)
    elif kind == "review all":
        waiting = list(ActionProgress.objects.filter(review_state=ReviewState.SUBMITTED))
        services.review_reports(reports=waiting, verify=args[0], note="Periksa lagi.", user=reviewer)
    elif kind == "delete":
        report = nth(ActionProgress.objects.order_by("pk"), args[0])
        if report is not None:
            report.delete()
    elif kind == "move report":
        report = nth(ActionProgress.objects.order_by("pk"), args[0])
        if report is not None:
            report.planned_action = nth(actions(), args[1])
            report.save()
    elif kind == "add lead":
        row = nth(rows(), args[0])
        if row is not None:
            order = (row.leads.aggregate(last=Max("order"))["last"] or 0) + 1
            ActionPlanLead.objects.create(row=row, agency=nth(agencies(), args[1]), order=order)
    elif kind == "remove lead":
        lead = nth(ActionPlanLead.objects.filter(row__in=rows()).order_by("pk"), args[0])
        if lead is not None:  # every lead may have been removed already
            lead.delete()
    elif kind == "move action":
        action, row = nth(actions(), args[0]), nth(rows(), args[1])
        if action is not None and row is not None:
            action.row, action.order = (
                row,
                (row.planned_actions.aggregate(last=Max("order"))["last"] or 0) + 1,
            )
            action.save()
    elif kind == "new action":
        row = nth(rows(), args[0])
        if row is not None:
            order = (row.planned_actions.aggregate(last=Max("order"))["last"] or 0) + 1
            PlannedAction.objects.create(row=row, year=YEAR, order=order, text="Rencana aksi baru")
    elif kind == "delete action":
        action = nth(actions(), args[0])
        if action is not None:  # every action may have been deleted already
            action.delete()


def read_all(edition) -> dict:
    """What the dashboard reads, every cut (stores the rows of actions and the cells of rows that have
    none)."""
    plan_cells.shares_by_agency(edition, YEAR, [1, 2, 3, 4])
    return {cut: plan_standings.shares_by_area(edition, YEAR, cut) for cut in plan_standings.CUTS}


def fresh_cells(edition) -> dict[tuple, str]:
    """Every cell the year should have, from the reports (dashboards.plan_snapshot reads them)."""
    snapshot = plan_snapshot(edition, YEAR)
    return {
        (row.pk, lead.pk, YEAR, quarter): snapshot.cell(row.pk, quarter, lead.pk)
        for row in snapshot.rows
        for lead in snapshot.leads.get(row.pk, [])
        for quarter in plan_cells.QUARTERS
    }


def stored_cells() -> dict[tuple, str]:
    return {
        (row, agency, year, quarter): state
        for row, agency, year, quarter, state in PlanCell.objects.filter(year=YEAR).values_list(
            "row", "agency", "year", "quarter", "state"
        )
    }


def stored_rows() -> list[tuple]:
    return sorted(PlanStanding.objects.values_list("planned_action_id", "cut", *plan_standings.FIGURES))


def assert_stored_equals_fresh(edition) -> None:
    """Every stored row, untouched by any reading, is what the rule makes of the reports now."""
    for row in PlanStanding.objects.select_related("planned_action"):
        action = row.planned_action
        leads = list(
            ActionPlanLead.objects.filter(row=action.row_id)
            .order_by("order")
            .values_list("agency", flat=True)
        )
        fresh = action_standing(action.progress.all(), leads, range(1, row.cut + 1))
        assert (row.done, row.reported, row.pending, row.percent) == (
            fresh.done,
            fresh.reported,
            fresh.pending,
            fresh.percent,
        ), (action.pk, row.cut)
    fresh, cells = fresh_cells(edition), stored_cells()
    assert {key: fresh.get(key) for key in cells} == cells  # none stale, none that should not be
    before = stored_rows()
    plan_standings.rebuild()  # also stores the rows of every action that had none
    assert [row for row in stored_rows() if row[:2] in {row[:2] for row in before}] == before
    # Read now (new actions get their rows), the sums are those of the reading from the reports.
    snapshot = plan_snapshot(edition, YEAR, with_progress=True)
    for cut, shares in read_all(edition).items():
        assert shares == snapshot.shares_by_area(range(1, cut + 1)), cut
    assert stored_cells() == fresh
    expected: dict[int, list[int]] = {}
    for (_, agency, _, _), state in fresh.items():
        expected.setdefault(agency, [0, 0])
        expected[agency][0] += 1
        expected[agency][1] += state in ("submitted", "verified")
    assert plan_cells.shares_by_agency(edition, YEAR, [1, 2, 3, 4]) == {
        agency: tuple(counts) for agency, counts in expected.items()
    }
    assert PlanStanding.objects.filter(planned_action__year=YEAR).count() == 4 * len(
        PlannedAction.objects.filter(row__area__edition=edition, year=YEAR)
    )


# Each kind of write at least once, whatever the random examples try.
EVERY_WRITE = [
    ("save", 0, 1, 0, "in_progress", True),
    ("save", 0, 2, 0, "done", True),
    ("save", 1, 1, 3, "done", True),  # an agency that is not Utama of the row
    ("contribute", 0, 1, 1),
    ("review", 0, True),
    ("review all", True),
    ("save", 0, 3, 0, "not_done", False),
    ("add lead", 0, 3),
    ("save", 2, 1, 1, "done", True),
    ("review", 0, False),
    ("move report", 0, 2),
    ("new action", 0),
    ("move action", 0, 1),
    ("delete", 1),
    ("delete action", 0),
    ("remove lead", 0),  # last: a later write of the action's reports would hide a missed refresh
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(operation, max_size=14))
@example(steps=EVERY_WRITE)
@example(steps=[("remove lead", 0)] * 40 + [("delete action", 0)] * 40 + [("save", 0, 1, 0, "done", True)])
def test_after_any_writes_the_stored_progress_equals_the_rule(steps, make_user):
    edition = RoadmapEdition.objects.current()
    with transaction.atomic():  # each example starts from the regulation as loaded
        reporter = make_user("pelapor-uji", "staff")
        reviewer = make_user("pemeriksa-uji", "staff")
        read_all(edition)
        primed = PlanStanding.objects.count()
        assert primed > 4 * ROWS
        for step in steps:
            try:
                with transaction.atomic():
                    apply(step, reporter, reviewer)
            except (ValidationError, PermissionDenied, IntegrityError):
                pass  # refused as the forms or the database would refuse it: nothing written
        assert_stored_equals_fresh(edition)
        transaction.set_rollback(True)


def test_reports_made_in_bulk_are_read_once_their_actions_have_no_rows(edition):
    action = PlannedAction.objects.filter(row__area__edition=edition, year=YEAR).order_by("pk").first()
    lead = action.row.leads.order_by("order").first().agency
    ActionProgress.objects.bulk_create(
        [ActionProgressFactory.build(planned_action=action, quarter=1, lead=lead, status="done", percent=100,
                                     review_state="verified")]
    )  # fmt: skip
    read_all(edition)
    assert PlanStanding.objects.get(planned_action=action, cut=1).reported
    assert not PlanStanding.objects.get(planned_action=action, cut=1).pending


def test_amended_lead_agencies_change_the_stored_progress(edition, staff_user):
    """The editions' services write a row's leads anew: the stored rows follow."""
    action = PlannedAction.objects.filter(row__area__edition=edition, year=YEAR).order_by("pk").first()
    row = action.row
    lead = row.leads.order_by("order").first().agency
    other = Agency.objects.exclude(pk__in=row.leads.values("agency")).order_by("pk").first()
    ActionProgressFactory(planned_action=action, quarter=1, lead=lead, status="done", percent=100,
                          review_state="verified")  # fmt: skip
    read_all(edition)
    assert PlanStanding.objects.get(planned_action=action, cut=4).reported
    amendment = editions_services.create_amendment(
        edition=edition, basis="decision", document_number="700/2/TP/2020",
        document_date=datetime.date(2020, 9, 14), reason="Uji", effective_year=YEAR, user=staff_user,
    )  # fmt: skip
    names = ("area", "group", "label", "name", "support_scope", "supporting_as_written")
    editions_services.save_action_row(
        edition=edition, row=row, values={name: getattr(row, name) for name in names}, leads=[other],
        supporters=list(row.supporting_agencies.all()),
        actions={YEAR: [a.text for a in row.planned_actions.filter(year=YEAR).order_by("order")]},
        amendment=amendment, user=staff_user,
    )  # fmt: skip
    stored = PlanStanding.objects.get(planned_action=action, cut=4)
    assert (stored.percent, stored.reported) == (0, False)  # the new Utama has reported nothing
    assert_stored_equals_fresh(edition)


def test_a_draft_edition_read_and_deleted_leaves_nothing_behind(edition, staff_user):
    draft = editions_services.copy_edition(
        source=edition, title="Salinan uji", start_year=2020, end_year=2024, user=staff_user
    )
    assert plan_standings.shares_by_area(draft, YEAR, 4)
    assert plan_cells.shares_by_agency(draft, YEAR, [1, 2, 3, 4])
    editions_services.delete_draft(edition=draft, user=staff_user)
    with connection.cursor() as cursor:  # the foreign keys are checked now, not at a commit never made
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert not PlanStanding.objects.filter(planned_action__row__area__edition=draft).exists()
    assert not PlanCell.objects.filter(row__area__edition=draft).exists()


def test_rebuild_command_stores_every_action(edition, capsys):
    call_command("rebuild_plan_standings")
    assert PlanStanding.objects.count() == 4 * PlannedAction.objects.count()
    assert "computed again" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_two_actions_of_one_row_reported_at_the_same_moment_both_count(roadmap_tx, make_user, monkeypatch):
    """Each write computes its row's cells under the row's lock: the second waits and sees the first
    one's report (without the lock each would find the other action unreported: "missing")."""
    reporter = make_user("pelapor-uji", "staff")
    edition = RoadmapEdition.objects.current()
    row = next(
        row
        for row in ActionPlanRow.objects.of_edition(edition).order_by("pk")
        if row.planned_actions.filter(year=YEAR).count() == 2 and row.leads.exists()
    )
    lead = row.leads.order_by("order").first().agency
    read_all(edition)
    both_saved = threading.Barrier(2, timeout=10)
    compute = plan_cells.compute

    def compute_when_both_saved(pairs, *args, **kwargs):
        if pairs:  # (the second call, for leads added, has none)
            both_saved.wait()  # both reports are written, neither committed
        return compute(pairs, *args, **kwargs)

    monkeypatch.setattr(plan_cells, "compute", compute_when_both_saved)
    errors = []

    def save(action: PlannedAction) -> None:
        try:
            services.save_action_progress(
                planned_action=action, quarter=1, lead=lead, status="in_progress", percent=50,
                submit=True, reason="uji", user=reporter,
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001  (reported below, from the main thread)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(a,)) for a in row.planned_actions.filter(year=YEAR)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert PlanCell.objects.get(row=row, agency=lead, year=YEAR, quarter=1).state == "submitted"
