"""Roles as data, read through properties, and the per-family fetch helpers that scope writes."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse

from actions.access import get_action_row_for_contribution, get_action_row_for_user, get_activity_for_user
from actions.models import ActionPlanRow, PriorityActivity
from areas.access import get_indicator_for_user
from areas.models import Indicator
from roadmap.models import Agency, Role, UserProfile

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def test_an_agency_admin_has_exactly_one_agency_and_others_none():
    user = get_user_model().objects.create_user("x")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserProfile.objects.create(user=user, role=Role.AGENCY_ADMIN)
    with pytest.raises(IntegrityError), transaction.atomic():
        UserProfile.objects.create(user=user, role=Role.STEERING, agency=Agency.objects.get(code="bkd"))
    with pytest.raises(ValidationError, match="harus terhubung"):
        UserProfile(user=user, role=Role.AGENCY_ADMIN).full_clean()


def test_one_profile_per_user(inspektorat_user):
    with pytest.raises(IntegrityError), transaction.atomic():
        UserProfile.objects.create(user=inspektorat_user, role=Role.STAFF)


def test_role_properties(staff_user, inspektorat_user, pengarah_user):
    inspektorat, bkd = Agency.objects.get(code="inspektorat"), Agency.objects.get(code="bkd")
    staff, admin, steering = staff_user.profile, inspektorat_user.profile, pengarah_user.profile
    # Inspektorat sits in Pokja, so its admin reviews (as the Tim Gabungan); the Tim Pengarah never does.
    assert (staff.can_verify, admin.can_verify, steering.can_verify) == (True, True, False)
    assert (staff.can_manage_users, admin.can_manage_users, steering.can_manage_users) == (True, False, False)
    assert staff.can_report_for(bkd) and staff.can_report_for(None)
    assert (
        admin.can_report_for(inspektorat) and not admin.can_report_for(bkd) and not admin.can_report_for(None)
    )
    assert not steering.can_report and not steering.can_report_for(inspektorat)


def gratifikasi():
    return PriorityActivity.objects.get(name="Penanganan gratifikasi.")  # Inspektorat


def test_activity_write_access(staff_user, inspektorat_user, bkd_user, pengarah_user):
    pk = gratifikasi().pk
    assert get_activity_for_user(inspektorat_user, pk, write=True).pk == pk
    assert get_activity_for_user(staff_user, pk, write=True).pk == pk
    assert get_activity_for_user(bkd_user, pk).pk == pk  # reading is open
    with pytest.raises(Http404):
        get_activity_for_user(bkd_user, pk, write=True)
    with pytest.raises(PermissionDenied):
        get_activity_for_user(pengarah_user, pk, write=True)
    # Its Pengampu cell is empty in Tabel 5.2; Bab VI names Inspektorat, so Inspektorat reports it.
    assigned = PriorityActivity.objects.get(name="Penanganan benturan kepentingan")
    assert get_activity_for_user(inspektorat_user, assigned.pk, write=True) == assigned
    with pytest.raises(Http404):
        get_activity_for_user(bkd_user, assigned.pk, write=True)
    assert get_activity_for_user(staff_user, assigned.pk, write=True) == assigned


def test_action_row_write_and_contribution_access(staff_user, inspektorat_user, bkd_user, pengarah_user):
    row = ActionPlanRow.objects.get(
        name="Pemenuhan pelaporan Laporan Harta Kekayaan Penyelenggara Negara dan Laporan Harta Kekayaan Aparatur Sipil Negara"
    )
    assert get_action_row_for_user(inspektorat_user, row.pk, write=True) == row  # both lead this row
    assert get_action_row_for_user(bkd_user, row.pk, write=True) == row
    gratifikasi_row = ActionPlanRow.objects.get(name="Penanganan Gratifikasi")
    with pytest.raises(Http404):
        get_action_row_for_user(bkd_user, gratifikasi_row.pk, write=True)
    assert get_action_row_for_contribution(bkd_user, gratifikasi_row.pk) == gratifikasi_row  # Seluruh PD
    with pytest.raises(PermissionDenied):
        get_action_row_for_contribution(pengarah_user, gratifikasi_row.pk)
    area_related = ActionPlanRow.objects.get(name="Pembentukan Tim Reformasi Birokrasi")
    arsip = get_user_model().objects.create_user("arsip")
    UserProfile.objects.create(user=arsip, role=Role.AGENCY_ADMIN, agency=Agency.objects.get(code="dinarpus"))
    with pytest.raises(Http404):  # not in the Manajemen Perubahan Pokja
        get_action_row_for_contribution(arsip, area_related.pk)
    assert get_action_row_for_contribution(inspektorat_user, area_related.pk) == area_related


def test_indicators_are_written_by_staff_only(staff_user, inspektorat_user):
    indicator = Indicator.objects.get(name="Indeks Reformasi Birokrasi")
    assert get_indicator_for_user(staff_user, indicator.pk, write=True) == indicator
    assert get_indicator_for_user(inspektorat_user, indicator.pk) == indicator
    with pytest.raises(PermissionDenied):
        get_indicator_for_user(inspektorat_user, indicator.pk, write=True)


def test_my_agency_filter_on_lists(client, inspektorat_user, pengarah_user):
    client.force_login(inspektorat_user)
    html = client.get(reverse("actions:activity-list"), {"mine": "on"}).content.decode()
    assert "Penanganan gratifikasi." in html and "Promosi jabatan secara terbuka." not in html
    assert "11 baris" in html  # five named in Tabel 5.2, six assigned from Bab VI
    html = client.get(reverse("actions:action-plan"), {"mine": "on"}).content.decode()
    assert "14 baris" in html
    client.force_login(pengarah_user)
    html = client.get(reverse("actions:activity-list"), {"mine": "on"}).content.decode()
    assert "Hanya Perangkat Daerah saya" not in html  # no agency, no such switch
    assert "29 baris" in html


def test_seed_demo_creates_the_demo_accounts(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent: resets, never duplicates
    users = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in=["organisasi", "inspektorat", "bkd", "pengarah"]
        )
    }
    assert len(users) == 4
    assert users["inspektorat"].profile.agency.code == "inspektorat"
    assert users["bkd"].profile.agency.name == "Badan Kepegawaian Daerah dan Diklat"
    assert users["organisasi"].profile.role == Role.STAFF and users["pengarah"].profile.role == Role.STEERING
    assert all(user.check_password("monev-demo-2020") for user in users.values())


def test_seed_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo")
    assert not get_user_model().objects.filter(username="organisasi").exists()
    call_command("seed_demo", "--force")
    assert get_user_model().objects.filter(username="organisasi").exists()


def test_check_deploy_is_clean_with_production_values(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "monev.pekalongankab.go.id",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
