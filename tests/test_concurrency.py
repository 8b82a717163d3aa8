"""Two people editing the same report at once: the second save is refused with a clear message."""

import re

import pytest
from django.urls import reverse

from actions.models import ActionPlanRow
from monev import services
from monev.models import ActionProgress, Realisation, ReportingWindow
from tests.factories import RealisationFactory
from tests.test_reporting import gratifikasi, progress_data, report_url, valid

pytestmark = pytest.mark.django_db
CONFLICT = "sudah diubah oleh"


@pytest.fixture(autouse=True)
def _windows_open():
    for period in ("q1", "q2", "q3", "q4", "year"):
        ReportingWindow.objects.create(year=2020, period=period, is_open=True)


def token_in(html: str, name: str = "version") -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def open_form(client, url: str, **query) -> str:
    return token_in(client.get(url, query).content.decode())


def test_the_second_of_two_simultaneous_edits_gets_a_conflict(client, inspektorat_user, staff_user):
    url = report_url(gratifikasi())
    client.force_login(inspektorat_user)
    client.post(url, valid(number="60", version="2020:q1:0"))  # the first report, version 1
    mine = open_form(client, url, year=2020, period="q1")
    assert mine == "2020:q1:1"

    colleague = client.__class__()
    colleague.force_login(staff_user)
    theirs = open_form(colleague, url, year=2020, period="q1")
    assert colleague.post(url, valid(number="80", version=theirs)).status_code == 302

    response = client.post(url, valid(number="90", version=mine))
    assert response.status_code == 409
    html = response.content.decode()
    assert CONFLICT in html and "Staf Organisasi" in html
    report = Realisation.objects.get(activity=gratifikasi(), year=2020, period="q1")
    assert (report.number, report.version) == (80, 2)  # the colleague's value stands
    assert report.history.count() == 2  # no silent third write

    # The refused form keeps what the user typed and now carries the current version:
    # saving it again, after being told, is a deliberate correction.
    assert 'value="90"' in html
    again = token_in(html)
    assert again == "2020:q1:2"
    assert client.post(url, valid(number="90", version=again)).status_code == 302
    assert Realisation.objects.get(pk=report.pk).number == 90


def test_a_review_in_between_makes_the_open_form_stale(client, inspektorat_user, staff_user):
    url = report_url(gratifikasi())
    client.force_login(inspektorat_user)
    client.post(url, valid(number="60", version="2020:q1:0"))
    mine = open_form(client, url, year=2020, period="q1")
    report = Realisation.objects.get(activity=gratifikasi(), year=2020, period="q1")
    services.review_reports(reports=[report], verify=False, note="Lengkapi bukti.", user=staff_user)
    response = client.post(url, valid(number="70", version=mine))
    assert response.status_code == 409 and CONFLICT in response.content.decode()
    assert Realisation.objects.get(pk=report.pk).number == 60


def test_a_report_created_by_someone_else_meanwhile_is_a_conflict(client, inspektorat_user, staff_user):
    url = report_url(gratifikasi())
    client.force_login(inspektorat_user)
    mine = open_form(client, url, year=2020, period="q2")
    assert mine == "2020:q2:0"
    colleague = client.__class__()
    colleague.force_login(staff_user)
    colleague.post(url, valid(period="q2", number="50", version="2020:q2:0"))
    response = client.post(url, valid(period="q2", number="55", version=mine))
    assert response.status_code == 409
    assert Realisation.objects.get(activity=gratifikasi(), year=2020, period="q2").number == 50


def test_switching_period_in_the_form_is_not_taken_for_a_conflict(client, inspektorat_user):
    url = report_url(gratifikasi())
    client.force_login(inspektorat_user)
    client.post(url, valid(period="q3", number="40", version="2020:q3:0"))
    q1_token = open_form(client, url, year=2020, period="q1")
    # The user opened TW I, then picked TW III in the form: the token speaks about TW I only.
    assert client.post(url, valid(period="q3", number="45", version=q1_token)).status_code == 302
    assert Realisation.objects.get(activity=gratifikasi(), year=2020, period="q3").number == 45


def test_row_progress_conflicts_are_refused_too(client, inspektorat_user, staff_user):
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    url = reverse("monev:action-progress", args=[row.pk])
    action = row.planned_actions.get(year=2020)
    client.force_login(inspektorat_user)
    client.post(url, progress_data(row, quarter=1))
    html = client.get(url, {"year": 2020, "quarter": 1}).content.decode()
    mine = token_in(html, f"a{action.pk}-version")
    assert mine == "2020:1:1"

    colleague = client.__class__()
    colleague.force_login(staff_user)
    theirs = token_in(
        colleague.get(url, {"year": 2020, "quarter": 1}).content.decode(), f"a{action.pk}-version"
    )
    data = progress_data(row, quarter=1, percent="60", version=theirs)
    assert colleague.post(url, data).status_code == 302

    response = client.post(url, progress_data(row, quarter=1, percent="70", version=mine))
    html = response.content.decode()
    assert response.status_code == 409 and CONFLICT in html
    assert ActionProgress.objects.get(planned_action=action, quarter=1, contributor=None).percent == 60
    assert "Tersimpan sekarang: Sedang berjalan, 60%" in html  # what the colleague saved
    again = token_in(html, f"a{action.pk}-version")
    assert again == "2020:1:2"
    assert client.post(url, progress_data(row, quarter=1, percent="70", version=again)).status_code == 302
    assert ActionProgress.objects.get(planned_action=action, quarter=1, contributor=None).percent == 70


def test_a_duplicate_created_at_the_same_instant_is_a_conflict_not_a_server_error(inspektorat_user):
    first = RealisationFactory(activity=gratifikasi(), period="q4", number=10)
    twin = RealisationFactory.build(activity=gratifikasi(), period="q4", number=20)  # the other request's row
    with pytest.raises(services.EditConflict):
        services.save_checked(twin)
    assert Realisation.objects.get(pk=first.pk).number == 10


def test_a_tampered_version_in_the_form_is_ignored_not_a_server_error(client, inspektorat_user):
    url = report_url(gratifikasi())
    client.force_login(inspektorat_user)
    client.post(url, valid(number="60", version="2020:q1:0"))
    # "²" passes str.isdigit() but not int(): the token is ignored, as a missing one would be.
    response = client.post(url, valid(number="65", version="2020:q1:²"))
    assert response.status_code == 302
    assert Realisation.objects.get(activity=gratifikasi(), year=2020, period="q1").number == 65
