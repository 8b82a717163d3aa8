"""What was achieved for an indicator or a priority activity in one period."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from actions.models import PriorityActivity
from areas.models import Indicator, ScaleLevel, TargetKind
from monev.models.periods import Period
from monev.models.review import ReviewedReport, ReviewState, exactly_one
from plans.models import PlanIndicator
from roadmap.notation import format_target


class RealisationQuerySet(models.QuerySet):
    def verified(self) -> "RealisationQuerySet":
        return self.filter(review_state=ReviewState.VERIFIED)

    def awaiting_review(self) -> "RealisationQuerySet":
        return self.filter(review_state=ReviewState.SUBMITTED)

    def visible_to(self, profile) -> "RealisationQuerySet":
        """Drafts are the reporter's and staff's only: other agencies and the Tim Pengarah never see them."""
        if profile is None or profile.is_staff_member:
            return self
        own = (
            Q(indicator__data_owner=profile.agency_id)
            | Q(activity__agency=profile.agency_id)
            | Q(plan_indicator__plan__agency=profile.agency_id)
        )
        return (
            self.filter(~Q(review_state=ReviewState.DRAFT) | own)
            if profile.agency_id
            else self.exclude(review_state=ReviewState.DRAFT)
        )

    def reviewable_by(self, user, profile) -> "RealisationQuerySet":
        """The reports ``user`` may verify or return (monev.access.review_refusal, as one query)."""
        reports = self.exclude(reported_by=user) if settings.REVIEW_FORBID_OWN_REPORTS else self
        if profile.is_staff_member:
            return reports
        areas, agency = profile.pokja_area_ids, profile.agency_id
        return reports.filter(
            (Q(indicator__area__in=areas) & ~Q(indicator__data_owner=agency))
            | (Q(activity__area__in=areas) & ~Q(activity__agency=agency))
        )


class Realisation(ReviewedReport):
    """One report: the value achieved in a quarter (TW I–IV) or for the whole year (Tahunan)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, null=True, blank=True, related_name="realisations"
    )
    activity = models.ForeignKey(
        PriorityActivity, on_delete=models.PROTECT, null=True, blank=True, related_name="realisations"
    )
    # An agency's own reform plan is reported through the same reports (docs/plans.md).
    plan_indicator = models.ForeignKey(
        PlanIndicator, on_delete=models.PROTECT, null=True, blank=True, related_name="realisations"
    )
    year = models.PositiveSmallIntegerField("tahun")
    period = models.CharField("periode", max_length=4, choices=Period.choices)
    number = models.DecimalField("nilai", max_digits=16, decimal_places=4, null=True, blank=True)
    level = models.ForeignKey(
        ScaleLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="tingkat"
    )
    is_nil = models.BooleanField(
        "nihil",
        default=False,
        help_text="Tidak ada yang dihitung pada periode ini (mis. tidak ada aduan): tanpa angka, bukan 0.",
    )
    note = models.TextField("keterangan", blank=True)
    obstacles = models.TextField("kendala", blank=True)
    follow_up = models.TextField("rencana tindak lanjut", blank=True)
    source = models.CharField(
        "sumber",
        max_length=300,
        blank=True,
        help_text="Untuk nilai yang dikutip dari dokumen, mis. bab Perbup.",
    )
    history = HistoricalRecords()

    objects = RealisationQuerySet.as_manager()

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        ordering = ["year", "period"]
        # The verification queue orders and counts the reports awaiting review, a few among many.
        indexes = [
            models.Index(
                fields=["submitted_at", "id"],
                condition=Q(review_state=ReviewState.SUBMITTED),
                name="realisation_awaiting_review",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("indicator", "activity", "plan_indicator"),
                name="realisation_of_one_item",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year", "period"],
                condition=Q(indicator__isnull=False),
                name="one_indicator_report_per_period",
            ),
            models.UniqueConstraint(
                fields=["activity", "year", "period"],
                condition=Q(activity__isnull=False),
                name="one_activity_report_per_period",
            ),
            models.UniqueConstraint(
                fields=["plan_indicator", "year", "period"],
                condition=Q(plan_indicator__isnull=False),
                name="one_plan_indicator_report_per_period",
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=False) | Q(level__isnull=False) | Q(is_nil=True),
                name="realisation_has_a_value",
            ),
            models.CheckConstraint(
                condition=Q(is_nil=False) | Q(number__isnull=True, level__isnull=True),
                name="nil_has_no_figure",
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=0), name="realisation_not_negative"
            ),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="realisation_year_sane"),
        ]

    def __str__(self) -> str:
        return f"{self.item} {self.year} {self.get_period_display()}: {self.display}"

    def clean(self) -> None:
        if [self.indicator_id, self.activity_id, self.plan_indicator_id].count(None) != 2:
            raise ValidationError("Realisasi harus untuk satu indikator atau satu kegiatan.")
        if self.is_nil and (self.number is not None or self.level_id is not None):
            raise ValidationError("Laporan nihil tidak berisi angka atau tingkat.")
        if self.number is None and self.level_id is None and not self.is_nil:
            raise ValidationError("Isi nilai realisasi.")
        if self.number is not None and self.number < 0:
            raise ValidationError({"number": "Nilai realisasi tidak boleh negatif."})
        item = self.item
        scale_id = getattr(item, "scale_id", None)
        if self.level_id is not None and self.level.scale_id != scale_id:
            raise ValidationError({"level": "Tingkat ini bukan bagian dari skala item ini."})
        if (
            getattr(item, "target_kind", TargetKind.NUMBER) == TargetKind.LEVEL
            and self.level_id is None
            and not scale_id
        ):
            raise ValidationError({"level": "Pilih tingkat pada skala."})

    @property
    def item(self) -> Indicator | PriorityActivity | PlanIndicator:
        if self.plan_indicator_id:
            return self.plan_indicator
        return self.indicator if self.indicator_id else self.activity

    @property
    def quarter(self) -> int | None:
        return Period(self.period).quarter

    @property
    def display(self) -> str:
        if self.is_nil:
            return "nihil"
        return format_target(self.number, self.level.label if self.level_id else None)
