"""Reporting windows: when agency admins may report a period, and items reopened after it closed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from monev.models.periods import Period
from monev.models.review import exactly_one
from plans.models import PlanIndicator


class ReportingWindowQuerySet(models.QuerySet):
    def open(self) -> "ReportingWindowQuerySet":
        return self.filter(is_open=True)


class ReportingWindow(models.Model):
    """The reporting window of one quarter (TW I–IV) or of the year-end figure of a year."""

    year = models.PositiveSmallIntegerField("tahun")
    period = models.CharField("periode", max_length=4, choices=Period.choices)
    is_open = models.BooleanField("terbuka", default=False)
    closes_on = models.DateField(
        "batas akhir", null=True, blank=True, help_text="Tanggal penutupan yang diumumkan, untuk pengingat."
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diubah oleh",
    )
    changed_at = models.DateTimeField("diubah", auto_now=True)
    history = HistoricalRecords()

    objects = ReportingWindowQuerySet.as_manager()

    class Meta:
        verbose_name = "jendela pelaporan"
        verbose_name_plural = "jendela pelaporan"
        ordering = ["-year", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["year", "period"], name="one_window_per_period"),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="window_year_sane"),
        ]

    def __str__(self) -> str:
        return f"{self.get_period_display()} {self.year}"

    @property
    def label(self) -> str:
        return window_label(self.period)


def window_label(period: str) -> str:
    """A window's name: the quarter's label, or "Angka tahunan" for the year-end figure."""
    return "Angka tahunan" if period == Period.YEAR else Period(period).label


class ReopenedItem(models.Model):
    """One item an agency may report again in a closed window, with the reason staff gave."""

    window = models.ForeignKey(ReportingWindow, on_delete=models.CASCADE, related_name="reopened_items")
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    activity = models.ForeignKey(
        PriorityActivity, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    row = models.ForeignKey(ActionPlanRow, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    plan_indicator = models.ForeignKey(
        PlanIndicator, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reason = models.TextField("alasan")
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dibuka oleh",
    )
    reopened_at = models.DateTimeField("dibuka", auto_now_add=True)
    active = models.BooleanField("berlaku", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "item yang dibuka kembali"
        verbose_name_plural = "item yang dibuka kembali"
        ordering = ["-reopened_at"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("indicator", "activity", "row", "plan_indicator"),
                name="reopened_one_item",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="reopening_needs_a_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.item} ({self.window})"

    def clean(self) -> None:
        if not self.reason.strip():
            raise ValidationError({"reason": "Tuliskan alasan membuka kembali item ini."})

    @property
    def item(self):
        return self.indicator or self.activity or self.row or self.plan_indicator
