"""Links, words and dates: one way of writing quarters, dates and times everywhere (issue 12)."""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.staticfiles import finders
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from actions.models import ActionPlanRow, PriorityActivity
from monev.models import Realisation, ReportingWindow
from roadmap.models import Agency
from tests.factories import ActionProgressFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

# Anything but the application's own format: "30-11-2026", "30 Nov 2026", "01:40".
OTHER_FORMATS = re.compile(
    r"\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Agu|Aug|Sep|Okt|Oct|Nov|Des|Dec)\.? \d{4}\b"
    r"|\b\d{1,2}:\d{2}\b"
)
DATETIME = re.compile(
    r"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} \d{2}\.\d{2} WIB"
)


def gratifikasi():
    return PriorityActivity.objects.get(name="Penanganan gratifikasi.")


def main_text(client, url, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200
    return parse(response.content).find("main").text


def test_pages_write_dates_and_times_one_way(client, staff_user, inspektorat_user):
    ReportingWindow.objects.create(
        year=2020, period="q1", is_open=True, closes_on=datetime.date(2020, 4, 20), changed_by=staff_user
    )
    client.force_login(inspektorat_user)
    client.post(
        reverse("monev:activity-report", args=[gratifikasi().pk]),
        {"year": "2020", "period": "q1", "number": "90"},
    )
    inspektorat_user.last_login = timezone.now()
    inspektorat_user.save()
    client.force_login(staff_user)
    pages = {
        "item": gratifikasi().get_absolute_url(),
        "history": reverse("monev:activity-history", args=[gratifikasi().pk]),
        "queue": reverse("monev:verification"),
        "windows": reverse("monev:windows"),
        "accounts": reverse("account-list"),
        "account": reverse("account-edit", args=[inspektorat_user.pk]),
        "dashboard": reverse("dashboards:dashboard"),
    }
    for name, url in pages.items():
        text = main_text(client, url)
        assert not OTHER_FORMATS.search(text), f"{name}: {OTHER_FORMATS.search(text).group()}"
        assert DATETIME.search(text), f"{name} shows no date and time"
    assert "20 April 2020" in main_text(client, reverse("monev:windows"))


def test_quarters_are_written_tw_i_to_iv_everywhere(client, staff_user, pengarah_user):
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    ActionProgressFactory(
        planned_action=row.planned_actions.get(year=2020),
        quarter=3,
        contributor=Agency.objects.get(code="bkd"),
        status="in_progress",
        percent=40,
        review_state="submitted",
    )
    client.force_login(pengarah_user)
    dashboard = client.get(reverse("dashboards:dashboard"), {"year": 2020, "quarter": 3}).content.decode()
    assert "sampai TW III</h1>" in dashboard and "<title>Dasbor 2020 TW III" in dashboard
    progress = main_text(client, reverse("dashboards:action-plan-progress"), year=2020, quarter=2)
    assert "sampai TW II" in progress
    assert "TW III · BKD dan Diklat" in main_text(client, row.get_absolute_url())
    for page in (dashboard, progress, main_text(client, row.get_absolute_url())):
        assert not re.search(r"TW \d", page)


def test_a_returned_progress_report_is_mailed_with_its_quarters_label(client, staff_user, inspektorat_user):
    inspektorat_user.email = "inspektorat@example.org"
    inspektorat_user.save()
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    ActionProgressFactory(
        planned_action=row.planned_actions.get(year=2020),
        quarter=2,
        status="in_progress",
        percent=40,
        review_state="returned",
        reviewed_by=staff_user,
        review_note="Persen tidak sesuai",
        reported_by=inspektorat_user,
    )
    call_command("send_reminders", stdout=StringIO())
    body = next(m.body for m in mail.outbox if "dikembalikan" in m.subject)
    assert "(TW II 2020)" in body and not re.search(r"TW \d", body)


def test_a_window_closing_mail_writes_its_date_in_indonesian(staff_user, inspektorat_user):
    inspektorat_user.email = "inspektorat@example.org"
    inspektorat_user.save()
    closes = timezone.localdate() + datetime.timedelta(days=1)
    ReportingWindow.objects.create(year=2020, period="q2", is_open=True, closes_on=closes)
    call_command("send_reminders", stdout=StringIO())
    closing = next(m for m in mail.outbox if "ditutup" in m.subject)
    assert not OTHER_FORMATS.search(closing.subject + closing.body)
    from roadmap.dates import format_date

    assert format_date(closes) in closing.subject and format_date(closes) in closing.body


def test_the_bkd_page_lists_the_documents_other_names_not_their_slips(client, pengarah_user):
    client.force_login(pengarah_user)
    text = main_text(client, Agency.objects.get(code="bkd").get_absolute_url())
    assert "“BKD Diklat”" in text and "Diklat dan Diklat" not in text
    inspektorat = main_text(client, Agency.objects.get(code="inspektorat").get_absolute_url())
    assert "“Inspektorat Kabupaten Pekalongan”" in inspektorat
    assert "INSPEKTORAT" not in inspektorat and "Inspektora t" not in inspektorat


def test_every_page_names_its_icon_and_favicon_ico_leads_there(client, pengarah_user):
    client.force_login(pengarah_user)
    icon = parse(client.get(reverse("actions:overview")).content).find("link", rel="icon")
    assert icon is not None and icon.attrs["href"].endswith("favicon.svg")
    assert finders.find("img/favicon.svg")
    client.logout()
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == icon.attrs["href"]
    login = parse(client.get(reverse("login")).content)
    assert login.find("link", rel="icon") is not None


def test_an_action_row_page_has_one_reopen_form_and_a_plain_title(client, staff_user):
    ReportingWindow.objects.create(year=2020, period="q1", is_open=False)
    client.force_login(staff_user)
    row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    page = parse(client.get(row.get_absolute_url()).content)
    assert page.find("title").text == "Penanganan Gratifikasi · Kabupaten Pekalongan"
    action = reverse("monev:reopen-item", args=["row", row.pk])
    assert len(page.find_all("form", action=action)) == 1


def test_the_realisation_history_still_labels_periods(client, staff_user):
    Realisation.objects.create(activity=gratifikasi(), year=2020, period="q4", number=1, review_state="draft")
    client.force_login(staff_user)
    assert "Realisasi TW IV 2020" in main_text(
        client, reverse("monev:activity-history", args=[gratifikasi().pk])
    )
