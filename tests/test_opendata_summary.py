"""Open data read in bulk equals what the builder made from model objects. The page's summary read
from stored standings equals the summary built from every
verified report (``opendata.progress.build``), on varied data: reports in every review state, years
with and without targets, items dropped by an amendment, an item whose target was removed, quick
wins, lead and non-lead progress; rows stored before later writes and rows still to compute."""

import datetime
import json
import random
from decimal import Decimal

import pytest
from django.db.models import Prefetch
from django.utils import timezone

from actions.models import ActionPlanLead, ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev import standings
from monev.models import ActionProgress, ActionStatus, Period, Realisation, ReviewState
from opendata import schema, selectors
from opendata.document import csv_text_of, json_text
from opendata.progress import build, item_code, standing_fields
from opendata.summary import summary
from roadmap.models import Agency
from tests.factories import ActionProgressFactory, RealisationFactory, percent_for

pytestmark = pytest.mark.django_db

STATES = [
    ReviewState.VERIFIED,
    ReviewState.VERIFIED,
    ReviewState.SUBMITTED,
    ReviewState.DRAFT,
    ReviewState.RETURNED,
]
YEARS = [2019, 2020, 2020, 2021]


def reviewed(state, rng: random.Random) -> dict:
    if state != ReviewState.VERIFIED:
        return {"review_state": state}
    moment = timezone.make_aware(
        datetime.datetime(2020, 1, 1) + datetime.timedelta(hours=rng.randrange(20000))
    )
    return {"review_state": state, "reviewed_at": moment}


def report_items(edition, rng: random.Random, count: int) -> None:
    """Reports of random items, periods, years and review states (one per item and period)."""
    items = list(Indicator.objects.of_edition(edition).select_related("scale")) + list(
        PriorityActivity.objects.of_edition(edition)
    )
    for _ in range(count):
        item = rng.choice(items)
        year, period = rng.choice(YEARS), rng.choice(Period.values)
        kind = "indicator" if isinstance(item, Indicator) else "activity"
        if Realisation.objects.filter(**{kind: item}, year=year, period=period).exists():
            continue
        value: dict = {"number": Decimal(rng.randrange(0, 150))}
        levels = list(item.scale.levels.all()) if kind == "indicator" and item.scale_id else []
        if levels and rng.random() < 0.8:
            value = {"number": None, "level": rng.choice(levels)}
        elif rng.random() < 0.1:
            value = {"number": None, "is_nil": True}
        RealisationFactory(
            indicator=item if kind == "indicator" else None,
            activity=item if kind == "activity" else None,
            year=year,
            period=period,
            **value,
            **reviewed(rng.choice(STATES), rng),
        )


def report_actions(edition, rng: random.Random, count: int) -> None:
    """Progress of random planned actions, by a row's lead or by another agency, any review state."""
    actions = list(PlannedAction.objects.filter(row__area__edition=edition))
    agencies = list(Agency.objects.all())
    for _ in range(count):
        action = rng.choice(actions)
        leads = [lead.agency for lead in ActionPlanLead.objects.filter(row=action.row)]
        lead = rng.choice(leads) if leads and rng.random() < 0.85 else rng.choice(agencies)
        quarter = rng.randint(1, 4)
        if ActionProgress.objects.filter(planned_action=action, lead=lead, quarter=quarter).exists():
            continue
        status = rng.choice(ActionStatus.values)
        ActionProgressFactory(
            planned_action=action,
            lead=lead,
            quarter=quarter,
            status=status,
            percent=percent_for(status),
            **reviewed(rng.choice(STATES), rng),
        )


def change_items(edition, rng: random.Random) -> None:
    """Drop some items from 2020 (reported or not), remove a reported item's target."""
    for model in (Indicator, PriorityActivity):
        items = list(model.objects.of_edition(edition))
        for item in rng.sample(items, 4):
            item.dropped_from = rng.choice([2020, 2021])
            item.save()
    reported = Indicator.objects.of_edition(edition).filter(realisations__review_state=ReviewState.VERIFIED)
    for target in IndicatorTarget.objects.filter(indicator__in=reported[:2], year=2020):
        target.delete()
    activity = PriorityActivity.objects.of_edition(edition).filter(realisations__year=2021).first()
    if activity:
        ActivityTarget.objects.filter(activity=activity).delete()


