"""Action-plan progress, the one rule every page and workbook uses (monev.plan_progress)."""

from decimal import Decimal as D

import pytest

from monev.plan_progress import ProgressFact, action_standing, plan_share

A, B = 1, 2  # two lead agencies (Utama) of one row


def fact(lead, quarter, status, percent, state="verified"):
    return ProgressFact(lead, quarter, state, status, percent)


@pytest.mark.parametrize(
    ("reports", "leads", "done", "percent", "pending"),
    [
        ([], [A], False, D(0), False),
        ([fact(A, 1, "done", 100)], [A], True, D(100), False),
        ([fact(A, 1, "in_progress", 40)], [A], False, D(40), False),
        # Every Utama reports its own part: one done, the other silent, is half the action.
        ([fact(A, 1, "done", 100)], [A, B], False, D(50), False),
        ([fact(A, 1, "done", 100), fact(B, 2, "done", 100)], [A, B], True, D(100), False),
        ([fact(A, 1, "in_progress", 40), fact(B, 1, "in_progress", 60)], [A, B], False, D(50), False),
        # The latest verified quarter counts; what awaits review does not, and is flagged.
        ([fact(A, 1, "in_progress", 40), fact(A, 2, "done", 100, "submitted")], [A], False, D(40), True),
        ([fact(A, 2, "in_progress", 70), fact(A, 1, "done", 100)], [A], False, D(70), False),
        # Drafts and returned reports count for nothing.
        ([fact(A, 1, "done", 100, "draft"), fact(A, 2, "done", 100, "returned")], [A], False, D(0), False),
        # A report of an agency that is not (or no longer) a lead is ignored.
        ([fact(B, 1, "done", 100)], [A], False, D(0), False),
        # "Tidak dilaksanakan" is reported, not done.
        ([fact(A, 4, "not_done", 0)], [A], False, D(0), False),
    ],
)
def test_an_action_standing(reports, leads, done, percent, pending):
    standing = action_standing(reports, leads)
    assert (standing.done, standing.percent, standing.pending) == (done, percent, pending)


def test_up_to_a_quarter_later_reports_are_left_out():
    reports = [fact(A, 1, "in_progress", 30), fact(A, 3, "done", 100)]
    assert action_standing(reports, [A], quarters=[1, 2]).percent == 30
    assert action_standing(reports, [A], quarters=[1, 2]).quarter == 1
    assert action_standing(reports, [A]).done


def test_an_action_without_a_lead_has_no_figure():
    standing = action_standing([fact(A, 1, "done", 100)], [])
    assert (standing.percent, standing.done, standing.percent_display) == (None, False, "–")


def test_a_group_is_the_mean_of_its_actions_with_done_over_total():
    share = plan_share(
        [
            action_standing([fact(A, 1, "done", 100)], [A]),
            action_standing([fact(A, 1, "in_progress", 50)], [A]),
            action_standing([], [A]),
            action_standing([fact(A, 1, "in_progress", 10, "submitted")], [A]),
        ]
    )
    assert (share.total, share.done, share.reported, share.unverified) == (4, 1, 2, 1)
    assert (share.percent, share.percent_display) == (D("37.50"), "37,5 %")
    assert plan_share([]).percent is None
