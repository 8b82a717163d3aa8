"""Query counts that stay flat as the data grows: one table of limits for every pinned page.

Each page is fetched at two sizes of the data of its scenario, within the same limit both times:
first as the scenario makes it, then after more items in every area (tests/growth.py) and many
more reports on them. A limit is a ceiling on the queries of the page's request alone (its address
is worked out before counting), measured on PostgreSQL and SQLite: a page that needs more queries
as the data grows fails at the larger size; lower a limit when a page gets cheaper.

Issue 15 (editions) added one query where windows are open (which road map is in force for each
open period: the task count of the navigation, twice on the tasks page), one on an item page (the
targets' history, for reports made against an older target) and one on the history tab (the
amendments that changed the item).

Issue 18 (the follow-up register) added one query to the task count of the navigation for reporters
(the findings they must follow up or verify, monev/task_sources.py), one to the dashboard (its follow-up
figure) and one to the year-end report and its workbook (the previous year's findings).

Issue 17 (agency plans) added one query to the agency page (its plans) and two to the year-end
report (the approved plans of the year, the agencies without one; with plans, a fixed number more).

Issue 14 (speed) added one query to each table of the verification queue: it orders and counts ids
only, then reads the page's reports whole. The tasks page no longer works its tasks out twice (once
for the navigation's count): half its queries.
Issue 14 read a PMPRB round's answers from the counted values stored per assessment
(assessment/stored.py): one query fewer on the round list, a round's page and its summary; then
their stored scores, without the model's questions: one query fewer again.
The ranking of agencies' plans reads their indicators' stored standings: warmed up, as every page
over stored standings (the first reading of a year stores the rows), 11 as before.

(Before this table, the tests of the monitoring pages, the staff pages and the filtered matrix
also counted the queries that found their items by name: 4, 1 and 1. Their limits here are that
much lower, the same ceiling on the page.)
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from dashboards import dashboard_cache
from roadmap.models import Agency, RoadmapEdition
from tests.growth import add_many_reports, add_reports, add_review_work, grow
from tests.test_dashboard import sdm_reports  # noqa: F401  (a fixture, for the "sdm" scenario)

pytestmark = pytest.mark.django_db

YEAR = 2020


# --- The scenarios: each yields once per size of its data, after making that size ----------------


def regulation(request) -> Iterator[str]:
    yield "the regulation as loaded"
    grow(12)
    yield "12 more indicators, activities and action-plan rows in every area"


def reports(request) -> Iterator[str]:
    add_reports(per_item_years=(2020,))
    yield "verified 2020 reports with evidence on every item, progress on every action"
    grow(6)
    add_reports(per_item_years=(2019, 2020))
    yield "6 more items in every area, reports for 2019 and 2020 on all of them"


def review_work(request) -> Iterator[str]:
    add_review_work(4)
    yield "4 reports awaiting review, an open window, 4 reopened items"
    grow(6)
    add_review_work(30)
    yield "6 more items in every area, 30 reports awaiting review, 3 open windows, 30 reopened items"


def sdm(request) -> Iterator[str]:
    request.getfixturevalue("sdm_reports")
    yield "the SDM area's reports of tests/test_dashboard.py"
    grow(6)
    add_many_reports()
    yield "6 more items in every area, reports in every state on all of them, windows opened and closed"


def year_end(request) -> Iterator[str]:
    yield "the regulation as loaded"
    grow(3)
    yield "3 more indicators, activities and action-plan rows in every area"


def pmprb_round(request) -> Iterator[str]:
    from assessment.models import AnswerEvidence, Assessment, Question
    from tests.pmprb_helpers import BKD, REGENCY, answer, open_round, tiny_model

    staff = request.getfixturevalue("staff_user")
    round_ = open_round(staff, tiny_model(), agencies=("bkd",))
    answer(round_.assessments.get(agency=None), staff, REGENCY)
    yield "a PMPRB round of the test model: the regency and BKD, the regency answered"
    version = round_.model
    for n, sub in enumerate(version.subcomponents.all()):  # weights no longer add up: counting only
        for k in range(4):
            Question.objects.create(
                model=version,
                subcomponent=sub,
                code=f"X{n}.{k}",
                order=100 + 10 * n + k,
                text="?",
                kind="yes_no",
                weight=1,
            )
    others = Agency.objects.exclude(code="bkd")[:12]
    Assessment.objects.bulk_create([Assessment(round=round_, agency=agency) for agency in others])
    extra = {q.code: "ya" for q in version.questions.filter(code__startswith="X")}
    for assessment in round_.assessments.all():
        answer(assessment, staff, {**BKD, **extra} if assessment.agency_id else extra)
        for stored in assessment.answers.all()[:3]:
            AnswerEvidence.objects.create(answer=stored, link="https://example.org/bukti", uploaded_by=staff)
    yield "12 more questions, 12 more agencies, every assessment answered, evidence on some answers"


def findings(request) -> Iterator[str]:
    from followup.models import Finding, Step

    def add(count: int) -> None:
        agencies = list(Agency.objects.all()[:count])
        made = Finding.objects.bulk_create(
            Finding(
                year=YEAR,
                source="direction",
                description=f"Arahan {n}",
                agency=agencies[n % len(agencies)],
                recommendation="R",
                deadline=f"{2021 + n % 10}-01-31",
                state="in_progress",
            )
            for n in range(count)
        )
        Step.objects.bulk_create(Step(finding=f, text="Langkah") for f in made)

    add(3)
    yield "3 findings in progress, one step each"
    add(40)
    yield "43 findings of many agencies, some overdue"


def agency_plans(request) -> Iterator[str]:
    from plans.models import AgencyPlan, PlanActivity, PlanIndicator, PlanTarget
    from tests.factories import RealisationFactory
    from tests.plans_helpers import make_plan, target

    staff = request.getfixturevalue("staff_user")
    for code in ("inspektorat", "bkd"):
        for indicator in make_plan(code, status="approved", user=staff).indicators.all():
            RealisationFactory(plan_indicator=indicator, number=5, review_state="verified")
    yield "Inspektorat's and BKD's approved plans, a verified report on each indicator"
    for code in ("bpkd", "dinkominfo", "bappeda", "dinhub"):
        make_plan(code, status="approved", user=staff)
    for plan in AgencyPlan.objects.all():
        activity = plan.activities.first()
        for n in range(6):
            added = PlanIndicator.objects.create(
                plan=plan, area_id=activity.area_id, activity=activity, name=f"Indikator uji {n}", unit="%"
            )
            PlanTarget.objects.bulk_create(
                PlanTarget(indicator=added, year=y, **target(n + 1)) for y in plan.years
            )
        PlanActivity.objects.create(
            plan=plan, area_id=activity.area_id, name="Kegiatan uji", responsible_unit="-"
        )
        for indicator in plan.indicators.all():
            for period in ("q2", "q3"):
                RealisationFactory(plan_indicator=indicator, period=period, number=3, review_state="verified")
    yield "4 more approved plans, 6 more indicators and an activity in each, two verified quarters on all"


def own_plan_page(name: str, indicator: bool = False) -> Callable[[], str]:
    def address() -> str:
        from plans.models import AgencyPlan
        from tests.plans_helpers import OWN

        plan = AgencyPlan.objects.get(agency__code="inspektorat")
        pk = plan.indicators.get(name=OWN).pk if indicator else plan.pk
        return reverse(name, args=[pk]) + ("" if indicator else "?year=2020")

    return address


def pmprb_page(name: str, **kwargs) -> Callable[[], str]:
    def address() -> str:
        from assessment.models import Round

        round_ = Round.objects.get(year=YEAR)
        regency = round_.assessments.get(agency=None)
        values = {"round": round_.pk, "regency": regency.pk, "model": round_.model_id}
        return reverse(name, kwargs={key: values.get(value, value) for key, value in kwargs.items()})

    return address


# --- The pages ----------------------------------------------------------------------------------


def url(name: str, /, *args, **query) -> Callable[[], str]:
    """A page's address with its query string; callables among the values are called when it is fetched."""

    def address() -> str:
        values = {key: value() if callable(value) else value for key, value in query.items()}
        path = reverse(name, args=[arg() if callable(arg) else arg for arg in args])
        return path + ("?" + urlencode(values) if values else "")

    return address


