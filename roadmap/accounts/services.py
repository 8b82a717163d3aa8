"""Writes to user accounts: each is one transaction touching the user and its profile together."""

from django.contrib.auth import get_user_model
from django.db import transaction

from roadmap.models import Agency, Role, UserProfile

User = get_user_model()


@transaction.atomic
def create_account(
    *,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    role: Role,
    agency: Agency | None,
    password: str,
    must_change_password: bool = True,
) -> "User":
    user = User.objects.create_user(
        username=username, email=email, password=password, first_name=first_name, last_name=last_name
    )
    UserProfile.objects.create(
        user=user,
        role=role,
        agency=agency if role == Role.AGENCY_ADMIN else None,
        must_change_password=must_change_password,
    )
    return user


@transaction.atomic
def update_account(
    *,
    account: "User",
    first_name: str,
    last_name: str,
    email: str,
    role: Role,
    agency: Agency | None,
    is_active: bool,
) -> "User":
    account.first_name, account.last_name, account.email, account.is_active = (
        first_name,
        last_name,
        email,
        is_active,
    )
    account.save(update_fields=["first_name", "last_name", "email", "is_active"])
    UserProfile.objects.update_or_create(
        user=account, defaults={"role": role, "agency": agency if role == Role.AGENCY_ADMIN else None}
    )
    return account


@transaction.atomic
def set_temporary_password(*, account: "User", password: str, must_change_password: bool = True) -> None:
    account.set_password(password)
    account.save(update_fields=["password"])
    UserProfile.objects.filter(user=account).update(must_change_password=must_change_password)


def password_changed(*, user: "User") -> None:
    """The user chose their own password: the temporary one no longer binds them."""
    UserProfile.objects.filter(user=user, must_change_password=True).update(must_change_password=False)


def client_ip(request) -> str:
    """The client's address behind the TLS proxy (which sets X-Real-IP itself), for login lockouts."""
    return request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR", "")
