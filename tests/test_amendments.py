"""Amending the road map in force: only what an amendment lists changes, and no report is lost or changed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from actions.models import PriorityActivity
from actions.opendata import build_export
from areas.models import Indicator
from editions import services
from editions.models import ChangeKind
from monev.history import item_history
from monev.models import Realisation, ReportingWindow
from monev.todo import missing_reports
from tests.factories import GRATIFIKASI, RealisationFactory

pytestmark = pytest.mark.django_db

WBK = "Unit kerja berpredikat Wilayah Bebas dari Korupsi/ Wilayah Birokrasi Bersih Melayani"


@pytest.fixture
def amendment(edition, staff_user):
    return services.create_amendment(
        edition=edition,
        basis="decision",
        document_number="700/12/TP/2020",
        document_date=datetime.date(2020, 9, 14),
        reason="Arahan Tim Pengarah: target WBK disesuaikan",
        effective_year=2020,
        user=staff_user,
    )


def settings_of(indicator) -> dict:
    names = (
        "area",
        "name",
        "unit",
        "target_kind",
        "scale",
        "direction",
        "aggregation",
        "data_owner",
        "is_key",
    )
    return {name: getattr(indicator, name) for name in names}


def snapshot(report) -> tuple:
    report.refresh_from_db()
    return (report.year, report.period, report.number, report.review_state, report.note, report.version)


def test_an_amendment_changes_only_what_it_lists_and_leaves_reports_intact(edition, amendment, staff_user):
    wbk = Indicator.objects.get(name=WBK)
    report = RealisationFactory(indicator=wbk, period="q2", number=3, review_state="verified")
    before = build_export(edition)
    services.save_indicator(
        edition=edition,
        indicator=wbk,
        values=settings_of(wbk),
        cells={2020: "4"},
        amendment=amendment,
        user=staff_user,
    )
    after = build_export(edition)
    changed = [(b, a) for b, a in zip(before["indicators"], after["indicators"], strict=True) if b != a]
    assert len(changed) == 1
    old, new = changed[0]
    assert old["name"] == WBK and old["targets"]["2020"] == 5
    assert new == {**old, "targets": {**old["targets"], "2020": 4}}
    assert {key: value for key, value in before.items() if key != "indicators"} == {
        key: value for key, value in after.items() if key != "indicators"
    }
    assert snapshot(report) == (2020, "q2", 3, "verified", report.note, report.version)
    assert [(c.kind, c.field, c.before, c.after) for c in amendment.changes.all()] == [
        (ChangeKind.TARGET, "Target 2020", "5", "4")
    ]


def test_the_item_history_names_the_amendment_that_changed_it(edition, amendment, staff_user):
    wbk = Indicator.objects.get(name=WBK)
    services.save_indicator(
        edition=edition,
        indicator=wbk,
        values=settings_of(wbk),
        cells={2020: "4"},
        amendment=amendment,
        user=staff_user,
    )
    entries = [e for e in item_history(wbk) if str(amendment) in e.what]
    assert len(entries) == 1
    assert entries[0].reason == amendment.reason
    assert [(c.field, c.old, c.new) for c in entries[0].changes] == [("Target 2020", "5", "4")]
    target_entry = next(e for e in item_history(wbk) if e.what == "Target 2020")
    assert str(amendment) in target_entry.reason


def test_a_report_shows_the_target_it_was_made_against_beside_the_new_one(
    client, edition, amendment, staff_user
):
    wbk = Indicator.objects.get(name=WBK)
    RealisationFactory(
        indicator=wbk,
        period="year",
        number=5,
        review_state="submitted",
        submitted_at=timezone.now(),
    )
    services.save_indicator(
        edition=edition,
        indicator=wbk,
        values=settings_of(wbk),
        cells={2020: "7"},
        amendment=amendment,
        user=staff_user,
    )
    client.force_login(staff_user)
    page = client.get(wbk.get_absolute_url()).content.decode()
    assert "Target saat dilaporkan: <strong>5</strong> · kini: 7" in page


def test_dropping_an_item_keeps_its_reports_and_stops_asking_for_new_ones(
    edition, amendment, staff_user, inspektorat_user
):
    activity = PriorityActivity.objects.get(name=GRATIFIKASI)
    report = RealisationFactory(activity=activity, period="q1", number=80, review_state="verified")
    ReportingWindow.objects.create(year=2020, period="q2", is_open=True)
    profile = inspektorat_user.profile
    assert activity in [m.item for m in missing_reports(profile)]
    services.drop_item(item=activity, amendment=amendment, user=staff_user)
    activity.refresh_from_db()
    assert activity.dropped_from == 2020
    assert not activity.targets.get(year=2020).is_set
    assert Realisation.objects.filter(pk=report.pk).exists()
    assert activity not in [m.item for m in missing_reports(profile)]
    assert [(c.kind, c.year) for c in amendment.changes.all()] == [(ChangeKind.DROPPED, 2020)]


def test_a_dropped_items_page_says_so_and_keeps_its_reports(
    client, edition, amendment, staff_user, pengarah_user
):
    activity = PriorityActivity.objects.get(name=GRATIFIKASI)
    RealisationFactory(activity=activity, period="q1", number=80, review_state="verified")
    services.drop_item(item=activity, amendment=amendment, user=staff_user)
    client.force_login(pengarah_user)
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Dihapus dari road map mulai 2020" in page
    assert "TW I 2020: 80" in page


def test_a_closed_amendment_takes_no_more_changes(edition, amendment, staff_user):
    services.close_amendment(amendment=amendment, user=staff_user)
    wbk = Indicator.objects.get(name=WBK)
    with pytest.raises(ValidationError, match="sudah selesai"):
        services.save_indicator(
            edition=edition,
            indicator=wbk,
            values=settings_of(wbk),
            cells={2020: "4"},
            amendment=amendment,
            user=staff_user,
        )


def test_amending_through_the_form_needs_an_amendment_and_shows_the_refusal_beside_it(
    client, edition, staff_user
):
    wbk = Indicator.objects.get(name=WBK)
    client.force_login(staff_user)
    url = reverse("editions:indicator-edit", args=[wbk.pk])
    data = {
        "area": wbk.area_id,
        "name": wbk.name,
        "unit": wbk.unit,
        "target_kind": wbk.target_kind,
        "direction": wbk.direction,
        "aggregation": wbk.aggregation,
        "data_owner": wbk.data_owner_id,
        "target_2020": "4",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Pilih perubahan (amandemen)" in response.content.decode()
    assert wbk.targets.get(year=2020).as_written == "5"
    assert 'value="4"' in response.content.decode()  # what was typed stays
