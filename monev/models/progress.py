"""Progress on the planned actions of the action plan, per quarter."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from actions.models import PlannedAction
from monev.models.periods import Quarter
from monev.models.review import ReviewedReport, ReviewState
from roadmap.models import Agency


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Belum dimulai"
    IN_PROGRESS = "in_progress", "Sedang berjalan"
    DONE = "done", "Selesai"
    NOT_DONE = "not_done", "Tidak dilaksanakan"


class ActionProgressQuerySet(models.QuerySet):
    def visible_to(self, profile) -> "ActionProgressQuerySet":
        """Drafts are the reporting agency's and staff's only."""
        if profile is None or profile.is_staff_member:
            return self
        drafts = Q(review_state=ReviewState.DRAFT)
        if profile.agency_id:
            drafts &= ~Q(lead=profile.agency_id) & ~Q(contributor=profile.agency_id)
        return self.exclude(drafts)

    def reviewable_by(self, user, profile) -> "ActionProgressQuerySet":
        """The reports ``user`` may verify or return (monev.access.review_refusal, as one query)."""
        reports = self.exclude(reported_by=user) if settings.REVIEW_FORBID_OWN_REPORTS else self
        if profile.is_staff_member:
            return reports
        agency = profile.agency_id
        return reports.filter(planned_action__row__area__in=profile.pokja_area_ids).exclude(
            Q(lead=agency) | Q(contributor=agency)
        )


class ActionProgress(ReviewedReport):
    """Where one planned action stands in a quarter, as one agency reports it.

    With ``lead`` it is that lead agency's (Utama's) own part of the action; with
    ``contributor`` it is a supporting agency's contribution beside it, which never completes
    the action (docs/action-plan.md).
    """

    planned_action = models.ForeignKey(
        PlannedAction, on_delete=models.PROTECT, related_name="progress", verbose_name="rencana aksi"
    )
    quarter = models.PositiveSmallIntegerField("triwulan", choices=Quarter.choices)
    lead = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_lead_reports",
        verbose_name="bagian Perangkat Daerah Utama",
    )
    contributor = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_contributions",
        verbose_name="kontribusi Perangkat Daerah pendukung",
    )
    status = models.CharField("status pelaksanaan", max_length=12, choices=ActionStatus.choices)
    percent = models.PositiveSmallIntegerField("persen selesai")
    note = models.TextField("keterangan", blank=True)
    obstacles = models.TextField("kendala", blank=True)
    follow_up = models.TextField("rencana tindak lanjut", blank=True)
    history = HistoricalRecords()

    objects = ActionProgressQuerySet.as_manager()

    class Meta:
        verbose_name = "kemajuan rencana aksi"
        verbose_name_plural = "kemajuan rencana aksi"
        ordering = ["planned_action", "quarter"]
        # The verification queue orders and counts the reports awaiting review, a few among many.
        indexes = [
            models.Index(
                fields=["submitted_at", "id"],
                condition=Q(review_state=ReviewState.SUBMITTED),
                name="progress_awaiting_review",
            ),
            # Open data's latest verification of a lead's part: the newest first, no scan of them all.
            models.Index(
                fields=["reviewed_at"],
                condition=Q(review_state=ReviewState.VERIFIED, lead__isnull=False),
                name="verified_lead_progress",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="progress_quarter_1_to_4"
            ),
            models.CheckConstraint(condition=Q(percent__lte=100), name="progress_percent_at_most_100"),
            models.CheckConstraint(
                condition=~Q(status=ActionStatus.DONE) | Q(percent=100), name="done_is_100_percent"
            ),
            models.CheckConstraint(
                condition=~Q(status=ActionStatus.NOT_STARTED) | Q(percent=0), name="not_started_is_0_percent"
            ),
            models.CheckConstraint(
                condition=Q(lead__isnull=False, contributor__isnull=True)
                | Q(lead__isnull=True, contributor__isnull=False),
                name="progress_of_a_lead_or_a_contributor",
            ),
            models.UniqueConstraint(
                fields=["planned_action", "quarter", "lead"],
                condition=Q(lead__isnull=False),
                name="one_lead_part_per_quarter",
            ),
            models.UniqueConstraint(
                fields=["planned_action", "quarter", "contributor"],
                condition=Q(contributor__isnull=False),
                name="one_contribution_per_agency_and_quarter",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.planned_action} {self.get_quarter_display()}: {self.get_status_display()} {self.percent}%"
        )

    def clean(self) -> None:
        errors = progress_errors(self.status, self.percent)
        if errors:
            raise ValidationError({"percent": errors})


def progress_errors(status: str, percent: int | None) -> list[str]:
    """Why a status and a percentage do not go together (empty when they do)."""
    if percent is None:
        return []
    if percent > 100:
        return ["Persen selesai paling banyak 100."]
    if status == ActionStatus.DONE and percent != 100:
        return ["Rencana aksi yang selesai berarti 100% selesai."]
    if status == ActionStatus.NOT_STARTED and percent != 0:
        return ["Rencana aksi yang belum dimulai berarti 0% selesai."]
    return []
