"""What every report shares: who wrote it, and where it stands in review (draft → submitted → verified)."""

import operator
from functools import reduce

from django.conf import settings
from django.db import models
from django.db.models import Q

from monev.models.periods import Period


def exactly_one(*fields: str) -> Q:
    """Exactly one of the nullable foreign keys ``fields`` is set (a report is about one item)."""
    return reduce(
        operator.or_,
        (Q(**{f"{name}__isnull": name != chosen for name in fields}) for chosen in fields),
    )


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
    def shows_review(self) -> bool:
        """Whether the last review still stands: a corrected, resubmitted report awaits a new one."""
        return self.reviewed_by_id is not None and self.review_state in (
            ReviewState.VERIFIED,
            ReviewState.RETURNED,
        )

    @property
    def counts(self) -> bool:
        """Whether the figure counts in comparisons with targets: only once verified."""
        return self.review_state == ReviewState.VERIFIED


def report_year_period(report) -> tuple[int, str]:
    """The year and period a report stands for: a realisation's own, a progress report's quarter."""
    if hasattr(report, "period"):
        return report.year, report.period
    return report.planned_action.year, Period.of_quarter(report.quarter).value


def report_period(report) -> str:
    """The period part of a report's version token: "2020:q1" for a realisation, "2020:1" for progress."""
    if hasattr(report, "period"):
        return f"{report.year}:{report.period}"
    return f"{report.planned_action.year}:{report.quarter}"


def version_token(report=None, *, year: int | None = None, period: str | int | None = None) -> str:
    """What an edit form carries: which period's report it was opened on, and at which version.

    Without a stored report, pass the ``year`` and the ``period`` (a realisation's period, or a
    progress report's quarter): the version is 0, so a report someone else creates meanwhile
    counts as a change made after the form was opened.
    """
    if report is not None and report.pk:
        return f"{report_period(report)}:{report.version}"
    where = report_period(report) if report is not None else f"{year}:{period}"
    return f"{where}:0"
