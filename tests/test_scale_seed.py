"""seed_demo --scale N: the newer apps' data grows with N, and seeding again replaces it."""

import pytest
from django.core.management import call_command

from assessment.models import Answer, Question, Round
from followup.models import Finding
from monev.devdata.scale_plans import MARKER
from monev.models import Realisation
from plans.models import AgencyPlan, PlanIndicator


def counts() -> dict:
    return {
        "plans": AgencyPlan.objects.count(),
        "plan indicators": PlanIndicator.objects.count(),
        "plan reports": Realisation.objects.filter(plan_indicator__isnull=False).count(),
        "questions of 2021": Question.objects.filter(model__rounds__year=2021).count(),
        "answers of 2021": Answer.objects.filter(assessment__round__year=2021).count(),
        "findings": Finding.objects.count(),
    }


@pytest.mark.django_db
def test_newer_data_grows_with_the_scale_and_is_replaced(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", "--force", "--scale", "1", verbosity=0)
    one = counts()
    call_command("seed_demo", "--force", "--scale", "3", verbosity=0)
    three = counts()
    call_command("seed_demo", "--force", "--scale", "1", verbosity=0)
    assert counts() == one  # the synthetic rows of scale 3 are all gone again
    assert three["plans"] == one["plans"] > 30  # one plan per agency, at any scale
    for name in ("questions of 2021", "findings"):
        demo = 3 if name == "findings" else 0  # the demo's own findings stay
        assert three[name] - demo == 3 * (one[name] - demo), name
    assert three["answers of 2021"] == 3 * one["answers of 2021"] > 1000
    synthetic = AgencyPlan.objects.filter(head_name=MARKER).count()
    assert synthetic == one["plans"] - 3  # all but the demo's three
    # One more activity with its own indicator per plan and scale unit, reported in four quarters.
    assert three["plan indicators"] - one["plan indicators"] == 2 * synthetic
    assert three["plan reports"] - one["plan reports"] == 4 * 2 * synthetic
    bkd = AgencyPlan.objects.filter(agency__code="bkd")
    assert not bkd.exists()  # left for a newcomer to draw up, as the demo says
    assert Round.objects.get(year=2021).model.code == "skala-pmprb"
