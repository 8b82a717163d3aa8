"""Every page a person opens, per role that opens it, on the demo data (``seed_demo``).

Shared by the browser tests that walk the whole application (accessibility, phone width,
Content-Security-Policy) so that a new page is checked everywhere once it is listed here.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from followup.models import Finding
from roadmap.models import RoadmapEdition

READERS = ("organisasi", "inspektorat", "pengarah")
REPORTERS = ("organisasi", "inspektorat")
STAFF = ("organisasi",)
# Who may record a contribution to Inspektorat's row: a supporting agency or staff.
SUPPORTERS = ("organisasi",)


def tour() -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, path, usernames) of every HTML page, on the demo data."""
    area = RoadmapEdition.objects.current().areas.get(slug="pengawasan")
    activity = PriorityActivity.objects.get(name="Penanganan gratifikasi.")
    indicator = Indicator.objects.get(name="Kapabilitas Aparatur Pengawas Intern Pemerintahan")
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    account = get_user_model().objects.get(username="bkd")
    finding = Finding.objects.filter(agency__code="inspektorat", state="open").first()  # followup/demo.py
    pages = [
        ("overview", reverse("actions:overview"), READERS),
        ("area", area.get_absolute_url(), READERS),
        ("indicators", reverse("areas:indicator-list"), READERS),
        ("agencies", reverse("actions:agency-list"), READERS),
        ("agency", reverse("actions:agency-detail", args=["inspektorat"]), READERS),
        ("activities", reverse("actions:activity-list"), READERS),
        ("action-plan", reverse("actions:action-plan"), READERS),
        ("quick-wins", reverse("actions:quick-win-list"), READERS),
        ("open-data", reverse("actions:open-data"), READERS),
        ("open-data-progress", reverse("opendata:progress"), READERS),
        ("open-data-schema", reverse("opendata:schema"), READERS),
        ("teams", reverse("roadmap:team-list"), READERS),
        ("risks", reverse("roadmap:risk-list"), READERS),
        ("regulation", reverse("roadmap:regulation"), READERS),
        ("indicator", indicator.get_absolute_url(), READERS),
        ("indicator-history", reverse("monev:indicator-history", args=[indicator.pk]), READERS),
        ("indicator-report", reverse("monev:indicator-report", args=[indicator.pk]), STAFF),
        ("indicator-targets", reverse("monev:indicator-targets", args=[indicator.pk]), STAFF),
        ("activity", activity.get_absolute_url(), READERS),
        ("activity-history", reverse("monev:activity-history", args=[activity.pk]), READERS),
        ("activity-report", reverse("monev:activity-report", args=[activity.pk]), REPORTERS),
        ("activity-targets", reverse("monev:activity-targets", args=[activity.pk]), STAFF),
        ("row", row.get_absolute_url(), READERS),
        ("row-history", reverse("monev:action-row-history", args=[row.pk]), READERS),
        ("row-progress", reverse("monev:action-progress", args=[row.pk]), REPORTERS),
        ("row-contribution", reverse("monev:action-contribution", args=[row.pk]), SUPPORTERS),
        ("dashboard", reverse("dashboards:dashboard"), READERS),
        ("achievement", reverse("dashboards:achievement"), READERS),
        ("plan-progress", reverse("dashboards:action-plan-progress"), READERS),
        ("completeness", reverse("dashboards:completeness"), STAFF),
        ("yearend", reverse("dashboards:report"), READERS),
        ("yearend-risks", reverse("dashboards:report-risks"), STAFF),
        ("yearend-signatories", reverse("dashboards:report-signatories"), STAFF),
        ("tasks", reverse("monev:tasks"), READERS),
        ("followup", reverse("followup:register"), READERS),
        ("followup-finding", finding.get_absolute_url(), READERS),
        ("followup-generate", reverse("followup:generate") + "?year=2020", STAFF),
        ("followup-add", reverse("followup:finding-add"), STAFF),
        ("verification", reverse("monev:verification"), STAFF),
        ("windows", reverse("monev:windows"), STAFF),
        # The edition's content, one area per page (the first by default) and the quick wins' tab.
        ("edition-content", reverse("editions:content", args=[area.edition_id]), STAFF),
        (
            "edition-content-area",
            reverse("editions:content", args=[area.edition_id]) + f"?area={area.pk}",
            STAFF,
        ),
        (
            "edition-content-quick-wins",
            reverse("editions:content", args=[area.edition_id]) + "?area=quick-wins",
            STAFF,
        ),
        ("import", reverse("monev:import"), REPORTERS),
        ("own-details", reverse("own-details"), READERS),
        ("password", reverse("password_change"), READERS),
        ("accounts", reverse("account-list"), STAFF),
        ("account-new", reverse("account-create"), STAFF),
        ("account-edit", reverse("account-edit", args=[account.pk]), STAFF),
        ("account-password", reverse("account-password", args=[account.pk]), STAFF),
        *plan_pages(),
        ("help", reverse("guide:index"), READERS),
        ("help-agency-admin", reverse("guide:guide", args=["agency-admin"]), READERS),
        ("help-staff", reverse("guide:guide", args=["staff"]), READERS),
        ("help-steering", reverse("guide:guide", args=["steering"]), READERS),
        ("whats-new", reverse("guide:whats-new"), READERS),
        ("not-found", "/tidak-ada/", READERS),
    ]
    return pages


def plan_pages() -> list[tuple[str, str, tuple[str, ...]]]:
    """Agency plans on the demo data (plans/demo.py): Inspektorat's approved, Bappeda's submitted,
    Diskominfo's draft."""
    from plans.demo import OWN
    from plans.models import AgencyPlan, StandardIndicator

    plans = {plan.agency.code: plan for plan in AgencyPlan.objects.select_related("agency")}
    approved, submitted, draft = plans["inspektorat"], plans["bappeda"], plans["dinkominfo"]
    own = approved.indicators.get(name=OWN)
    standard = draft.indicators.filter(standard__isnull=False).first()
    return [
        ("plans", reverse("plans:plan-list"), READERS),
        ("plan", approved.get_absolute_url(), READERS),
        ("plan-print", reverse("plans:plan-print", args=[approved.pk]), READERS),
        ("plan-signatory", reverse("plans:plan-signatory", args=[approved.pk]), REPORTERS),
        ("plan-review", submitted.get_absolute_url(), STAFF),
        ("plan-draft", draft.get_absolute_url(), STAFF),
        ("plan-import", reverse("plans:plan-import", args=[draft.pk]), STAFF),
        ("plan-activity-add", reverse("plans:activity-add", args=[draft.pk]), STAFF),
        ("plan-indicator-add", reverse("plans:indicator-add", args=[draft.pk]), STAFF),
        ("plan-standard-targets", reverse("plans:indicator-edit", args=[draft.pk, standard.pk]), STAFF),
        ("plan-revise", reverse("plans:indicator-revise", args=[approved.pk, own.pk]), STAFF),
        ("plan-standards", reverse("plans:standard-list"), READERS),
        ("plan-standard-add", reverse("plans:standard-add"), STAFF),
        (
            "plan-standard-edit",
            reverse("plans:standard-edit", args=[StandardIndicator.objects.first().pk]),
            STAFF,
        ),
        ("plan-indicator", reverse("monev:plan_indicator-detail", args=[own.pk]), READERS),
        ("plan-indicator-report", reverse("monev:plan_indicator-report", args=[own.pk]), REPORTERS),
        ("plan-progress", reverse("dashboards:agency-plan-progress", args=[approved.pk]), READERS),
        ("plan-ranking", reverse("dashboards:agency-plan-ranking"), ("organisasi", "pengarah")),
    ]
