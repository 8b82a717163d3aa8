"""Logging in, the temporary-password flow, account management by staff, and login throttling."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from roadmap.models import Role, UserProfile

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "sandi-uji-2020"


def login(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_page_is_in_indonesian(client):
    html = client.get(reverse("login")).content.decode()
    assert "Masuk" in html and "Nama pengguna" in html and "Kata sandi" in html


def test_every_page_sends_strangers_to_the_login_page(client):
    response = client.get(reverse("actions:overview"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/"


def test_login_then_the_page_asked_for(client, inspektorat_user):
    response = client.post(
        reverse("login"),
        {"username": "inspektorat", "password": PASSWORD, "next": reverse("actions:agency-list")},
    )
    assert response.status_code == 302 and response["Location"] == reverse("actions:agency-list")


def test_a_wrong_password_is_refused_in_indonesian(client, inspektorat_user):
    response = login(client, "inspektorat", "salah")
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()


def test_repeated_failures_lock_the_username_for_a_while(client, inspektorat_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "inspektorat", "salah").status_code == 200
    response = login(client, "inspektorat", "salah")
    assert response.status_code == 429
    assert "Akun dikunci sementara" in response.content.decode()
    assert "ditutup selama 30 menit" in response.content.decode()
    # Even the right password is refused while the lock lasts.
    assert login(client, "inspektorat").status_code == 429


def test_the_navigation_bar_shows_who_is_signed_in(client, inspektorat_user):
    inspektorat_user.first_name = "Rina"
    inspektorat_user.save()
    client.force_login(inspektorat_user)
    html = client.get(reverse("actions:overview")).content.decode()
    assert "Rina" in html
    assert "Admin Perangkat Daerah · Inspektorat" in html
    assert "Perangkat Daerah saya" in html
    assert "Kelola akun" not in html


def test_staff_see_account_management_in_the_menu(client, staff_user):
    client.force_login(staff_user)
    html = client.get(reverse("actions:overview")).content.decode()
    assert "Kelola akun" in html and "Staf Bagian Organisasi" in html


def test_a_user_without_a_role_is_told_so(client):
    user = User.objects.create_user("tanpaperan", password=PASSWORD)
    client.force_login(user)
    response = client.get(reverse("actions:overview"))
    assert response.status_code == 403
    assert "belum diberi peran" in response.content.decode()


def new_account(**overrides):
    data = {
        "username": "dinkominfo",
        "first_name": "Admin",
        "last_name": "Dinkominfo",
        "email": "kominfo@pekalongankab.go.id",
        "role": Role.AGENCY_ADMIN,
        "agency": "",
        "password1": "Sementara-2020!",
        "password2": "Sementara-2020!",
        "must_change_password": "on",
    }
    return {**data, **overrides}


def test_staff_create_an_agency_admin_who_must_change_the_temporary_password(client, staff_user, edition):
    from roadmap.models import Agency

    agency = Agency.objects.get(code="dinkominfo")
    client.force_login(staff_user)
    response = client.post(reverse("account-create"), new_account(agency=agency.pk))
    assert response.status_code == 302
    profile = UserProfile.objects.get(user__username="dinkominfo")
    assert (profile.role, profile.agency, profile.must_change_password) == (Role.AGENCY_ADMIN, agency, True)

    client.logout()
    assert login(client, "dinkominfo", "Sementara-2020!").status_code == 302
    response = client.get(reverse("actions:overview"))
    assert response.status_code == 302 and response["Location"] == reverse("password_change")
    html = client.get(reverse("password_change")).content.decode()
    assert "kata sandi sementara" in html
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "Sementara-2020!",
            "new_password1": "Kominfo-Milik-Sendiri-9",
            "new_password2": "Kominfo-Milik-Sendiri-9",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("actions:overview")).status_code == 200


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"agency": ""}, "agency", "Pilih Perangkat Daerah untuk admin Perangkat Daerah."),
        ({"role": Role.STAFF, "agency": "AGENCY"}, "agency", "Hanya admin Perangkat Daerah"),
        ({"password2": "lain-sekali-2020"}, "password2", "Kedua kata sandi tidak sama."),
        ({"password1": "12345678", "password2": "12345678"}, "password1", "Kata sandi ini"),
        ({"username": "organisasi"}, "username", "Nama pengguna ini sudah dipakai."),
        ({"username": "spasi tidak boleh"}, "username", "Gunakan huruf, angka"),
    ],
)
def test_bad_account_data_gets_a_message_beside_the_field(client, staff_user, overrides, field, message):
    from roadmap.models import Agency

    agency = Agency.objects.get(code="dinkominfo").pk
    data = new_account(agency=agency)
    data.update({k: (agency if v == "AGENCY" else v) for k, v in overrides.items()})
    client.force_login(staff_user)
    response = client.post(reverse("account-create"), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not User.objects.filter(username="dinkominfo").exists()


def test_staff_change_a_role_and_deactivate_an_account(client, staff_user, bkd_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("account-edit", args=[bkd_user.pk]),
        {"first_name": "Mantan", "last_name": "Admin", "email": "", "role": Role.STEERING, "agency": ""},
    )
    assert response.status_code == 302
    bkd_user.refresh_from_db()
    assert bkd_user.is_active is False
    assert (bkd_user.profile.role, bkd_user.profile.agency) == (Role.STEERING, None)
    client.logout()
    assert login(client, "bkd").status_code == 200  # a deactivated account cannot sign in


def test_staff_cannot_deactivate_themselves(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("account-edit", args=[staff_user.pk]),
        {"first_name": "Staf", "last_name": "", "email": "", "role": Role.STAFF, "agency": ""},
    )
    assert response.status_code == 200
    assert "tidak dapat menonaktifkan akun Anda sendiri" in response.content.decode()
    staff_user.refresh_from_db()
    assert staff_user.is_active


def test_staff_set_a_temporary_password(client, staff_user, bkd_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("account-password", args=[bkd_user.pk]),
        {"password1": "Baru-Sementara-77", "password2": "Baru-Sementara-77", "must_change_password": "on"},
    )
    assert response.status_code == 302
    bkd_user.refresh_from_db()
    assert bkd_user.check_password("Baru-Sementara-77")
    assert bkd_user.profile.must_change_password


def test_account_list_filters_by_role(client, staff_user, bkd_user, pengarah_user):
    client.force_login(staff_user)
    html = client.get(reverse("account-list"), {"role": Role.AGENCY_ADMIN}).content.decode()
    assert ">bkd<" in html and ">pengarah<" not in html


def test_own_details_cannot_change_role_or_agency(client, bkd_user):
    client.force_login(bkd_user)
    response = client.post(
        reverse("own-details"),
        {"first_name": "Budi", "last_name": "Santoso", "email": "budi@example.org", "role": "staff", "agency": "1",
         "is_superuser": "on", "is_staff": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    bkd_user.refresh_from_db()
    assert bkd_user.first_name == "Budi"
    assert (bkd_user.profile.role, bkd_user.profile.agency.code) == (Role.AGENCY_ADMIN, "bkd")
    assert not bkd_user.is_superuser and not bkd_user.is_staff


def test_logout_is_a_post_and_ends_the_session(client, bkd_user):
    client.force_login(bkd_user)
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("actions:overview")).status_code == 302