def promosi() -> PriorityActivity:
    return PriorityActivity.objects.get(name="Promosi jabatan secara terbuka.")


def pengawasan_page() -> str:
    return RoadmapEdition.objects.current().areas.get(slug="pengawasan").get_absolute_url()


@dataclass(frozen=True)
class Pin:
    name: str
    page: str | Callable[[], str]  # a URL name without arguments, or what works out the address
    max_queries: int
    data: Callable[..., Iterator[str]] = regulation
    user: str = "pengarah_user"  # the fixture of the user who reads it
    # Fetched once before counting, at each size: the session and profile are then loaded, and the first
    # reading of new items has stored their standings (monev.standings; later writes keep them in step).
    warm_up: bool = False
    # The dashboard's first view after a write: its remembered figures forgotten after the warm-up.
    forget: bool = False

    @property
    def id(self) -> str:
        return f"{self.data.__name__}:{self.name}"

    def address(self) -> str:
        return self.page() if callable(self.page) else reverse(self.page)


STAFF = "staff_user"


def sakip() -> str:
    return Indicator.objects.get(
        name="Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah"
    ).get_absolute_url()


def jabatan_fungsional() -> str:
    return ActionPlanRow.objects.get(name="Pengembangan jabatan fungsional").get_absolute_url()


def bkd() -> int:
    return Agency.objects.get(code="bkd").pk


