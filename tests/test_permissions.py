"""Who gets what: every URL × method × role, as one table (house rule 7).

Roles: anonymous, a user without a role, staff of Bagian Organisasi, the admin of the agency
that owns the object ("own"), the admin of another agency ("other"), and the Tim Pengarah.
A test fails when a URL exists that the table does not cover.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from roadmap.models import RoadmapEdition

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "no_role", "staff", "own", "other", "steering")

LOGIN = "login"  # expected: a redirect to the login page

READ = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 200, "other": 200, "steering": 200}
READ_ONLY_POST = {"anonymous": LOGIN, "no_role": 403, "staff": 405, "own": 405, "other": 405, "steering": 405}
PUBLIC = dict.fromkeys(ROLES, 200)
PUBLIC_POST = dict.fromkeys(ROLES, 405)
STAFF_ONLY = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 403, "other": 403, "steering": 403}
SIGNED_IN = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 200, "other": 200, "steering": 200}
# Writing an item: staff and the owning agency; another agency never learns it exists.
OWN_AGENCY = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 200, "other": 404, "steering": 403}
# Staff and every agency admin (for their own agency); the Tim Pengarah never writes.
REPORTERS = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 200, "other": 200, "steering": 403}
# Indicators measure the whole regency: only staff report them, and their data owner's admins.
STAFF_WRITES = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 403, "other": 403, "steering": 403}
DATA_OWNER_WRITES = {**STAFF_WRITES, "own": 200}  # "own": Inspektorat, data owner of Kapabilitas APIP
# Review: staff, and the admins of agencies in a Pokja (Inspektorat and BKD both sit in one).
REVIEWERS = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 200, "other": 200, "steering": 403}
# A contribution comes from a supporting agency, not from the row's own lead ("own" here).
SUPPORTERS = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 404, "other": 200, "steering": 403}


def area_pk():
    return RoadmapEdition.objects.current().areas.get(slug="pengawasan").pk


def inspektorat_activity_pk():
    return PriorityActivity.objects.get(name="Penanganan gratifikasi.").pk


def inspektorat_row_pk():
    return ActionPlanRow.objects.get(name="Penanganan Gratifikasi").pk


def indicator_pk():
    return Indicator.objects.get(name="Indeks Reformasi Birokrasi").pk


def owned_indicator_pk():
    return Indicator.objects.get(name="Kapabilitas Aparatur Pengawas Intern Pemerintahan").pk


def evidence_pk():
    from django.core.files.base import ContentFile

    from tests.factories import EvidenceFactory, RealisationFactory

    report = RealisationFactory(activity_id=inspektorat_activity_pk(), period="q1", number=100)
    return EvidenceFactory(
        realisation=report,
        file=ContentFile(b"%PDF-1.4 bukti", name="bukti.pdf"),
        original_name="bukti.pdf",
        content_type="application/pdf",
    ).pk


def submitted_report_pk():
    from tests.factories import RealisationFactory

    return RealisationFactory(
        activity_id=inspektorat_activity_pk(), period="q2", number=90, review_state="submitted"
    ).pk


def reopening():
    from monev.models import ReportingWindow

    return {
        "window": ReportingWindow.objects.create(year=2020, period="q1").pk,
        "reason": "Koreksi data TW I",
    }


def managed_account_pk():
    return get_user_model().objects.get(username="bkd").pk


def superuser_pk():
    return get_user_model().objects.create_superuser("sysadmin", password="sandi-uji-2020").pk


def pmprb() -> dict:
    """A PMPRB round on the small test model: the regency, BKD ("other"), Inspektorat ("own", also the
    PMPRB reviewer) and Dinkominfo, whom neither test agency is; BKD has a submitted answer with a file."""
    from django.core.files.base import ContentFile

    from assessment.models import AnswerEvidence, Round
    from tests.pmprb_helpers import BKD, answer, open_round, tiny_model

    round_ = Round.objects.filter(year=2020).first()
    if round_ is None:
        staff = get_user_model().objects.get(username="organisasi")
        round_ = open_round(staff, tiny_model(), agencies=("bkd", "inspektorat", "dinkominfo"))
        bkd = round_.assessments.get(agency__code="bkd")
        answer(bkd, get_user_model().objects.get(username="bkd"), BKD)
        AnswerEvidence.objects.create(
            answer=bkd.answers.get(question__code="Q1"),
            file=ContentFile(b"%PDF-1.4 SK", name="sk.pdf"),
            original_name="sk.pdf",
            content_type="application/pdf",
        )
    by_agency = {
        a.agency.code if a.agency_id else "pemkab": a for a in round_.assessments.select_related("agency")
    }
    bkd_answer = by_agency["bkd"].answers.get(question__code="Q1")
    return {
        "round": round_.pk,
        "model": round_.model_id,
        **{code: a.pk for code, a in by_agency.items()},
        "answer": bkd_answer.pk,
        "evidence": bkd_answer.evidence.get().pk,
    }


def pmprb_kwargs(**names):
    """URL kwargs from the PMPRB data: pmprb_kwargs(pk="bkd") → {"pk": <BKD's assessment id>}."""

    def kwargs():
        data = pmprb()
        return {key: data.get(value, value) for key, value in names.items()}

    return kwargs


def plan_kwargs(status: str, line: str | None = None, indicator: bool = False):
    """URL kwargs of Inspektorat's ("own") plan in ``status``: the plan, one of its lines, or its own
    indicator as a reportable item (tests/plans_helpers.py)."""

    def kwargs():
        from tests.plans_helpers import OWN, make_plan

        plan = make_plan(status=status, start_year=2020 if status == "approved" else 2022)
        own_indicator = plan.indicators.get(name=OWN)
        if indicator:
            return {"pk": own_indicator.pk}
        lines = {"activity": own_indicator.activity_id, "indicator": own_indicator.pk}
        return {"pk": plan.pk, **({"line_id": lines[line]} if line else {})}

    return kwargs


def standard_pk():
    from tests.plans_helpers import standard_indicator

    return {"pk": standard_indicator().pk}


# Drafting a plan: staff and its agency; another agency never learns of a draft; the Tim Pengarah reads.
PLAN_DRAFTERS = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 200, "other": 404, "steering": 403}
# An approved plan is read by everyone: another agency may read it but not change it.
APPROVED_PLAN_WRITE = {**PLAN_DRAFTERS, "other": 403}


