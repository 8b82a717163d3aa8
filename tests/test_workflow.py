"""The review rules as a table: every transition, and every edit, by every kind of actor."""

import itertools

import pytest

from monev.workflow import Actor, State, can_move, edit_decision

ALLOWED = {
    (None, "submitted"): {"staff", "agency_admin"},
    (None, "draft"): {"staff", "agency_admin"},
    ("draft", "draft"): {"staff", "agency_admin"},
    ("draft", "submitted"): {"staff", "agency_admin"},
    ("submitted", "submitted"): {"staff", "agency_admin"},
    ("submitted", "draft"): {"staff", "agency_admin"},
    ("submitted", "verified"): {"staff", "reviewer"},
    ("submitted", "returned"): {"staff", "reviewer"},
    ("returned", "submitted"): {"staff", "agency_admin"},
    ("returned", "draft"): {"staff", "agency_admin"},
    ("verified", "returned"): {"staff"},
    ("verified", "verified"): {"staff"},
}
STATES = [None, *State]
TARGETS = list(State)
ACTORS = list(Actor)


@pytest.mark.parametrize(
    ("current", "target", "actor"),
    list(itertools.product(STATES, TARGETS, ACTORS)),
    ids=lambda value: str(value),
)
def test_every_transition_by_every_actor(current, target, actor):
    key = (None if current is None else str(current), str(target))
    assert can_move(current, target, actor) is (actor in ALLOWED.get(key, set()))


def test_a_draft_or_returned_report_can_never_be_verified_directly():
    assert not can_move("draft", "verified", "staff")
    assert not can_move("returned", "verified", "staff")
    assert not can_move("verified", "submitted", "agency_admin")


@pytest.mark.parametrize(
    ("current", "actor", "period_open", "allowed", "reason_required", "why"),
    [
        (None, "agency_admin", True, True, False, ""),
        ("submitted", "agency_admin", True, True, False, ""),
        ("returned", "agency_admin", True, True, False, ""),
        (None, "agency_admin", False, False, False, "sudah ditutup"),
        ("returned", "agency_admin", False, False, False, "sudah ditutup"),
        ("verified", "agency_admin", True, False, False, "sudah diverifikasi"),
        (None, "staff", True, True, False, ""),
        (None, "staff", False, True, True, ""),
        ("verified", "staff", True, True, True, ""),
        ("submitted", "reader", True, False, False, "hanya dapat membaca"),
        ("submitted", "reviewer", True, False, False, "hanya dapat membaca"),  # reviewers never rewrite
    ],
)
def test_who_may_edit_and_when_a_reason_is_needed(current, actor, period_open, allowed, reason_required, why):
    decision = edit_decision(current, actor, period_open)
    assert (decision.allowed, decision.reason_required) == (allowed, reason_required)
    assert why in decision.why_not
