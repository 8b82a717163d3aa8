"""What every report shares: who wrote it, and where it stands in review (draft → submitted → verified)."""

from django.conf import settings
from django.db import models


class ReviewState(models.TextChoices):
    DRAFT = "draft", "Draf"
    SUBMITTED = "submitted", "Diajukan"
    RETURNED = "returned", "Dikembalikan"
    VERIFIED = "verified", "Terverifikasi"


class ReviewedReport(models.Model):
    review_state = models.CharField(
        "status laporan", max_length=12, choices=ReviewState.choices, default=ReviewState.DRAFT
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dilaporkan oleh",
    )
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    updated_at = models.DateTimeField("diubah", auto_now=True)
    submitted_at = models.DateTimeField("diajukan", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diperiksa oleh",
    )
    reviewed_at = models.DateTimeField("diperiksa", null=True, blank=True)
    review_note = models.TextField("catatan pemeriksa", blank=True)
    # Bumped by every save through monev.services: a form carries the version it was opened on,
    # so two people editing the same report at once cannot silently overwrite each other.
    version = models.PositiveIntegerField("versi", default=0, editable=False)

    class Meta:
        abstract = True

    @property
    def version_token(self) -> str:
        return version_token(self)

    @property
    def counts(self) -> bool:
        """Whether the figure counts in comparisons with targets: only once verified."""
        return self.review_state == ReviewState.VERIFIED

    @property
    def awaits_review(self) -> bool:
        return self.review_state == ReviewState.SUBMITTED


def report_period(report) -> str:
    """The period a report stands for: "2020:q1" for a realisation, "2020:1" for progress."""
    if hasattr(report, "period"):
        return f"{report.year}:{report.period}"
    return f"{report.planned_action.year}:{report.quarter}"


def version_token(report) -> str:
    """What an edit form carries: which period's report it was opened on, and at which version."""
    return f"{report_period(report)}:{report.version if report.pk else 0}"