# Reviewing the PMPRB: staff and the Inspektorat's admins ("own"); the assessed agency ("other") may not.
PMPRB_REVIEW = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 200, "other": 403, "steering": 403}
# Answering BKD's assessment ("other"): staff and BKD; the reviewer and the Tim Pengarah read it.
PMPRB_ANSWER = {"anonymous": LOGIN, "no_role": 403, "staff": 200, "own": 403, "other": 200, "steering": 403}
# An assessment neither test agency's: "other" does not learn it exists.
NOT_BKDS = {**READ, "other": 404}


def followup() -> dict:
    """Two findings of Inspektorat ("own"): one open, one reported done with a file as evidence."""
    from django.core.files.base import ContentFile

    from followup.models import Finding, Step, StepEvidence
    from roadmap.models import Agency

    inspektorat = Agency.objects.get(code="inspektorat")
    open_one = Finding.objects.filter(state="open").first() or Finding.objects.create(
        year=2020,
        source="direction",
        description="Arahan",
        agency=inspektorat,
        recommendation="R",
        deadline="2030-01-01",
    )
    done = Finding.objects.filter(state="submitted").first()
    if done is None:
        done = Finding.objects.create(
            year=2020,
            source="other",
            description="Temuan",
            agency=inspektorat,
            recommendation="R",
            deadline="2030-01-01",
            state="submitted",
        )
        step = Step.objects.create(finding=done, text="Sudah", finished=True)
        StepEvidence.objects.create(
            step=step,
            file=ContentFile(b"%PDF-1.4 bukti", name="bukti.pdf"),
            original_name="bukti.pdf",
            content_type="application/pdf",
        )
    return {"open": open_one.pk, "submitted": done.pk, "evidence": done.steps.get().evidence.get().pk}


def followup_kwargs(name):
    return lambda: {"pk": followup()[name]}


# A finding of Inspektorat ("own"): BKD ("other") never learns it exists; the Tim Pengarah reads it.
FINDING_READ = {**READ, "other": 404}
# Recording a step (an empty one: refused with its error): staff and the responsible agency.
FINDING_ANSWER = {"anonymous": LOGIN, "no_role": 403, "staff": 400, "own": 400, "other": 404, "steering": 403}


def small_draft():
    """A draft road map with one item of each kind (copying the whole 2020 edition per case would be slow)."""
    from actions.models import ActionPlanLead, QuickWin
    from areas.models import ChangeArea

    draft = RoadmapEdition.objects.drafts().first()
    if draft is not None:
        return draft
    draft = RoadmapEdition.objects.create(
        status="draft", title="Road Map 2021-2024", start_year=2021, end_year=2024
    )
    area = ChangeArea.objects.create(
        edition=draft, order=1, name="Manajemen Perubahan", slug="manajemen-perubahan"
    )
    quick_win = QuickWin.objects.create(
        edition=draft, number=1, name="Mal Pelayanan Publik", description="-", lead_agency=inspektorat()
    )
    Indicator.objects.create(area=area, order=1, name="Indeks Reformasi Birokrasi", target_kind="number")
    PriorityActivity.objects.create(area=area, order=1, name="Sosialisasi road map", agency=inspektorat())
    PriorityActivity.objects.create(quick_win=quick_win, order=1, name="Layanan MPP", agency=inspektorat())
    row = ActionPlanRow.objects.create(area=area, order=1, name="Menyusun road map")
    ActionPlanLead.objects.create(row=row, agency=inspektorat(), order=1)
    return draft


def inspektorat():
    from roadmap.models import Agency

    return Agency.objects.get(code="inspektorat")


def draft_pk():
    return {"pk": small_draft().pk}


def draft_edition():
    return {"edition": small_draft().pk}


def in_force():
    return {"edition": RoadmapEdition.objects.current().pk}


def draft_item(kind: str):
    def pk():
        draft = small_draft()
        model = {"indicator": Indicator, "activity": PriorityActivity, "row": ActionPlanRow}[kind]
        return {"pk": model.objects.of_edition(draft).first().pk}

    return pk


def draft_area():
    return {"pk": small_draft().areas.get().pk}


def draft_quick_win():
    return {"pk": small_draft().quick_wins.get().pk}


def amendment_pk():
    from editions import services

    edition = RoadmapEdition.objects.current()
    amendment = edition.amendments.first() or services.create_amendment(
        edition=edition,
        basis="decision",
        document_number="1/TP/2020",
        document_date="2020-10-01",
        reason="Arahan Tim Pengarah",
        effective_year=2020,
        user=None,
    )
    return {"pk": amendment.pk}


