"""The test factories' defaults make reports, progress, evidence and users the models accept."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from monev.models import ActionStatus, ReviewState
from tests.factories import (
    GRATIFIKASI,
    GRATIFIKASI_ROW,
    INDEKS_RB,
    PASSWORD,
    ActionProgressFactory,
    EvidenceFactory,
    RealisationFactory,
    UserFactory,
    indicator,
)

pytestmark = pytest.mark.django_db


def test_a_realisation_reports_gratification_handling_in_the_first_quarter():
    report = RealisationFactory()
    report.full_clean()
    assert (report.activity.name, report.activity.agency.code) == (GRATIFIKASI, "inspektorat")
    assert (report.indicator, report.year, report.period, report.number) == (None, 2020, "q1", Decimal(100))
    assert report.review_state == ReviewState.DRAFT


def test_a_realisation_of_an_indicator_reports_nothing_else():
    report = RealisationFactory(indicator=indicator(), period="year", number=Decimal("60.5"))
    report.full_clean()
    assert (report.indicator.name, report.activity) == (INDEKS_RB, None)


def test_a_realisation_given_a_level_has_no_number():
    sakip = indicator("Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah")
    level = sakip.scale.levels.first()
    report = RealisationFactory(indicator=sakip, period="year", level=level)
    report.full_clean()
    assert (report.number, report.level) == (None, level)


@pytest.mark.parametrize(
    ("status", "percent"),
    [(ActionStatus.NOT_STARTED, 0), (ActionStatus.IN_PROGRESS, 50), (ActionStatus.DONE, 100)],
)
def test_progress_follows_its_status(status, percent):
    progress = ActionProgressFactory(status=status)
    progress.full_clean()
    assert (progress.planned_action.row.name, progress.planned_action.year) == (GRATIFIKASI_ROW, 2020)
    assert (progress.quarter, progress.contributor, progress.percent) == (1, None, percent)


def test_evidence_is_a_link_on_a_report_or_a_file():
    link = EvidenceFactory()
    assert link.realisation.activity.name == GRATIFIKASI and link.action_progress is None
    assert (link.link, link.file.name) == ("https://example.org/bukti", "")
    progress = ActionProgressFactory()
    file = EvidenceFactory(action_progress=progress, file=ContentFile(b"%PDF-1.4", name="bukti.pdf"))
    assert (file.realisation, file.action_progress, file.link) == (None, progress, "")
    assert file.file.name.endswith("/bukti.pdf")


def test_a_user_has_the_test_password_and_the_role_asked_for():
    user = UserFactory(username="inspektorat", role="agency_admin", agency="inspektorat")
    assert (user.profile.role, user.profile.agency.code) == ("agency_admin", "inspektorat")
    assert user.check_password(PASSWORD) and user.is_active
    assert not hasattr(UserFactory(), "profile")
