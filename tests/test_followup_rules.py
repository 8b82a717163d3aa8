"""Which results become candidate findings and whom they are proposed to (followup/rules.py), and when a
finding shows as overdue (followup/states.py): pure rules, one table each."""

import datetime
from decimal import Decimal

import pytest

from followup import rules, states
from followup.rules import BY_AREA, BY_ASSESSED, BY_LEAD, BY_OWNER, NOBODY

INSPEKTORAT, BKD, BAPPEDA = 1, 2, 3


def item(state, owner=None, lead=None, kind="indicator", year_over=True):
    return rules.ItemResult(kind, 7, "Indeks RB", 5, state, "BB", "B", owner, lead, year_over)


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        # Only a closed year not met is a finding; every other standing is not.
        (item("not_met", owner=INSPEKTORAT, lead=BKD), (INSPEKTORAT, BY_OWNER)),
        (item("not_met", owner=None, lead=BKD), (BKD, BY_AREA)),
        (item("not_met"), (None, NOBODY)),
        (item("not_met", owner=BAPPEDA, kind="activity"), (BAPPEDA, BY_OWNER)),
        (item("met", owner=INSPEKTORAT), None),
        (item("not_yet", owner=INSPEKTORAT), None),
        (item("behind", owner=INSPEKTORAT), None),
        (item("unverified", owner=INSPEKTORAT), None),
        (item("nil", owner=INSPEKTORAT), None),
        (item("no_target", owner=INSPEKTORAT), None),
    ],
)
def test_items_not_met_in_a_closed_year_become_findings(result, expected):
    found = rules.candidates(2020, items=[result])
    if expected is None:
        assert found == []
        return
    (candidate,) = found
    assert (candidate.agency_id, candidate.basis) == expected
    assert candidate.source == rules.Source.NOT_MET
    assert candidate.key == f"{result.kind}:7"
    assert candidate.links == {result.kind: 7, "area": 5}
    assert "target 2020 BB, realisasi B" in candidate.description


@pytest.mark.parametrize(
    ("unfinished", "expected"),
    [
        ({}, []),
        ({INSPEKTORAT: ()}, []),  # every action done by that lead
        ({INSPEKTORAT: ("SOP gratifikasi",)}, [("row:9:1", INSPEKTORAT, BY_LEAD, 1)]),
        # Two leads, each proposed its own unfinished part.
        (
            {INSPEKTORAT: ("A", "B"), BKD: ("B",)},
            [("row:9:1", INSPEKTORAT, BY_LEAD, 2), ("row:9:2", BKD, BY_LEAD, 1)],
        ),
        ({None: ("A",)}, [("row:9:-", None, NOBODY, 1)]),  # a row without a lead agency
    ],
)
def test_unfinished_planned_actions_become_one_finding_per_lead(unfinished, expected):
    row = rules.RowResult(9, "Penanganan Gratifikasi", 5, unfinished)
    found = rules.candidates(2020, rows=[row])
    assert [
        (c.key, c.agency_id, c.basis, int(c.description.split(": ")[1].split(" ")[0])) for c in found
    ] == expected
    assert all(c.source == rules.Source.PLAN and c.links == {"row": 9, "area": 5} for c in found)


@pytest.mark.parametrize(
    ("agency", "area_lead", "expected"),
    [
        (BKD, INSPEKTORAT, (BKD, BY_ASSESSED)),  # an agency's own assessment: that agency
        (None, INSPEKTORAT, (INSPEKTORAT, BY_AREA)),  # the regency's: the area's leading agency
        (None, None, (None, NOBODY)),  # a Hasil item with no change area
    ],
)
def test_weak_pmprb_subcomponents_are_proposed_to_their_agency(agency, area_lead, expected):
    spot = rules.WeakResult(3, 4, "Penguatan Pengawasan", agency, 5, area_lead, Decimal("41.67"), Decimal(60))
    (candidate,) = rules.candidates(2020, spots=[spot])
    assert (candidate.agency_id, candidate.basis) == expected
    assert candidate.key == "pmprb:3:4"
    assert "41.67 % dari bobotnya, di bawah 60 %" in candidate.description


@pytest.mark.parametrize(
    ("status", "found"),
    [("persists", True), ("easing", True), ("resolved", False), ("not_assessed", False)],
)
def test_risks_still_present_become_findings_for_staff_to_assign(status, found):
    risk = rules.RiskResult(11, 2, "Resistensi terhadap perubahan", status, ("Sosialisasi", "Pendampingan"))
    result = rules.candidates(2020, risks=[risk])
    assert bool(result) is found
    if found:
        assert (result[0].agency_id, result[0].key) == (None, "risk:11")
        assert result[0].recommendation == "Sosialisasi; Pendampingan"


def test_results_already_issued_are_not_offered_again():
    found = rules.candidates(
        2020,
        items=[item("not_met", owner=INSPEKTORAT)],
        risks=[rules.RiskResult(11, 2, "R", "persists")],
        issued=["indicator:7"],
    )
    assert [c.key for c in found] == ["risk:11"]


TODAY = datetime.date(2021, 4, 1)


@pytest.mark.parametrize(
    ("state", "deadline", "shown"),
    [
        ("open", datetime.date(2021, 4, 1), "open"),  # due today: not yet late
        ("open", datetime.date(2021, 3, 31), "overdue"),
        ("in_progress", datetime.date(2021, 3, 31), "overdue"),
        # Reported done: the agency waits on staff, it is not late.
        ("submitted", datetime.date(2021, 3, 31), "submitted"),
        ("closed", datetime.date(2021, 3, 31), "closed"),
        ("in_progress", datetime.date(2021, 6, 30), "in_progress"),
    ],
)
def test_overdue_is_read_from_the_deadline(state, deadline, shown):
    assert states.shown_state(state, deadline, TODAY) == shown
    assert states.LABELS[shown]


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (item("not_reported", owner=INSPEKTORAT, lead=BKD), (INSPEKTORAT, BY_OWNER)),
        (item("not_reported", lead=BKD, kind="activity"), (BKD, BY_AREA)),
        (item("not_reported", owner=INSPEKTORAT, year_over=False), None),  # still time to report
        (item("unverified", owner=INSPEKTORAT), None),  # reported: the verification is staff's to do
    ],
)
def test_items_with_nothing_reported_for_a_closed_year_become_findings(result, expected):
    found = rules.candidates(2020, items=[result])
    if expected is None:
        assert found == []
        return
    (candidate,) = found
    assert (candidate.agency_id, candidate.basis) == expected
    assert candidate.source == rules.Source.UNREPORTED and candidate.source_label == "Item tidak dilaporkan"
    assert candidate.key == f"{result.kind}:7" and candidate.links == {result.kind: 7, "area": 5}
    assert candidate.description == "Indeks RB: target 2020 BB, realisasinya tidak dilaporkan."
    assert "Laporkan realisasi 2020" in candidate.recommendation
