"""dashboards.selectors.plan_rows: the action plan as plain values, saying what the models say."""

import pytest

from actions.models import ActionPlanRow, PlannedAction
from dashboards.selectors import plan_rows
from monev.models import ActionStatus
from roadmap.models import Agency
from tests.factories import ActionProgressFactory

pytestmark = pytest.mark.django_db


def as_models(edition):
    return list(
        ActionPlanRow.objects.of_edition(edition)
        .select_related("area", "group__parent")
        .prefetch_related("leads__agency", "planned_actions", "area__placements")
    )


def group_values(group):
    if group is None:
        return None
    parent = (group.parent.pk, group.parent.code, group.parent.title) if group.parent_id else None
    return (group.pk, group.code, group.title, group.parent_id, parent)


def test_plain_rows_say_what_the_models_say(edition):
    rows, models = plan_rows(edition, None, placements=True), as_models(edition)
    assert [row.pk for row in rows] == [model.pk for model in models]  # in the action plan's order
    for row, model in zip(rows, models, strict=True):
        assert (row.area, row.area_id, row.order, row.label, row.name, row.supporting_as_written) == (
            model.area,
            model.area_id,
            model.order,
            model.label,
            model.name,
            model.supporting_as_written,
        )
        assert list(row.area.placements.all()) == list(model.area.placements.all())
        assert group_values(row.group) == group_values(model.group)
        assert [(lead.agency_id, lead.agency.name) for lead in row.lead_records] == [
            (lead.agency_id, lead.agency.name) for lead in model.leads.all()
        ]
        assert [(a.pk, a.year, a.text) for a in row.action_records] == [
            (a.pk, a.year, a.text) for a in model.planned_actions.all()
        ]
        assert row.get_absolute_url() == model.get_absolute_url()
    # The road map has what the comparison needs to mean something.
    assert any(row.group is not None and row.group.parent_id for row in rows)
    assert any(len(row.lead_records) > 1 for row in rows)
    assert len({a.year for row in rows for a in row.action_records}) > 1


def test_only_the_progress_year_carries_reports_and_a_year_keeps_its_own_actions(edition):
    action_2020 = PlannedAction.objects.filter(row__area__edition=edition, year=2020).first()
    action_2021 = PlannedAction.objects.filter(row=action_2020.row, year=2021).first()
    supporter = Agency.objects.exclude(action_plan_leads__row=action_2020.row).first()
    lead = ActionProgressFactory(planned_action=action_2020, quarter=2, status=ActionStatus.DONE)
    ActionProgressFactory(planned_action=action_2020, quarter=3, contributor=supporter)
    ActionProgressFactory(planned_action=action_2021)

    every_year = {row.pk: row for row in plan_rows(edition, None, progress_year=2020)}
    records = {a.pk: a for a in every_year[action_2020.row_id].action_records}
    progress = records[action_2020.pk].progress_records
    assert sorted((p.lead_id or 0, p.contributor_id or 0, p.quarter, p.status) for p in progress) == [
        (0, supporter.pk, 3, ActionStatus.IN_PROGRESS),
        (lead.lead_id, 0, 2, ActionStatus.DONE),
    ]
    assert next(p for p in progress if p.contributor_id).contributor == supporter
    assert records[action_2021.pk].progress_records == []  # another year's reports stay out

    one_year = {row.pk: row for row in plan_rows(edition, 2021)}
    actions = one_year[action_2021.row_id].action_records
    assert {a.year for a in actions} == {2021}
    assert [p.lead_id for p in next(a for a in actions if a.pk == action_2021.pk).progress_records] == [
        action_2021.row.leads.order_by("order").first().agency_id
    ]
