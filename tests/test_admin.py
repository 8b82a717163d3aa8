"""The Django admin covers every roadmap model, with search and list filters that work."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROADMAP_APPS = ("roadmap", "areas", "actions", "monev", "assessment", "plans")


def roadmap_models():
    return [
        model
        for name in ROADMAP_APPS
        for model in apps.get_app_config(name).get_models()
        if not model.__name__.startswith("Historical")  # simple-history's own tables, shown per object
    ]


def test_every_roadmap_model_is_registered_with_search_and_filters():
    for model in roadmap_models():
        model_admin = admin.site._registry.get(model)
        assert model_admin is not None, f"{model.__name__} is not in the admin"
        assert model_admin.search_fields, f"{model.__name__} has no search"
        assert model_admin.list_filter or model.__name__ == "Scale", f"{model.__name__} has no list filter"


@pytest.mark.parametrize("model", roadmap_models(), ids=lambda m: m.__name__)
def test_admin_pages_answer(admin_client, inspektorat_user, model):
    if model.__name__ in ("ActionProgress", "Evidence"):
        make_progress_with_evidence()
    if model.__name__ in ("ReportingWindow", "ReopenedItem", "SentReminder"):
        make_window_with_reopening(inspektorat_user)
    if model.__name__ in ("RiskReview", "ReportSignatory"):
        make_report_settings(inspektorat_user)
    if model._meta.app_label == "assessment":
        make_pmprb_round(inspektorat_user)
    if model.__name__ == "Standing":  # stored when a page first reads a year
        from django.utils import timezone

        from monev import standings
        from roadmap.models import RoadmapEdition

        standings.edition_tallies(RoadmapEdition.objects.current(), 2020, today=timezone.localdate())
    if model.__name__ in ("PlanStanding", "PlanCell"):  # stored when a page first reads a year
        from monev import plan_standings

        plan_standings.rebuild()
    if model._meta.app_label == "plans":
        from tests.plans_helpers import make_plan

        make_plan(user=inspektorat_user)
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(changelist, {"q": "Inspektorat"}).status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"no {model.__name__} to open"
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert admin_client.get(change).status_code == 200


def make_progress_with_evidence():
    from actions.models import PlannedAction
    from tests.factories import ActionProgressFactory, EvidenceFactory

    progress = ActionProgressFactory(planned_action=PlannedAction.objects.first(), percent=20)
    EvidenceFactory(action_progress=progress, link="https://example.org/bukti")


def make_window_with_reopening(user):
    from areas.models import Indicator
    from monev.models import ReopenedItem, ReportingWindow, SentReminder

    window = ReportingWindow.objects.create(year=2020, period="q1")
    ReopenedItem.objects.create(window=window, indicator=Indicator.objects.first(), reason="Koreksi data")
    SentReminder.objects.create(kind="window_opened", key=f"{window.pk}:1", user=user)


def make_report_settings(user):
    from monev.models import ReportSignatory, RiskReview
    from roadmap.models import Risk

    RiskReview.objects.create(
        risk=Risk.objects.first(), year=2020, status="easing", note="Inspektorat", updated_by=user
    )
    ReportSignatory.objects.create(position="Inspektur", name="Nama Penandatangan", nip="196801011990031001")


def test_user_admin_shows_the_profile_inline(admin_client, inspektorat_user):
    html = admin_client.get(reverse("admin:auth_user_change", args=[inspektorat_user.pk])).content.decode()
    assert "Profil pengguna" in html or "profil pengguna" in html
    assert "Admin Perangkat Daerah" in html


def make_pmprb_round(user):
    from assessment import services
    from assessment.models import Answer
    from tests.factories import UserFactory
    from tests.pmprb_helpers import BKD, answer, open_round, tiny_model

    staff = UserFactory(username="staf-pmprb", role="staff")
    round_ = open_round(staff, tiny_model(), agencies=("inspektorat",))
    answer(round_.assessments.get(agency__code="inspektorat"), user, BKD)
    services.attach_evidence(
        answer=Answer.objects.first(), user=user, upload=None, link="https://example.org/sk"
    )
