"""Who may see and change what: the one place views ask.

Reading the road map is open to every user with a role. Writing is checked per object
family by ``get_<family>_for_user(user, pk, write=...)`` helpers in each app: another
agency's object is a 404 (its existence is none of the user's business), a role that may
never write is a 403.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from roadmap.models import Agency, Role, UserProfile


def profile_of(user) -> UserProfile | None:
    """The user's profile; a superuser without one acts as staff; None for everyone else."""
    if not user.is_authenticated:
        return None
    try:
        return user.profile
    except UserProfile.DoesNotExist:
        return UserProfile(user=user, role=Role.STAFF) if user.is_superuser else None


def require_profile(user) -> UserProfile:
    profile = profile_of(user)
    if profile is None:
        raise PermissionDenied("Akun Anda belum memiliki peran.")
    return profile


def require_reporter(user) -> UserProfile:
    """Staff or an agency admin: someone who may write at least their own agency's items."""
    profile = require_profile(user)
    if not profile.can_report:
        raise PermissionDenied("Peran Anda hanya dapat membaca.")
    return profile


def require_staff(
    user, why: str = "Hanya staf Bagian Organisasi yang dapat membuka halaman ini."
) -> UserProfile:
    """Bagian Organisasi's own work: reporting windows, the chase list, targets, the year-end report's settings."""
    profile = require_profile(user)
    if not profile.is_staff_member:
        raise PermissionDenied(why)
    return profile


def require_account_manager(user) -> UserProfile:
    profile = require_profile(user)
    if not profile.can_manage_users:
        raise PermissionDenied("Hanya staf Bagian Organisasi yang dapat mengelola akun.")
    return profile


def get_agency_for_user(user, code: str) -> Agency:
    require_profile(user)
    return get_object_or_404(Agency.objects.prefetch_related("spellings"), code=code)


def get_account_for_user(user, pk: int, write: bool = False):
    """A user account as staff manage it. System administrators are managed in the Django admin only."""
    require_account_manager(user)
    account = get_object_or_404(get_user_model().objects.select_related("profile__agency"), pk=pk)
    if account.is_superuser:
        raise Http404("Akun administrator sistem dikelola di admin Django.")
    return account


def get_agency_for_reporting(user, code: str) -> Agency:
    """An agency whose reports the user may write: any for staff; an agency admin's own, else 404."""
    profile = require_reporter(user)
    agency = get_object_or_404(Agency.objects.with_code(code))
    if not profile.can_report_for(agency):
        raise Http404("Perangkat Daerah ini bukan Perangkat Daerah Anda.")
    return agency
