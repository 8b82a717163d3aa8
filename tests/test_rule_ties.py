"""The pure rule modules keep their own enums (they import no Django); the models keep choices.
These tests tie each pair together, so that a value added on one side cannot be missed on the other."""

from areas.models import Aggregation as ModelAggregation
from areas.models import Direction as ModelDirection
from monev import achievement, plan_progress, workflow
from monev.models import ActionStatus, ReviewState
from roadmap.models import Role


def test_review_states_of_the_rules_are_the_models_review_states():
    assert {s.value for s in workflow.State} == set(ReviewState.values)


def test_directions_of_the_rules_are_the_models_directions():
    assert {d.value for d in achievement.Direction} == set(ModelDirection.values)


def test_aggregations_of_the_rules_are_the_models_aggregations():
    assert {a.value for a in achievement.Aggregation} == set(ModelAggregation.values)


def test_the_actors_of_the_rules_are_roles_or_readers():
    assert {workflow.Actor.STAFF.value, workflow.Actor.AGENCY.value} <= set(Role.values)


def test_plan_progress_names_the_models_states_and_statuses():
    assert plan_progress.DONE == ActionStatus.DONE
    assert plan_progress.VERIFIED == ReviewState.VERIFIED
    assert plan_progress.SUBMITTED == ReviewState.SUBMITTED
