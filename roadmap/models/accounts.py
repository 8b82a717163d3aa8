"""Who a user is in the monitoring: one role, and for an agency admin one agency.

Every permission question is answered here, through properties of the profile, so that
views and templates never inspect groups or flags themselves. See docs/roles.md.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from simple_history import register
from simple_history.models import HistoricalRecords

from roadmap.models.agencies import Agency


class Role(models.TextChoices):
    STAFF = "staff", "Staf Bagian Organisasi"
    AGENCY_ADMIN = "agency_admin", "Admin Perangkat Daerah"
    STEERING = "steering", "Tim Pengarah"


class UserProfile(models.Model):
    # One-to-one: the database holds at most one profile, hence one role, per user.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name="pengguna"
    )
    role = models.CharField("peran", max_length=20, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name="perangkat daerah",
        help_text="Wajib untuk admin Perangkat Daerah; untuk peran lain dikosongkan.",
    )
    history = HistoricalRecords()
    must_change_password = models.BooleanField(
        "wajib ganti kata sandi",
        default=False,
        help_text="Pengguna harus mengganti kata sandi sementara saat masuk berikutnya.",
    )

    class Meta:
        verbose_name = "profil pengguna"
        verbose_name_plural = "profil pengguna"
        constraints = [
            models.CheckConstraint(
                condition=Q(role=Role.AGENCY_ADMIN, agency__isnull=False)
                | (~Q(role=Role.AGENCY_ADMIN) & Q(agency__isnull=True)),
                name="agency_iff_agency_admin",
            ),
        ]

    def __str__(self) -> str:
        suffix = f" ({self.agency.short_name})" if self.agency_id else ""
        return f"{self.user.get_username()}: {self.get_role_display()}{suffix}"

    def clean(self) -> None:
        if self.role == Role.AGENCY_ADMIN and self.agency_id is None:
            raise ValidationError(
                {"agency": "Admin Perangkat Daerah harus terhubung dengan satu Perangkat Daerah."}
            )
        if self.role != Role.AGENCY_ADMIN and self.agency_id is not None:
            raise ValidationError(
                {"agency": "Hanya admin Perangkat Daerah yang terhubung dengan Perangkat Daerah."}
            )

    @property
    def is_staff_member(self) -> bool:
        return self.role == Role.STAFF

    @cached_property
    def pokja_area_ids(self) -> frozenset[int]:
        """The change areas (of every enacted edition) whose Pokja this agency admin's agency sits in:
        reports made under an earlier road map are still reviewed by its Pokja."""
        if self.role != Role.AGENCY_ADMIN or self.agency_id is None:
            return frozenset()
        from roadmap.models.editions import RoadmapEdition

        return frozenset(
            self.agency.pokja_memberships.filter(
                area__edition__in=RoadmapEdition.objects.enacted()
            ).values_list("area_id", flat=True)
        )

    @property
    def is_pokja_reviewer(self) -> bool:
        """An admin of an agency in a Pokja reviews that area's reports as the Tim Gabungan (Tabel 5.1)."""
        return settings.REVIEW_BY_POKJA and bool(self.pokja_area_ids)

    @property
    def can_verify(self) -> bool:
        """May verify or return at least some reports: staff, or a Pokja member (docs/roles.md)."""
        return self.role == Role.STAFF or self.is_pokja_reviewer

    @property
    def can_manage_users(self) -> bool:
        return self.role == Role.STAFF

    @property
    def can_report(self) -> bool:
        """May report progress for at least some items."""
        return self.role in (Role.STAFF, Role.AGENCY_ADMIN)

    def can_report_for(self, agency: Agency | None) -> bool:
        """Staff report for every agency (and for items without one); an agency admin for its own."""
        if self.role == Role.STAFF:
            return True
        return self.role == Role.AGENCY_ADMIN and agency is not None and agency.pk == self.agency_id


# Account changes (names, e-mail, active flag, password resets) are part of the audit trail too.
register(get_user_model(), app="roadmap", table_name="roadmap_historicaluser", excluded_fields=["last_login"])
