"""An agency's plan for two years: activities under the change areas, indicators and yearly targets.

The plan hangs off the road map edition in force for its years; its indicators are reported
through monev's ``Realisation`` like the road map's own items (docs/plans.md).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import ChangeArea, MeasuredItem, Scale, TargetKind, YearTarget, year_target_constraints
from plans.models.standard import StandardIndicator
from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import NIP_PATTERN, display_nip, normalise_nip

PLAN_YEARS = 2  # Bab IV.D.3: indicators and targets "untuk dua tahun ke depan"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draf"
    SUBMITTED = "submitted", "Diajukan"
    RETURNED = "returned", "Dikembalikan"
    APPROVED = "approved", "Disetujui"


class AgencyPlan(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="plans", verbose_name="Perangkat Daerah"
    )
    edition = models.ForeignKey(
        RoadmapEdition, on_delete=models.PROTECT, related_name="agency_plans", verbose_name="road map"
    )
    start_year = models.PositiveSmallIntegerField("tahun pertama")
    status = models.CharField("status", max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    review_note = models.TextField("catatan pemeriksa", blank=True)
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
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    # The head of agency who signs the printed plan.
    head_position = models.CharField(
        "jabatan kepala",
        max_length=200,
        blank=True,
        help_text="Mis. Kepala Badan Kepegawaian Daerah dan Diklat.",
    )
    head_name = models.CharField("nama kepala", max_length=150, blank=True)
    head_rank = models.CharField("pangkat/golongan", max_length=100, blank=True)
    head_nip = models.CharField("NIP", max_length=18, blank=True, help_text="18 angka (spasi boleh).")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "rencana aksi RB Perangkat Daerah"
        verbose_name_plural = "rencana aksi RB Perangkat Daerah"
        ordering = ["agency__name", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "start_year"], name="one_plan_per_agency_period"),
            models.CheckConstraint(
                condition=Q(start_year__gte=2000, start_year__lte=2100), name="plan_year_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"Rencana Aksi RB {self.agency.short_name} {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("plans:plan-detail", args=[self.pk])

    @property
    def years(self) -> range:
        return range(self.start_year, self.start_year + PLAN_YEARS)

    @property
    def end_year(self) -> int:
        return self.start_year + PLAN_YEARS - 1

    @property
    def period_label(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    def clean(self) -> None:
        self.head_nip = normalise_nip(self.head_nip)
        if self.head_nip and not re.fullmatch(NIP_PATTERN, self.head_nip):
            raise ValidationError(
                {"head_nip": "NIP terdiri dari 18 angka (spasi boleh, mis. 19700101 199003 1 001)."}
            )

    @property
    def head_nip_display(self) -> str:
        return display_nip(self.head_nip)

    @property
    def is_editable(self) -> bool:
        """Drafted freely until submitted; a returned plan is corrected and submitted again."""
        return self.status in (PlanStatus.DRAFT, PlanStatus.RETURNED)

    @property
    def is_approved(self) -> bool:
        return self.status == PlanStatus.APPROVED


class PlanActivity(models.Model):
    """An activity of the plan under one change area, with the unit inside the agency responsible."""

    plan = models.ForeignKey(AgencyPlan, on_delete=models.CASCADE, related_name="activities")
    area = models.ForeignKey(
        ChangeArea, on_delete=models.PROTECT, related_name="+", verbose_name="area perubahan"
    )
    order = models.PositiveSmallIntegerField("urutan", default=1)
    name = models.CharField("kegiatan", max_length=300)
    responsible_unit = models.CharField(
        "unit pelaksana", max_length=200, help_text="Bidang, bagian atau seksi di Perangkat Daerah ini."
    )
    priority_activity = models.ForeignKey(
        PriorityActivity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agency_plan_activities",
        verbose_name="kegiatan prioritas road map",
    )
    action_row = models.ForeignKey(
        ActionPlanRow,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agency_plan_activities",
        verbose_name="baris rencana aksi road map",
    )
    review_note = models.TextField("catatan pemeriksa", blank=True)

    class Meta:
        verbose_name = "kegiatan rencana aksi PD"
        verbose_name_plural = "kegiatan rencana aksi PD"
        ordering = ["plan", "area__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "area", "name"], name="unique_plan_activity_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        edition_id = self.plan.edition_id
        if self.area_id and self.area.edition_id != edition_id:
            raise ValidationError({"area": "Area perubahan harus dari road map rencana aksi ini."})
        for field in ("priority_activity", "action_row"):
            linked = getattr(self, field)
            if linked is not None and linked.area.edition_id != edition_id:
                raise ValidationError(
                    {field: "Tautan harus ke road map yang berlaku untuk rencana aksi ini."}
                )


class PlanIndicator(MeasuredItem):
    """An indicator of the plan: the agency's own (under an activity) or a standard one (Pokja's form)."""

    plan = models.ForeignKey(AgencyPlan, on_delete=models.CASCADE, related_name="indicators")
    area = models.ForeignKey(
        ChangeArea, on_delete=models.PROTECT, related_name="+", verbose_name="area perubahan"
    )
    activity = models.ForeignKey(
        PlanActivity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="kegiatan",
    )
    standard = models.ForeignKey(
        StandardIndicator,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_indicators",
        verbose_name="indikator standar",
    )
    order = models.PositiveSmallIntegerField("urutan", default=1)
    name = models.CharField("indikator", max_length=300)
    target_kind = models.CharField(
        "jenis target", max_length=10, choices=TargetKind.choices, default=TargetKind.NUMBER
    )
    scale = models.ForeignKey(
        Scale, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="skala"
    )
    review_note = models.TextField("catatan pemeriksa", blank=True)

    class Meta:
        verbose_name = "indikator rencana aksi PD"
        verbose_name_plural = "indikator rencana aksi PD"
        ordering = ["plan", "area__order", "standard", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "standard"],
                condition=Q(standard__isnull=False),
                name="standard_once_per_plan",
            ),
            models.CheckConstraint(
                condition=Q(standard__isnull=False) | Q(activity__isnull=False),
                name="own_plan_indicator_under_activity",
            ),
            models.CheckConstraint(
                condition=~Q(target_kind=TargetKind.LEVEL) | Q(scale__isnull=False),
                name="level_plan_indicator_has_scale",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("monev:plan_indicator-detail", args=[self.pk])

    @property
    def edition_pk(self) -> int:
        return self.plan.edition_id

    @property
    def is_standard(self) -> bool:
        return self.standard_id is not None

    def clean(self) -> None:
        if self.standard_id is None and self.activity_id is None:
            raise ValidationError({"activity": "Indikator sendiri berada di bawah salah satu kegiatan."})
        if self.target_kind == TargetKind.LEVEL and self.scale_id is None:
            raise ValidationError({"scale": "Indikator dengan target berupa tingkat wajib memiliki skala."})


class PlanTarget(YearTarget):
    indicator = models.ForeignKey(PlanIndicator, on_delete=models.CASCADE, related_name="targets")

    class Meta:
        verbose_name = "target indikator rencana aksi PD"
        verbose_name_plural = "target indikator rencana aksi PD"
        ordering = ["indicator", "year"]
        constraints = year_target_constraints("plan_target", "indicator")

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.as_written or '-'}"