# Making and amending road maps: staff write; every role reads enacted editions; a draft is staff's.
DRAFT_READ = {**READ, "own": 404, "other": 404, "steering": 404}
STAFF_FORM_POST = STAFF_ONLY  # an empty post is the form again, with its errors: 200
STAFF_REDIRECTS = {**STAFF_ONLY, "staff": 302}
EDITION_PAGES = [
    ("editions:list", None, "get", READ),
    ("editions:list", None, "post", READ_ONLY_POST),
    ("editions:create", None, "get", STAFF_ONLY),
    ("editions:create", None, "post", STAFF_FORM_POST),
    ("editions:detail", lambda: {"pk": RoadmapEdition.objects.current().pk}, "get", READ),
    ("editions:detail", lambda: {"pk": RoadmapEdition.objects.current().pk}, "post", READ_ONLY_POST),
    ("editions:detail", draft_pk, "get", DRAFT_READ),
    ("editions:workbook", lambda: {"pk": RoadmapEdition.objects.current().pk}, "get", READ),
    ("editions:workbook", lambda: {"pk": RoadmapEdition.objects.current().pk}, "post", READ_ONLY_POST),
    ("editions:workbook", draft_pk, "get", DRAFT_READ),
    ("editions:settings", draft_pk, "get", STAFF_ONLY),
    ("editions:settings", draft_pk, "post", STAFF_FORM_POST),
    ("editions:enact", draft_pk, "get", STAFF_ONLY),
    ("editions:enact", draft_pk, "post", STAFF_FORM_POST),
    (
        "editions:enact",
        lambda: {"pk": RoadmapEdition.objects.current().pk},
        "get",
        {**STAFF_ONLY, "staff": 404},
    ),
    ("editions:delete", draft_pk, "get", STAFF_ONLY),
    ("editions:delete", draft_pk, "post", STAFF_REDIRECTS),
    ("editions:import", draft_pk, "get", STAFF_ONLY),
    # A post without a file is a bad request, with the reason beside the file field.
    ("editions:import", draft_pk, "post", {**STAFF_ONLY, "staff": 400}),
    ("editions:content", draft_pk, "get", STAFF_ONLY),
    ("editions:content", lambda: {"pk": RoadmapEdition.objects.current().pk}, "get", STAFF_ONLY),
    ("editions:content", draft_pk, "post", {**STAFF_ONLY, "staff": 405}),
    ("editions:amendment-create", lambda: {"pk": RoadmapEdition.objects.current().pk}, "get", STAFF_ONLY),
    (
        "editions:amendment-create",
        lambda: {"pk": RoadmapEdition.objects.current().pk},
        "post",
        STAFF_FORM_POST,
    ),
    ("editions:amendment-detail", amendment_pk, "get", READ),
    ("editions:amendment-detail", amendment_pk, "post", STAFF_REDIRECTS),
    ("editions:area-create", draft_edition, "get", STAFF_ONLY),
    ("editions:area-create", draft_edition, "post", STAFF_FORM_POST),
    ("editions:area-edit", draft_area, "get", STAFF_ONLY),
    ("editions:area-edit", draft_area, "post", STAFF_FORM_POST),
    ("editions:area-drop", draft_area, "get", STAFF_ONLY),
    ("editions:area-drop", draft_area, "post", STAFF_REDIRECTS),
    ("editions:quick-win-create", draft_edition, "get", STAFF_ONLY),
    ("editions:quick-win-create", draft_edition, "post", STAFF_FORM_POST),
    ("editions:quick-win-edit", draft_quick_win, "get", STAFF_ONLY),
    ("editions:quick-win-edit", draft_quick_win, "post", STAFF_FORM_POST),
    ("editions:quick-win-drop", draft_quick_win, "get", STAFF_ONLY),
    ("editions:quick-win-drop", draft_quick_win, "post", STAFF_REDIRECTS),
    ("editions:indicator-create", draft_edition, "get", STAFF_ONLY),
    ("editions:indicator-create", in_force, "get", STAFF_ONLY),
    ("editions:indicator-create", draft_edition, "post", STAFF_FORM_POST),
    ("editions:indicator-edit", draft_item("indicator"), "get", STAFF_ONLY),
    ("editions:indicator-edit", lambda: {"pk": indicator_pk()}, "get", STAFF_ONLY),
    ("editions:indicator-edit", draft_item("indicator"), "post", STAFF_FORM_POST),
    ("editions:indicator-drop", draft_item("indicator"), "get", STAFF_ONLY),
    ("editions:indicator-drop", draft_item("indicator"), "post", STAFF_REDIRECTS),
    ("editions:activity-create", draft_edition, "get", STAFF_ONLY),
    ("editions:activity-create", draft_edition, "post", STAFF_FORM_POST),
    ("editions:activity-edit", draft_item("activity"), "get", STAFF_ONLY),
    ("editions:activity-edit", draft_item("activity"), "post", STAFF_FORM_POST),
    ("editions:activity-drop", draft_item("activity"), "get", STAFF_ONLY),
    ("editions:activity-drop", draft_item("activity"), "post", STAFF_REDIRECTS),
    ("editions:row-create", draft_edition, "get", STAFF_ONLY),
    ("editions:row-create", draft_edition, "post", STAFF_FORM_POST),
    ("editions:row-edit", draft_item("row"), "get", STAFF_ONLY),
    ("editions:row-edit", draft_item("row"), "post", STAFF_FORM_POST),
    ("editions:row-drop", draft_item("row"), "get", STAFF_ONLY),
    ("editions:row-drop", draft_item("row"), "post", STAFF_REDIRECTS),
    # Every page of a road-map edition reads a draft for staff only: to anybody else it does not exist.
    ("actions:overview", None, "get", DRAFT_READ, lambda: {"edition": small_draft().pk}),
    ("monev:indicator-detail", draft_item("indicator"), "get", DRAFT_READ),
    (
        "actions:export-json",
        None,
        "get",
        {**dict.fromkeys(ROLES, 404), "staff": 200},
        lambda: {"edition": small_draft().pk},
    ),
]