# fmt: off
PINS = [
    # Reading the regulation, as the Tim Pengarah.
    Pin("overview", "actions:overview", 8),
    Pin("indicator-list", "areas:indicator-list", 12),
    Pin("activity-list", "actions:activity-list", 14),
    Pin("action-plan", "actions:action-plan", 14),
    Pin("agency-list", "actions:agency-list", 7),
    Pin("agency-detail", lambda: reverse("actions:agency-detail", kwargs={"code": "inspektorat"}), 23),
    Pin("quick-win-list", "actions:quick-win-list", 8),
    Pin("team-list", "roadmap:team-list", 11),
    Pin("risk-list", "roadmap:risk-list", 7),
    Pin("regulation", "roadmap:regulation", 9),
    Pin("export-json", "actions:export-json", 25),
    Pin("area", pengawasan_page, 21),
    # Items, achievement, recap and table exports with reports on every item, as the Tim Pengarah.
    Pin("activity", lambda: promosi().get_absolute_url(), 10, reports),
    Pin("indicator", sakip, 12, reports),
    Pin("row", jabatan_fungsional, 13, reports),
    Pin("achievement", url("dashboards:achievement", year=YEAR), 18, reports, warm_up=True),
    Pin("achievement-area", url("dashboards:achievement", year=YEAR, area=lambda: promosi().area_id), 18, reports, warm_up=True),
    Pin("action-plan-progress", url("dashboards:action-plan-progress", year=YEAR), 11, reports),
    Pin("recap", url("dashboards:recap", year=YEAR), 20, reports, warm_up=True),
    Pin("recap-agency", url("dashboards:recap", year=YEAR, agency="inspektorat"), 21, reports, warm_up=True),
    Pin("indicators-xlsx", url("areas:indicator-list", _export="xlsx"), 9, reports),
    Pin("activities-xlsx", url("actions:activity-list", _export="xlsx"), 8, reports),
    Pin("action-plan-xlsx", url("actions:action-plan", _export="xlsx"), 10, reports),
    Pin("achievement-xlsx", url("dashboards:achievement", year=YEAR, _export="xlsx"), 14, reports, warm_up=True),
    # The open data of verified progress: the public page, the JSON and a CSV file (opendata/).
    Pin("open-data-progress", url("opendata:progress", year=YEAR), 16, reports, warm_up=True),
    Pin("open-data-json", "opendata:json", 21, reports),
    Pin("open-data-csv", url("opendata:csv", "realisasi"), 21, reports),
    # Staff work: reviewing, windows, tasks, history, the import, completeness.
    Pin("verification", "monev:verification", 25, review_work, STAFF),
    Pin("windows", "monev:windows", 20, review_work, STAFF),
    Pin("tasks", "monev:tasks", 16, review_work, STAFF),
    Pin("history", url("monev:activity-history", lambda: promosi().pk), 26, review_work, STAFF),
    Pin("overview-with-task-count", "actions:overview", 19, review_work, STAFF),
    Pin("import-template", url("monev:import-template", agency="inspektorat", year=YEAR, period="q1"), 13,
        review_work, STAFF),
    Pin("import", "monev:import", 20, review_work, STAFF),
    Pin("completeness", url("dashboards:completeness", year=YEAR), 25, review_work, STAFF, warm_up=True),
    # The Tim Pengarah's dashboard and the staff's completeness matrix, on the SDM reports.
    Pin("dashboard", url("dashboards:dashboard", year=YEAR), 28, sdm, warm_up=True),
    Pin("dashboard-quarter", url("dashboards:dashboard", year=YEAR, quarter=2), 28, sdm, warm_up=True),
    Pin("dashboard-first-view", url("dashboards:dashboard", year=YEAR), 26, sdm, warm_up=True, forget=True),
    Pin("completeness", url("dashboards:completeness", year=YEAR), 25, sdm, STAFF, warm_up=True),
    Pin("completeness-filtered", url("dashboards:completeness", year=YEAR, agency=bkd, period="q1"), 26,
        sdm, STAFF, warm_up=True),
    # The PMPRB self-assessment: the round's pages for the Tim Pengarah, the worksheet and forms for staff.
    # Road map editions: the list and one edition's content (one area's items, or the quick wins), for staff.
    Pin("editions", "editions:list", 13, regulation, STAFF),
    Pin("edition-content", url("editions:content", lambda: RoadmapEdition.objects.current().pk), 25,
        regulation, STAFF),
    Pin("edition-content-quick-wins", url("editions:content", lambda: RoadmapEdition.objects.current().pk,
        area="quick-wins"), 21, regulation, STAFF),
    Pin("pmprb-rounds", "assessment:round-list", 11, pmprb_round),
    Pin("pmprb-round", pmprb_page("assessment:round-detail", pk="round"), 16, pmprb_round),
    Pin("pmprb-summary", pmprb_page("assessment:round-summary", pk="round"), 16, pmprb_round),
    Pin("pmprb-round-workbook", pmprb_page("assessment:round-workbook", pk="round"), 17, pmprb_round),
    Pin("pmprb-model", pmprb_page("assessment:model-detail", pk="model"), 9, pmprb_round),
    Pin("pmprb-worksheet", pmprb_page("assessment:assessment-detail", pk="regency"), 20, pmprb_round, STAFF),
    Pin("pmprb-answer", pmprb_page("assessment:assessment-answer", pk="regency", code="sdm"), 19, pmprb_round,
        STAFF),
    # Agency plans: the list, a plan, its achievement, the ranking, a plan indicator's page.
    Pin("plans", "plans:plan-list", 6, agency_plans),
    Pin("plan", own_plan_page("plans:plan-detail"), 11, agency_plans),
    Pin("plan-progress", own_plan_page("dashboards:agency-plan-progress"), 12, agency_plans),
    Pin("plan-ranking", url("dashboards:agency-plan-ranking", year=YEAR), 11, agency_plans, warm_up=True),
    Pin("plan-indicator", own_plan_page("monev:plan_indicator-detail", indicator=True), 10, agency_plans),
    # The follow-up register, as the Tim Pengarah and as staff (with the task count), and its workbook.
    Pin("followup-register", "followup:register", 10, findings),
    Pin("followup-register-staff", "followup:register", 20, findings, STAFF),
    Pin("followup-register-xlsx", url("followup:register", _export="xlsx"), 10, findings),
    # The year-end monev report, as a page and as a workbook.
    Pin("report", url("dashboards:report", year=YEAR), 36, year_end, warm_up=True),
    Pin("report-workbook", url("dashboards:report", year=YEAR, _export="xlsx"), 33, year_end, warm_up=True),
]
# fmt: on


def test_every_pin_has_its_own_id():
    ids = [pin.id for pin in PINS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("pin", PINS, ids=[pin.id for pin in PINS])
def test_query_count_does_not_grow_with_the_data(client, django_assert_max_num_queries, request, pin):
    client.force_login(request.getfixturevalue(pin.user))
    for size in pin.data(request):
        address = pin.address()
        if pin.warm_up:
            client.get(address)
        if pin.forget:
            dashboard_cache.forget()
        with django_assert_max_num_queries(pin.max_queries, info=f"{pin.id}, with {size}"):
            assert client.get(address).status_code == 200