def late_report_of_no_lead(edition) -> None:
    """The latest verification of all, of an agency that does not lead the row: not published."""
    action = PlannedAction.objects.filter(row__area__edition=edition).first()
    leads = ActionPlanLead.objects.filter(row=action.row).values("agency")
    ActionProgressFactory(
        planned_action=action,
        lead=Agency.objects.exclude(pk__in=leads).first(),
        review_state=ReviewState.VERIFIED,
        reviewed_at=timezone.make_aware(datetime.datetime(2023, 1, 1)),
    )


def assert_same(edition, today: datetime.date) -> None:
    old = build(edition, today)
    new = summary(edition, today)
    assert new.rows == old.summary
    assert new.last_verified_at == old.last_verified_at


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_summary_from_stored_standings_equals_the_one_built_from_reports(edition, seed):
    rng = random.Random(seed)
    today = datetime.date(2020, 8, 15)
    report_items(edition, rng, 80)
    report_actions(edition, rng, 80)
    assert_same(edition, today)  # rows computed on this reading, and stored
    change_items(edition, rng)
    late_report_of_no_lead(edition)
    report_items(edition, rng, 40)
    report_actions(edition, rng, 40)
    assert_same(edition, today)  # rows kept in step by the writes
    assert_same(edition, datetime.date(2021, 2, 1))  # another day: the 2020 year is over


def prefetched_plan_rows(edition):
    """The action plan as ``opendata.selectors.plan_rows`` read it before plain records: model objects."""
    progress = ActionProgress.objects.filter(
        review_state=ReviewState.VERIFIED, lead__isnull=False
    ).select_related("lead")
    rows = list(
        ActionPlanRow.objects.of_edition(edition)
        .select_related("area", "group")
        .prefetch_related(
            "leads__agency",
            Prefetch(
                "planned_actions",
                queryset=PlannedAction.objects.prefetch_related(Prefetch("progress", queryset=progress)),
            ),
        )
    )
    for row in rows:  # model objects where the records go (monev.action_reports reads either)
        row.action_records = list(row.planned_actions.all())
    return rows


def documents(edition, today) -> dict[str, str]:
    data = build(edition, today)
    files = {table: csv_text_of(data, table) for table in schema.CSV_TABLES}
    return {"json": json_text(data, "https://example.org/skema/v1.json"), **files}


@pytest.mark.parametrize("seed", [4, 5])
def test_the_downloads_read_from_plain_records_are_the_same_bytes(edition, seed, monkeypatch):
    rng = random.Random(seed)
    report_items(edition, rng, 60)
    report_actions(edition, rng, 120)
    change_items(edition, rng)
    late_report_of_no_lead(edition)
    today = datetime.date(2020, 8, 15)
    new = documents(edition, today)
    with monkeypatch.context() as patch:
        patch.setattr(selectors, "plan_rows", prefetched_plan_rows)
        old = documents(edition, today)
    assert new == old
    assert json.loads(new["json"])["action_progress"]


def test_a_report_row_is_the_stored_standing_at_its_quarters_end(edition):
    """What docs/open-data.md says of the stored rows: each verified report's row judges the year as
    the stored standing of its quarter's end (its verified part) does, so the download could read them."""
    rng = random.Random(6)
    report_items(edition, rng, 120)
    change_items(edition, rng)
    today = datetime.date(2020, 8, 15)
    rows = build(edition, today).realisations
    items = {}
    for item in selectors.indicators(edition) + selectors.activities(edition):
        item.kind = "indicator" if isinstance(item, Indicator) else "activity"
        items[item_code(item)] = item
    assert len({row["period"] for row in rows}) == len(Period.values)
    for row in rows:
        item = items[row["item_code"]]
        quarter = Period(row["period"]).quarter
        [status] = standings.statuses([item], row["year"], up_to_quarter=quarter, today=today)
        status.unverified = 0  # what awaits review is never published
        expected = {**standing_fields(status), "compared_with": status.due_label or "target tahun"}
        assert {name: row[name] for name in expected} == expected, row