# (url name, kwargs factory, method, expected status per role)
TABLE = [
    ("actions:overview", None, "get", READ),
    ("actions:overview", None, "post", READ_ONLY_POST),
    ("actions:area-detail", lambda: {"pk": area_pk()}, "get", READ),
    ("actions:area-detail", lambda: {"pk": area_pk()}, "post", READ_ONLY_POST),
    ("areas:indicator-list", None, "get", READ),
    ("areas:indicator-list", None, "post", READ_ONLY_POST),
    ("actions:agency-list", None, "get", READ),
    ("actions:agency-list", None, "post", READ_ONLY_POST),
    ("actions:agency-detail", lambda: {"code": "inspektorat"}, "get", READ),
    ("actions:agency-detail", lambda: {"code": "inspektorat"}, "post", READ_ONLY_POST),
    ("actions:activity-list", None, "get", READ),
    ("actions:activity-list", None, "post", READ_ONLY_POST),
    ("actions:action-plan", None, "get", READ),
    ("actions:action-plan", None, "post", READ_ONLY_POST),
    ("actions:quick-win-list", None, "get", READ),
    ("actions:quick-win-list", None, "post", READ_ONLY_POST),
    ("actions:open-data", None, "get", READ),
    ("actions:open-data", None, "post", READ_ONLY_POST),
    ("actions:export-json", None, "get", PUBLIC),
    ("actions:export-json", None, "post", PUBLIC_POST),
    ("actions:export-csv", lambda: {"table": "indicators"}, "get", PUBLIC),
    ("actions:export-csv", lambda: {"table": "indicators"}, "post", PUBLIC_POST),
    # The open data of verified progress: public, read-only (opendata/).
    ("opendata:progress", None, "get", PUBLIC),
    ("opendata:progress", None, "post", PUBLIC_POST),
    ("opendata:json", None, "get", PUBLIC),
    ("opendata:json", None, "post", PUBLIC_POST),
    ("opendata:csv", lambda: {"table": "capaian"}, "get", PUBLIC),
    ("opendata:csv", lambda: {"table": "capaian"}, "post", PUBLIC_POST),
    ("opendata:schema", None, "get", PUBLIC),
    ("opendata:schema", None, "post", PUBLIC_POST),
    ("opendata:schema-json", lambda: {"version": 1}, "get", PUBLIC),
    ("opendata:schema-json", lambda: {"version": 1}, "post", PUBLIC_POST),
    ("roadmap:team-list", None, "get", READ),
    ("roadmap:team-list", None, "post", READ_ONLY_POST),
    ("roadmap:risk-list", None, "get", READ),
    ("roadmap:risk-list", None, "post", READ_ONLY_POST),
    ("roadmap:regulation", None, "get", READ),
    ("roadmap:regulation", None, "post", READ_ONLY_POST),
    ("monev:indicator-detail", lambda: {"pk": indicator_pk()}, "get", READ),
    ("monev:indicator-detail", lambda: {"pk": indicator_pk()}, "post", READ_ONLY_POST),
    ("monev:indicator-report", lambda: {"pk": indicator_pk()}, "get", STAFF_WRITES),
    ("monev:indicator-report", lambda: {"pk": indicator_pk()}, "post", STAFF_WRITES),
    ("monev:indicator-report", lambda: {"pk": owned_indicator_pk()}, "get", DATA_OWNER_WRITES),
    ("monev:indicator-report", lambda: {"pk": owned_indicator_pk()}, "post", DATA_OWNER_WRITES),
    ("monev:activity-detail", lambda: {"pk": inspektorat_activity_pk()}, "get", READ),
    ("monev:activity-detail", lambda: {"pk": inspektorat_activity_pk()}, "post", READ_ONLY_POST),
    ("monev:activity-report", lambda: {"pk": inspektorat_activity_pk()}, "get", OWN_AGENCY),
    ("monev:activity-report", lambda: {"pk": inspektorat_activity_pk()}, "post", OWN_AGENCY),
    ("monev:action-row-detail", lambda: {"pk": inspektorat_row_pk()}, "get", READ),
    ("monev:action-row-detail", lambda: {"pk": inspektorat_row_pk()}, "post", READ_ONLY_POST),
    ("monev:action-progress", lambda: {"pk": inspektorat_row_pk()}, "get", OWN_AGENCY),
    ("monev:action-progress", lambda: {"pk": inspektorat_row_pk()}, "post", OWN_AGENCY),
    ("monev:action-contribution", lambda: {"pk": inspektorat_row_pk()}, "get", SUPPORTERS),
    ("monev:action-contribution", lambda: {"pk": inspektorat_row_pk()}, "post", SUPPORTERS),
    ("monev:evidence", lambda: {"pk": evidence_pk()}, "get", READ),
    ("monev:evidence", lambda: {"pk": evidence_pk()}, "post", READ_ONLY_POST),
    ("dashboards:dashboard", None, "get", READ),
    ("dashboards:dashboard", None, "post", READ_ONLY_POST),
    ("dashboards:recap", None, "get", READ),
    ("dashboards:recap", None, "post", READ_ONLY_POST),
    ("dashboards:report", None, "get", READ),
    ("dashboards:report", None, "post", READ_ONLY_POST),
    ("dashboards:report-risks", None, "get", STAFF_ONLY),
    ("dashboards:report-risks", None, "post", STAFF_ONLY),
    ("dashboards:report-signatories", None, "get", STAFF_ONLY),
    ("dashboards:report-signatories", None, "post", STAFF_ONLY),
    ("monev:import", None, "get", REPORTERS),
    # A post without a file passes the role check and is refused as a bad request (400).
    ("monev:import", None, "post", {**REPORTERS, "staff": 400, "own": 400, "other": 400}),
    (
        "monev:import-template",
        None,
        "get",
        OWN_AGENCY,
        lambda: {"agency": "inspektorat", "year": 2020, "period": "q1"},
    ),
    ("monev:import-template", None, "post", {**REPORTERS, "staff": 405, "own": 405, "other": 405}),
    ("monev:import-preview", None, "get", {**REPORTERS, "staff": 302, "own": 302, "other": 302}),
    ("monev:import-preview", None, "post", {**REPORTERS, "staff": 302, "own": 302, "other": 302}),
    ("dashboards:completeness", None, "get", STAFF_ONLY),
    ("dashboards:completeness", None, "post", {**STAFF_ONLY, "staff": 405}),
    ("monev:indicator-history", lambda: {"pk": indicator_pk()}, "get", READ),
    ("monev:indicator-history", lambda: {"pk": indicator_pk()}, "post", READ_ONLY_POST),
    ("monev:indicator-targets", lambda: {"pk": indicator_pk()}, "get", STAFF_WRITES),
    ("monev:indicator-targets", lambda: {"pk": indicator_pk()}, "post", {**STAFF_WRITES, "staff": 302}),
    ("monev:activity-history", lambda: {"pk": inspektorat_activity_pk()}, "get", READ),
    ("monev:activity-history", lambda: {"pk": inspektorat_activity_pk()}, "post", READ_ONLY_POST),
    ("monev:activity-targets", lambda: {"pk": inspektorat_activity_pk()}, "get", STAFF_WRITES),
    (
        "monev:activity-targets",
        lambda: {"pk": inspektorat_activity_pk()},
        "post",
        {**STAFF_WRITES, "staff": 302},
    ),
    ("monev:action-row-history", lambda: {"pk": inspektorat_row_pk()}, "get", READ),
    ("monev:action-row-history", lambda: {"pk": inspektorat_row_pk()}, "post", READ_ONLY_POST),
    ("monev:review", lambda: {"kind": "realisation", "pk": submitted_report_pk()}, "get", READ_ONLY_POST),
    # An Inspektorat report of a Pengawasan item: its own agency never reviews it (403), and BKD,
    # outside the Pengawasan Pokja, does not learn it exists (404).
    (
        "monev:review",
        lambda: {"kind": "realisation", "pk": submitted_report_pk()},
        "post",
        {**STAFF_WRITES, "staff": 302, "other": 404},
    ),
    ("monev:verification", None, "get", REVIEWERS),
    ("monev:verification", None, "post", REVIEWERS),
    ("monev:windows", None, "get", STAFF_WRITES),
    ("monev:windows", None, "post", STAFF_WRITES),
    (
        "monev:reopen-item",
        lambda: {"kind": "activity", "pk": inspektorat_activity_pk()},
        "get",
        READ_ONLY_POST,
    ),
    (
        "monev:reopen-item",
        lambda: {"kind": "activity", "pk": inspektorat_activity_pk()},
        "post",
        {**STAFF_WRITES, "staff": 302},
        reopening,
    ),
    ("monev:tasks", None, "get", READ),
    ("monev:tasks", None, "post", READ_ONLY_POST),
    ("dashboards:achievement", None, "get", READ),
    ("dashboards:achievement", None, "post", READ_ONLY_POST),
    ("dashboards:action-plan-progress", None, "get", READ),
    ("dashboards:action-plan-progress", None, "post", READ_ONLY_POST),
    ("favicon", None, "get", dict.fromkeys(ROLES, 301)),
    ("favicon", None, "post", dict.fromkeys(ROLES, 405)),
    # Signed-in users are sent on from the login page; a wrong password re-renders it.
    ("login", None, "get", {**dict.fromkeys(ROLES, 302), "anonymous": 200}),
    ("login", None, "post", {**dict.fromkeys(ROLES, 302), "anonymous": 200}),
    ("logout", None, "get", {**dict.fromkeys(ROLES, 405), "anonymous": LOGIN}),
    ("logout", None, "post", {**dict.fromkeys(ROLES, 302), "anonymous": LOGIN}),
    ("password_change", None, "get", {**SIGNED_IN, "no_role": 200}),
    ("password_change", None, "post", {**SIGNED_IN, "no_role": 200}),
    ("password_change_done", None, "get", {**SIGNED_IN, "no_role": 200}),
    ("password_change_done", None, "post", {**dict.fromkeys(ROLES, 405), "anonymous": LOGIN}),
    ("own-details", None, "get", SIGNED_IN),
    ("own-details", None, "post", {**dict.fromkeys(ROLES, 302), "anonymous": LOGIN, "no_role": 403}),
    ("account-list", None, "get", STAFF_ONLY),
    ("account-list", None, "post", {**STAFF_ONLY, "staff": 405}),
    ("account-create", None, "get", STAFF_ONLY),
    ("account-create", None, "post", STAFF_ONLY),
    ("account-edit", lambda: {"pk": managed_account_pk()}, "get", STAFF_ONLY),
    ("account-edit", lambda: {"pk": managed_account_pk()}, "post", STAFF_ONLY),
    ("account-edit", lambda: {"pk": superuser_pk()}, "get", {**STAFF_ONLY, "staff": 404}),
    ("account-password", lambda: {"pk": managed_account_pk()}, "get", STAFF_ONLY),
    ("account-password", lambda: {"pk": managed_account_pk()}, "post", STAFF_ONLY),
    ("account-password", lambda: {"pk": superuser_pk()}, "post", {**STAFF_ONLY, "staff": 404}),
    # Agency plans (docs/plans.md): "own" is Inspektorat, whose plans these are.
    ("plans:plan-list", None, "get", READ),
    ("plans:plan-list", None, "post", READ_ONLY_POST),
    ("plans:plan-create", None, "get", {**REPORTERS, "staff": 302, "own": 302, "other": 302}),
    ("plans:plan-create", None, "post", {**REPORTERS, "staff": 400, "own": 400, "other": 400}),
    ("plans:plan-detail", plan_kwargs("draft"), "get", {**READ, "other": 404}),
    ("plans:plan-detail", plan_kwargs("approved"), "get", READ),
    # Submitting a plan whose targets are all set: staff or its agency.
    ("plans:plan-detail", plan_kwargs("draft"), "post", {**PLAN_DRAFTERS, "staff": 302, "own": 302}),
    ("plans:plan-detail", plan_kwargs("approved"), "post", {**APPROVED_PLAN_WRITE, "staff": 302, "own": 302}),
    (
        "plans:plan-detail",
        plan_kwargs("submitted"),
        "post",
        {**PLAN_DRAFTERS, "staff": 400, "own": 403},
        lambda: {"review": "1"},
    ),
    ("plans:activity-add", plan_kwargs("draft"), "get", PLAN_DRAFTERS),
    ("plans:activity-add", plan_kwargs("draft"), "post", {**PLAN_DRAFTERS, "staff": 400, "own": 400}),
    ("plans:activity-add", plan_kwargs("approved"), "get", {**APPROVED_PLAN_WRITE, "staff": 302, "own": 302}),
    ("plans:activity-edit", plan_kwargs("draft", "activity"), "get", PLAN_DRAFTERS),
    (
        "plans:activity-edit",
        plan_kwargs("draft", "activity"),
        "post",
        {**PLAN_DRAFTERS, "staff": 400, "own": 400},
    ),
    ("plans:indicator-add", plan_kwargs("draft"), "get", PLAN_DRAFTERS),
    ("plans:indicator-add", plan_kwargs("draft"), "post", {**PLAN_DRAFTERS, "staff": 400, "own": 400}),
    ("plans:indicator-edit", plan_kwargs("draft", "indicator"), "get", PLAN_DRAFTERS),
    (
        "plans:indicator-edit",
        plan_kwargs("draft", "indicator"),
        "post",
        {**PLAN_DRAFTERS, "staff": 400, "own": 400},
    ),
    # Revising an approved plan's targets: staff record it (with a reason; none given here: 400).
    ("plans:indicator-revise", plan_kwargs("approved", "indicator"), "get", {**STAFF_ONLY, "other": 403}),
    ("plans:indicator-revise", plan_kwargs("approved", "indicator"), "post", {**STAFF_ONLY, "staff": 400}),
    ("plans:plan-workbook", plan_kwargs("approved"), "get", READ),
    ("plans:plan-workbook", plan_kwargs("draft"), "get", {**READ, "other": 404}),
    ("plans:plan-workbook", plan_kwargs("draft"), "post", {**READ_ONLY_POST, "other": 405}),
    ("plans:plan-import", plan_kwargs("draft"), "get", PLAN_DRAFTERS),
    ("plans:plan-import", plan_kwargs("draft"), "post", {**PLAN_DRAFTERS, "staff": 400, "own": 400}),
    ("plans:plan-print", plan_kwargs("approved"), "get", READ),
    ("plans:plan-print", plan_kwargs("draft"), "get", {**READ, "other": 404}),
    ("plans:plan-print", plan_kwargs("approved"), "post", READ_ONLY_POST),
    ("plans:plan-signatory", plan_kwargs("approved"), "get", APPROVED_PLAN_WRITE),
    # Nothing typed: the signature block is emptied (every field may be blank).
    (
        "plans:plan-signatory",
        plan_kwargs("approved"),
        "post",
        {**APPROVED_PLAN_WRITE, "staff": 302, "own": 302},
    ),
    ("plans:plan-signatory", plan_kwargs("draft"), "get", PLAN_DRAFTERS),
    ("plans:standard-list", None, "get", READ),
    ("plans:standard-list", None, "post", READ_ONLY_POST),
    ("plans:standard-add", None, "get", STAFF_ONLY),
    ("plans:standard-add", None, "post", {**STAFF_ONLY, "staff": 400}),
    ("plans:standard-edit", standard_pk, "get", STAFF_ONLY),
    ("plans:standard-edit", standard_pk, "post", {**STAFF_ONLY, "staff": 400}),
    # The read side: one plan's achievement (who reads the plan), the ranking (staff, Tim Pengarah).
    ("dashboards:agency-plan-progress", plan_kwargs("approved"), "get", READ),
    ("dashboards:agency-plan-progress", plan_kwargs("draft"), "get", {**READ, "other": 404}),
    ("dashboards:agency-plan-progress", plan_kwargs("approved"), "post", READ_ONLY_POST),
    ("dashboards:agency-plan-ranking", None, "get", {**READ, "own": 403, "other": 403}),
    ("dashboards:agency-plan-ranking", None, "post", {**READ_ONLY_POST, "own": 403, "other": 403}),
    # A plan's indicators are reported through monev like the road map's items.
    ("monev:plan_indicator-detail", plan_kwargs("approved", indicator=True), "get", READ),
    ("monev:plan_indicator-detail", plan_kwargs("draft", indicator=True), "get", {**READ, "other": 404}),
    ("monev:plan_indicator-detail", plan_kwargs("approved", indicator=True), "post", READ_ONLY_POST),
    ("monev:plan_indicator-report", plan_kwargs("approved", indicator=True), "get", APPROVED_PLAN_WRITE),
    ("monev:plan_indicator-report", plan_kwargs("approved", indicator=True), "post", APPROVED_PLAN_WRITE),
    (
        "monev:plan_indicator-report",
        plan_kwargs("draft", indicator=True),
        "get",
        {**PLAN_DRAFTERS, "staff": 403, "own": 403},
    ),
    # The user guides (docs/guide.md): every role reads every guide.
    ("guide:index", None, "get", READ),
    ("guide:index", None, "post", READ_ONLY_POST),
    ("guide:whats-new", None, "get", READ),
    ("guide:whats-new", None, "post", READ_ONLY_POST),
    ("guide:guide", lambda: {"slug": "agency-admin"}, "get", READ),
    ("guide:guide", lambda: {"slug": "staff"}, "post", READ_ONLY_POST),
    (
        "guide:guide",
        lambda: {"slug": "tidak-ada"},
        "get",
        {**READ, **dict.fromkeys(("staff", "own", "other", "steering"), 404)},
    ),
    # PMPRB self-assessment (docs/assessment.md).
    ("assessment:round-list", None, "get", READ),
    ("assessment:round-list", None, "post", READ_ONLY_POST),
    ("assessment:round-open", None, "get", STAFF_ONLY),
    ("assessment:round-open", None, "post", {**STAFF_ONLY, "staff": 400}),
    ("assessment:round-detail", pmprb_kwargs(pk="round"), "get", READ),
    ("assessment:round-detail", pmprb_kwargs(pk="round"), "post", READ_ONLY_POST),
    ("assessment:round-settings", pmprb_kwargs(pk="round"), "get", STAFF_ONLY),
    ("assessment:round-settings", pmprb_kwargs(pk="round"), "post", {**STAFF_ONLY, "staff": 400}),
    ("assessment:round-close", pmprb_kwargs(pk="round"), "get", STAFF_ONLY),
    ("assessment:round-close", pmprb_kwargs(pk="round"), "post", {**STAFF_ONLY, "staff": 302}),
    ("assessment:round-summary", pmprb_kwargs(pk="round"), "get", READ),
    ("assessment:round-summary", pmprb_kwargs(pk="round"), "post", READ_ONLY_POST),
    # The whole round's workbook holds every worksheet: not for an agency admin outside the PMPRB team.
    ("assessment:round-workbook", pmprb_kwargs(pk="round"), "get", {**READ, "other": 403}),
    ("assessment:round-workbook", pmprb_kwargs(pk="round"), "post", READ_ONLY_POST),
    ("assessment:assessment-detail", pmprb_kwargs(pk="bkd"), "get", READ),
    ("assessment:assessment-detail", pmprb_kwargs(pk="dinkominfo"), "get", NOT_BKDS),
    ("assessment:assessment-detail", pmprb_kwargs(pk="pemkab"), "get", NOT_BKDS),
    ("assessment:assessment-detail", pmprb_kwargs(pk="bkd"), "post", READ_ONLY_POST),
    ("assessment:assessment-answer", pmprb_kwargs(pk="bkd", code="mp"), "get", PMPRB_ANSWER),
    # An empty form over BKD's saved answers: "a saved answer cannot be emptied" (400).
    (
        "assessment:assessment-answer",
        pmprb_kwargs(pk="bkd", code="mp"),
        "post",
        {**PMPRB_ANSWER, "staff": 400, "other": 400},
    ),
    # Inspektorat answers its own assessment; BKD never sees it.
    (
        "assessment:assessment-answer",
        pmprb_kwargs(pk="inspektorat", code="mp"),
        "get",
        {**PMPRB_ANSWER, "own": 200, "other": 404},
    ),
    (
        "assessment:assessment-answer",
        pmprb_kwargs(pk="pemkab", code="mp"),
        "get",
        {**PMPRB_ANSWER, "other": 404},
    ),
    (
        "assessment:assessment-answer",
        pmprb_kwargs(pk="bkd", code="tidak-ada"),
        "get",
        {**PMPRB_ANSWER, "staff": 404, "other": 404},
    ),
    ("assessment:assessment-submit", pmprb_kwargs(pk="bkd"), "get", READ_ONLY_POST),
    # Submitting BKD's already submitted assessment: refused with a message on its page (302).
    (
        "assessment:assessment-submit",
        pmprb_kwargs(pk="bkd"),
        "post",
        {**PMPRB_ANSWER, "staff": 302, "other": 302},
    ),
    ("assessment:assessment-agree", pmprb_kwargs(pk="bkd"), "get", READ_ONLY_POST),
    (
        "assessment:assessment-agree",
        pmprb_kwargs(pk="bkd"),
        "post",
        {**PMPRB_REVIEW, "staff": 302, "own": 302},
    ),
    (
        "assessment:assessment-agree",
        pmprb_kwargs(pk="inspektorat"),
        "post",
        {**PMPRB_REVIEW, "staff": 302, "own": 403, "other": 404},
    ),
    ("assessment:assessment-workbook", pmprb_kwargs(pk="bkd"), "get", READ),
    ("assessment:assessment-workbook", pmprb_kwargs(pk="dinkominfo"), "get", NOT_BKDS),
    ("assessment:assessment-workbook", pmprb_kwargs(pk="bkd"), "post", READ_ONLY_POST),
    ("assessment:answer-review", pmprb_kwargs(pk="answer"), "get", PMPRB_REVIEW),
    (
        "assessment:answer-review",
        pmprb_kwargs(pk="answer"),
        "post",
        {**PMPRB_REVIEW, "staff": 400, "own": 400},
    ),
    ("assessment:evidence", pmprb_kwargs(pk="evidence"), "get", READ),
    ("assessment:evidence", pmprb_kwargs(pk="evidence"), "post", READ_ONLY_POST),
    ("assessment:model-list", None, "get", READ),
    ("assessment:model-list", None, "post", READ_ONLY_POST),
    ("assessment:model-detail", pmprb_kwargs(pk="model"), "get", READ),
    ("assessment:model-detail", pmprb_kwargs(pk="model"), "post", READ_ONLY_POST),
    ("assessment:question-import", pmprb_kwargs(pk="model"), "get", STAFF_ONLY),
    ("assessment:question-import", pmprb_kwargs(pk="model"), "post", {**STAFF_ONLY, "staff": 400}),
    # Without an uploaded file in the session, the preview sends staff back to the upload.
    ("assessment:question-preview", pmprb_kwargs(pk="model"), "get", {**STAFF_ONLY, "staff": 302}),
    ("assessment:question-preview", pmprb_kwargs(pk="model"), "post", {**STAFF_ONLY, "staff": 302}),
    ("assessment:question-workbook", pmprb_kwargs(pk="model"), "get", STAFF_ONLY),
    ("assessment:question-workbook", pmprb_kwargs(pk="model"), "post", {**STAFF_ONLY, "staff": 405}),
    # The follow-up register (issue 18).
    ("followup:register", None, "get", READ),
    ("followup:register", None, "post", READ_ONLY_POST),
    ("followup:generate", None, "get", STAFF_ONLY),
    # An empty post does not match the year's candidates: staff are sent back to them, with a message.
    ("followup:generate", None, "post", {**STAFF_ONLY, "staff": 302}),
    ("followup:finding-add", None, "get", STAFF_ONLY),
    ("followup:finding-add", None, "post", {**STAFF_ONLY, "staff": 400}),
    ("followup:finding-detail", followup_kwargs("open"), "get", FINDING_READ),
    ("followup:finding-detail", followup_kwargs("open"), "post", READ_ONLY_POST),
    ("followup:finding-edit", followup_kwargs("open"), "get", STAFF_ONLY),
    ("followup:finding-edit", followup_kwargs("open"), "post", {**STAFF_ONLY, "staff": 400}),
    ("followup:finding-step", followup_kwargs("open"), "get", READ_ONLY_POST),
    ("followup:finding-step", followup_kwargs("open"), "post", FINDING_ANSWER, lambda: {"text": ""}),
    ("followup:finding-verdict", followup_kwargs("submitted"), "get", READ_ONLY_POST),
    (
        "followup:finding-verdict",
        followup_kwargs("submitted"),
        "post",
        {**STAFF_ONLY, "staff": 400},
        lambda: {"return": "1", "note": ""},
    ),
    ("followup:evidence", followup_kwargs("evidence"), "get", FINDING_READ),
    ("followup:evidence", followup_kwargs("evidence"), "post", READ_ONLY_POST),
    *EDITION_PAGES,
]

