"""Who reviews what (Tabel 5.1's Tim Gabungan) and who sees drafts: table-driven through the pages."""

import pytest
from django.urls import reverse

from actions.models import PriorityActivity
from areas.models import Indicator, ScaleLevel
from monev.models import Realisation, ReviewState

pytestmark = pytest.mark.django_db

GRATIFIKASI = (
    "Penanganan gratifikasi."  # Inspektorat, area Penguatan Pengawasan (Pokja: Inspektorat, Bag. Organisasi)
)
AKUNTABILITAS = "Fasilitasi/Pendampingan Sistem Akuntabilitas Kinerja Instansi Pemerintah Perangkat Daerah."
APIP = "Kapabilitas Aparatur Pengawas Intern Pemerintahan"  # data owner Inspektorat, area Pengawasan


@pytest.fixture
def people(make_user, staff_user):
    return {
        "staff": staff_user,
        "inspektorat": make_user("inspektorat", "agency_admin", "inspektorat"),
        "organisasi": make_user("bag-organisasi", "agency_admin", "bagian-organisasi"),
        "bkd": make_user("bkd", "agency_admin", "bkd"),
        "pengarah": make_user("pengarah", "steering"),
    }


def submitted(item_name: str, reporter, period="q1", state=ReviewState.SUBMITTED) -> Realisation:
    activity = PriorityActivity.objects.filter(name=item_name).first()
    if activity is not None:
        return Realisation.objects.create(
            activity=activity, year=2020, period=period, number=50, review_state=state, reported_by=reporter
        )
    level = ScaleLevel.objects.get(scale__code="kapabilitas-apip", code="3")
    return Realisation.objects.create(
        indicator=Indicator.objects.get(name=item_name),
        year=2020,
        period=period,
        level=level,
        review_state=state,
        reported_by=reporter,
    )


@pytest.mark.parametrize(
    ("reviewer", "item", "reporter", "expected", "verified"),
    [
        ("staff", GRATIFIKASI, "inspektorat", 302, True),
        ("staff", GRATIFIKASI, "staff", 403, False),  # nobody verifies their own report, staff included
        ("organisasi", GRATIFIKASI, "inspektorat", 302, True),  # a Pengawasan Pokja member, another agency
        ("organisasi", APIP, "inspektorat", 302, True),  # the indicator's data owner is Inspektorat
        ("inspektorat", GRATIFIKASI, "inspektorat", 403, False),  # its own agency's report
        ("inspektorat", GRATIFIKASI, "staff", 403, False),  # still its own agency's item
        ("bkd", GRATIFIKASI, "inspektorat", 404, False),  # not in the Pengawasan Pokja
        ("organisasi", AKUNTABILITAS, "staff", 404, False),  # Akuntabilitas has no Pokja: staff only
        ("pengarah", GRATIFIKASI, "inspektorat", 403, False),
    ],
)
def test_who_may_verify_a_report(client, people, reviewer, item, reporter, expected, verified):
    report = submitted(item, people[reporter])
    client.force_login(people[reviewer])
    url = reverse("monev:review", args=["realisation", report.pk])
    response = client.post(url, {"decision": "verify", "next": "/"})
    assert response.status_code == expected
    report.refresh_from_db()
    assert (report.review_state == ReviewState.VERIFIED) is verified


def test_the_settings_switch_pokja_review_and_self_verification(client, people, settings):
    settings.REVIEW_BY_POKJA = False
    client.force_login(people["organisasi"])
    report = submitted(GRATIFIKASI, people["inspektorat"])
    assert (
        client.post(
            reverse("monev:review", args=["realisation", report.pk]), {"decision": "verify"}
        ).status_code
        == 403
    )
    settings.REVIEW_FORBID_OWN_REPORTS = False
    client.force_login(people["staff"])
    own = submitted(GRATIFIKASI, people["staff"], period="q2")
    assert (
        client.post(reverse("monev:review", args=["realisation", own.pk]), {"decision": "verify"}).status_code
        == 302
    )


def test_a_pokja_reviewer_may_not_reopen_a_verified_report(client, people):
    report = submitted(GRATIFIKASI, people["inspektorat"], state=ReviewState.VERIFIED)
    client.force_login(people["organisasi"])
    url = reverse("monev:review", args=["realisation", report.pk])
    client.post(url, {"decision": "return", "note": "periksa lagi", "next": "/"})
    report.refresh_from_db()
    assert report.review_state == ReviewState.VERIFIED


def test_the_queue_shows_a_pokja_reviewer_only_what_it_may_review(client, people):
    mine = submitted(GRATIFIKASI, people["inspektorat"])
    other_area = submitted(AKUNTABILITAS, people["staff"])
    own_agency = submitted(
        "Implementasi Reformasi Birokrasi", people["staff"]
    )  # Bagian Organisasi leads it (Manajemen Perubahan)
    client.force_login(people["organisasi"])
    html = client.get(reverse("monev:verification")).content.decode()
    assert GRATIFIKASI in html
    assert AKUNTABILITAS not in html and own_agency.activity.name not in html
    client.force_login(people["staff"])  # staff see every report except the ones they submitted
    html = client.get(reverse("monev:verification")).content.decode()
    assert GRATIFIKASI in html and AKUNTABILITAS not in html  # the staff-submitted one is hidden from staff
    assert mine.review_state == other_area.review_state == ReviewState.SUBMITTED


@pytest.mark.parametrize(
    ("viewer", "sees_draft"),
    [("staff", True), ("inspektorat", True), ("bkd", False), ("pengarah", False), ("organisasi", False)],
)
def test_drafts_are_the_reporters_and_staffs_only(client, people, viewer, sees_draft):
    draft = submitted(GRATIFIKASI, people["inspektorat"], state=ReviewState.DRAFT)
    draft.number = 4321  # a figure that appears nowhere else, in the report and in its history
    draft.save()
    client.force_login(people[viewer])
    for url in (
        draft.activity.get_absolute_url(),
        reverse("monev:activity-history", args=[draft.activity.pk]),
    ):
        html = client.get(url).content.decode()
        assert ("4.321" in html) is sees_draft, url
