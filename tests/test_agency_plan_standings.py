"""Agency-plan indicators in the stored standings (monev/standings.py): after random sequences of
reports saved, reviewed and deleted, targets revised and indicators changed (some refused, some
rolled back), every stored row equals a fresh ``year_status`` over the reports, and the ranking of
agencies, which reads those rows, equals the ranking worked out from the reports themselves."""

import contextlib
import random
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from dashboards.agency_plans import progress_of, ranking
from monev import services, standings
from monev.models import Realisation, ReviewState, Standing
from monev.periods import periods_up_to
from monev.standing import Rules, year_status
from plans import services as plan_services
from plans.models import PlanIndicator, PlanStatus
from tests.plans_helpers import make_plan, target

pytestmark = pytest.mark.django_db
YEARS = (2020, 2021)
PERIODS = ("q1", "q2", "q3", "q4", "year")


def plan_items() -> dict[int, PlanIndicator]:
    reports = Realisation.objects.exclude(review_state=ReviewState.DRAFT).select_related("level")
    items = PlanIndicator.objects.select_related("scale").prefetch_related(
        "targets__level", "scale__levels", Prefetch("realisations", queryset=reports)
    )
    return {item.pk: item for item in items}


def assert_rows_equal_fresh() -> None:
    """Every stored row of a plan indicator, as it is, equals what its reports make of its slot now."""
    items, rules, today = plan_items(), Rules.from_settings(), timezone.localdate()
    rows = list(Standing.objects.filter(plan_indicator__isnull=False))
    assert len(rows) == len(items) * len(YEARS)  # each read once per year, none lost by a write
    for row in rows:
        item = items[row.plan_indicator_id]
        periods = set(periods_up_to(row.cut or None))
        reports = [r for r in item.realisations.all() if r.period in periods]
        fresh = year_status(item, row.year, rules, today, row.cut or None, reports=reports)
        assert row.item == f"plan:{item.pk}"
        assert tuple(getattr(row, column) for column in standings.TALLY) == standings.tally_of(fresh)
        assert row.detail == standings.dump(fresh), (row.item, row.year)


def shown(progress) -> tuple:
    return (progress.plan.pk, progress.average, progress.targeted, progress.reported, progress.completeness)


def assert_ranking_equals_fresh() -> None:
    """The ranking from stored rows equals each plan's figures worked out from all its reports (as the
    plan's own progress page does, drafts included: they count in neither)."""
    rules = Rules.from_settings()
    for year in YEARS:
        ranked = ranking(year)
        every = Realisation.objects.select_related("level")
        for progress in ranked:
            indicators = list(
                progress.plan.indicators.select_related("scale").prefetch_related(
                    "targets__level", "scale__levels", Prefetch("realisations", queryset=every)
                )
            )
            assert shown(progress) == shown(progress_of(progress.plan, indicators, year, rules))


def test_plan_standings_follow_every_write(staff_user, make_user):
    reviewer = make_user("pemeriksa-uji", "staff")  # nobody verifies their own reports
    inspektorat = make_plan(status=PlanStatus.APPROVED, user=staff_user)
    bkd = make_plan(agency="bkd", status=PlanStatus.APPROVED, user=staff_user)
    indicators = list(PlanIndicator.objects.filter(plan__in=[inspektorat, bkd]).order_by("pk"))
    for year in YEARS:
        ranking(year)  # the first reading stores every row
    assert_rows_equal_fresh()
    rng = random.Random(14)

    def report():
        services.save_realisation(
            item=rng.choice(indicators), year=rng.choice(YEARS), period=rng.choice(PERIODS),
            number=D(rng.choice([0, 4, 9, 15, 85])), level=None, submit=rng.random() < 0.7,
            reason="uji", user=staff_user,
        )  # fmt: skip

    def review():
        waiting = list(Realisation.objects.filter(review_state=ReviewState.SUBMITTED))
        chosen = rng.sample(waiting, min(len(waiting), rng.randint(1, 3)))
        services.review_reports(reports=chosen, verify=rng.random() < 0.8, note="Periksa.", user=reviewer)

    def delete():
        found = list(Realisation.objects.order_by("pk"))
        if found:
            rng.choice(found).delete()  # as in the admin

    def revise():
        plan_services.revise_targets(
            indicator=rng.choice(indicators), targets={rng.choice(YEARS): target(rng.choice([5, 10, 90]))},
            reason="Revisi uji.", user=staff_user,
        )  # fmt: skip

    def change():
        item = PlanIndicator.objects.get(pk=rng.choice(indicators).pk)
        item.aggregation, item.direction = rng.choice(["sum", "latest"]), rng.choice(["higher", "lower"])
        item.save()

    def rolled_back():
        with pytest.raises(RuntimeError), transaction.atomic():
            report()
            raise RuntimeError

    # Each kind of write once where it shows, whatever the random steps below try.
    first = indicators[0]
    services.save_realisation(
        item=first,
        year=2020,
        period="q1",
        number=D(4),
        level=None,
        submit=True,
        reason="uji",
        user=staff_user,
    )
    assert_rows_equal_fresh()
    services.review_reports(reports=list(Realisation.objects.all()), verify=True, user=reviewer)
    assert_rows_equal_fresh()
    plan_services.revise_targets(
        indicator=first, targets={2020: target(5)}, reason="Revisi.", user=staff_user
    )
    assert_rows_equal_fresh()
    first.direction = "lower"
    first.save()
    assert_rows_equal_fresh()
    assert_ranking_equals_fresh()
    done = set()
    for _ in range(36):
        step = rng.choice([report, report, report, review, review, delete, revise, change, rolled_back])
        with contextlib.suppress(ValidationError, PermissionDenied), transaction.atomic():
            step()  # refused as the forms would refuse it: nothing written
            done.add(step.__name__)
        assert_rows_equal_fresh()
        assert_ranking_equals_fresh()
    assert done == {"report", "review", "delete", "revise", "change", "rolled_back"}
    before = sorted(Standing.objects.values_list("item", "year", "cut", *standings.TALLY, "detail"), key=repr)
    call_command("rebuild_standings", verbosity=0)
    assert (
        sorted(Standing.objects.values_list("item", "year", "cut", *standings.TALLY, "detail"), key=repr)
        == before
    )