CASES = [
    pytest.param(
        name, kwargs, method, role, expected[role], data[0] if data else None, id=f"{name}-{method}-{role}"
    )
    for name, kwargs, method, expected, *data in TABLE
    for role in ROLES
]


@pytest.fixture
def role_users(make_user):
    users = {
        "staff": make_user("organisasi", "staff"),
        "own": make_user("inspektorat", "agency_admin", "inspektorat"),
        "other": make_user("bkd", "agency_admin", "bkd"),
        "steering": make_user("pengarah", "steering"),
        "no_role": get_user_model().objects.create_user("tanpaperan", password="sandi-uji-2020"),
    }
    return users


@pytest.mark.parametrize(("name", "kwargs", "method", "role", "expected", "data"), CASES)
def test_permission_table(client, role_users, name, kwargs, method, role, expected, data):
    if role != "anonymous":
        client.force_login(role_users[role])
    url = reverse(name, kwargs=kwargs() if kwargs else None)
    response = getattr(client, method)(url, data() if data else None)
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
    else:
        assert response.status_code == expected, f"{method.upper()} {url} as {role}"


def url_names(resolver=None, namespace: str = "") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # the Django admin guards itself: only superusers (is_staff) get in
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(namespace + entry.name)
    return names


def test_the_table_covers_every_url_and_method():
    covered = {(name, method) for name, _, method, *_ in TABLE}
    missing = {(name, method) for name in url_names() for method in ("get", "post")} - covered
    assert missing == set()


def test_admin_site_is_for_system_administrators_only(client, role_users):
    client.force_login(role_users["staff"])
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
