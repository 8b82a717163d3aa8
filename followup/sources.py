"""The year's results as the generation rules read them (followup/rules.py): standings of items, the
action plan's unfinished actions, the PMPRB's weak sub-components and the risks still present.

A fixed number of queries whatever the size of the road map; the road map is the one in force that year.
"""

import datetime

from django.db.models import Max, Prefetch
from django.utils import timezone

from actions.models import ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import ChangeArea, Indicator, IndicatorTarget, PokjaMembership
from assessment.findings import weak_subcomponents
from assessment.models import Round
from followup import rules
from followup.models import Finding
from monev.action_reports import standing_of
from monev.models import ActionProgress, Realisation, ReviewState, RiskReview
from monev.standing import Rules, year_status
from roadmap.models import RoadmapEdition


def area_leads(edition: RoadmapEdition) -> dict[int, int]:
    """Each change area's leading agency, as proposed: the first agency of its Pokja (Tabel 1.3 lists the
    coordinating agency first). Staff may choose another when they issue the finding."""
    leads: dict[int, int] = {}
    for area_id, agency_id in (
        PokjaMembership.objects.filter(area__edition=edition)
        .order_by("area", "order")
        .values_list("area_id", "agency_id")
    ):
        leads.setdefault(area_id, agency_id)
    return leads


def item_results(edition: RoadmapEdition, year: int, leads: dict[int, int], today) -> list[rules.ItemResult]:
    reports = (
        Realisation.objects.filter(year=year).exclude(review_state=ReviewState.DRAFT).select_related("level")
    )
    common = [Prefetch("realisations", queryset=reports)]
    indicators = (
        Indicator.objects.of_edition(edition)
        .active_in(year)
        .select_related("scale")
        .prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.filter(year=year).select_related("level")),
            "scale__levels",
            *common,
        )
    )
    activities = (
        PriorityActivity.objects.of_edition(edition)
        .active_in(year)
        .prefetch_related(
            Prefetch("targets", queryset=ActivityTarget.objects.filter(year=year).select_related("level")),
            *common,
        )
    )
    measure = Rules.from_settings()
    results = []
    for kind, items in (("indicator", indicators), ("activity", activities)):
        for item in items:
            status = year_status(item, year, measure, today)
            owner = item.data_owner_id if kind == "indicator" else item.agency_id
            results.append(
                rules.ItemResult(
                    kind,
                    item.pk,
                    item.name,
                    item.area_id,
                    status.state,
                    status.target_display,
                    status.value_display,
                    owner,
                    leads.get(item.area_id),
                    status.year_over,
                )
            )
    return results


def row_results(edition: RoadmapEdition, year: int) -> list[rules.RowResult]:
    progress = ActionProgress.objects.filter(lead__isnull=False)
    rows = (
        ActionPlanRow.objects.filter(area__edition=edition, planned_actions__year=year)
        .distinct()
        .prefetch_related(
            "leads",
            Prefetch(
                "planned_actions",
                queryset=PlannedAction.objects.filter(year=year).prefetch_related(
                    Prefetch("progress", queryset=progress)
                ),
            ),
        )
    )
    results = []
    for row in rows:
        if not row.active_in(year):
            continue
        unfinished: dict[int | None, list[str]] = {}
        for action in row.planned_actions.all():
            standing = standing_of(action, row)
            if not standing.parts:
                unfinished.setdefault(None, []).append(action.text)
            for part in standing.parts:
                if not part.done:
                    unfinished.setdefault(part.lead_id, []).append(action.text)
        results.append(
            rules.RowResult(row.pk, row.name, row.area_id, {k: tuple(v) for k, v in unfinished.items()})
        )
    return results


def weak_results(edition: RoadmapEdition, year: int, leads: dict[int, int]) -> list[rules.WeakResult]:
    round_ = Round.objects.filter(year=year).select_related("model").first()
    if round_ is None:
        return []
    areas = dict(ChangeArea.objects.filter(edition=edition).values_list("slug", "pk"))
    results = []
    for spot in weak_subcomponents(round_):
        area_id = areas.get(spot.subcomponent.area) if spot.subcomponent.area else None
        results.append(
            rules.WeakResult(
                spot.assessment.pk,
                spot.subcomponent.pk,
                spot.subcomponent.name,
                spot.assessment.agency_id,
                area_id,
                leads.get(area_id) if area_id else None,
                spot.percent,
                spot.threshold,
            )
        )
    return results


def risk_results(edition: RoadmapEdition, year: int) -> list[rules.RiskResult]:
    reviews = RiskReview.objects.filter(risk__edition=edition, year=year).select_related("risk")
    reviews = reviews.prefetch_related("risk__solutions")
    return [
        rules.RiskResult(
            r.risk_id, r.risk.number, r.risk.obstacle, r.status, tuple(s.text for s in r.risk.solutions.all())
        )
        for r in reviews
    ]


def year_candidates(year: int, today: datetime.date | None = None) -> list[rules.Candidate]:
    """Every candidate finding of ``year`` not yet issued (empty when no road map was in force)."""
    edition = RoadmapEdition.objects.in_force(year).first()
    if edition is None:
        return []
    today = today or timezone.localdate()
    leads = area_leads(edition)
    issued = Finding.objects.filter(year=year).exclude(source_key="").values_list("source_key", flat=True)
    return rules.candidates(
        year,
        items=item_results(edition, year, leads, today),
        rows=row_results(edition, year),
        spots=weak_results(edition, year, leads),
        risks=risk_results(edition, year),
        issued=issued,
    )


def last_year_over(today: datetime.date | None = None) -> int:
    """The latest year that is over and that an enacted road map has targets or planned actions for:
    findings follow a year's results, and a year no road map covers has none (default: last year)."""
    this_year = (today or timezone.localdate()).year
    enacted = RoadmapEdition.objects.enacted()
    years = [
        IndicatorTarget.objects.filter(indicator__area__edition__in=enacted, year__lt=this_year),
        ActivityTarget.objects.filter(activity__area__edition__in=enacted, year__lt=this_year),
        PlannedAction.objects.filter(row__area__edition__in=enacted, year__lt=this_year),
    ]
    latest = [query.aggregate(latest=Max("year"))["latest"] for query in years]
    return max((year for year in latest if year is not None), default=this_year - 1)
