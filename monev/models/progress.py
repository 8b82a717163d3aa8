"""Progress on the planned actions of the action plan, per quarter."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from actions.models import PlannedAction
from monev.models.periods import Quarter
from monev.models.review import ReviewedReport
from roadmap.models import Agency


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Belum dimulai"
    IN_PROGRESS = "in_progress", "Sedang berjalan"
    DONE = "done", "Selesai"
    NOT_DONE = "not_done", "Tidak dilaksanakan"


class ActionProgress(ReviewedReport):
    """Where one planned action stands in a quarter.

    Without ``contributor`` it is the row's own report, written by its lead agencies (Utama);
    with one, it is that supporting agency's contribution beside it.
    """

    planned_action = models.ForeignKey(
        PlannedAction, on_delete=models.PROTECT, related_name="progress", verbose_name="rencana aksi"
    )
    quarter = models.PositiveSmallIntegerField("triwulan", choices=Quarter.choices)
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
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kemajuan rencana aksi"
        verbose_name_plural = "kemajuan rencana aksi"
        ordering = ["planned_action", "quarter"]
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
            models.UniqueConstraint(
                fields=["planned_action", "quarter"],
                condition=Q(contributor__isnull=True),
                name="one_lead_progress_per_quarter",
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
