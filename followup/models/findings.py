"""Findings (temuan/rekomendasi) of monev and their follow-up steps with evidence (Tabel 5.4)."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from followup import rules, states
from monev.models.evidence import evidence_path


class FindingSource(models.TextChoices):
    NOT_MET = rules.Source.NOT_MET, rules.SOURCE_LABELS[rules.Source.NOT_MET]
    UNREPORTED = rules.Source.UNREPORTED, rules.SOURCE_LABELS[rules.Source.UNREPORTED]
    PLAN = rules.Source.PLAN, rules.SOURCE_LABELS[rules.Source.PLAN]
    PMPRB = rules.Source.PMPRB, rules.SOURCE_LABELS[rules.Source.PMPRB]
    DIRECTION = rules.Source.DIRECTION, rules.SOURCE_LABELS[rules.Source.DIRECTION]
    RISK = rules.Source.RISK, rules.SOURCE_LABELS[rules.Source.RISK]
    OTHER = rules.Source.OTHER, rules.SOURCE_LABELS[rules.Source.OTHER]


class FindingState(models.TextChoices):
    OPEN = states.OPEN, states.LABELS[states.OPEN]
    IN_PROGRESS = states.IN_PROGRESS, states.LABELS[states.IN_PROGRESS]
    SUBMITTED = states.SUBMITTED, states.LABELS[states.SUBMITTED]
    CLOSED = states.CLOSED, states.LABELS[states.CLOSED]


class FindingQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date):
        return self.filter(state__in=states.PENDING, deadline__lt=today)

    def not_overdue(self, today: datetime.date):
        return self.exclude(state__in=states.PENDING, deadline__lt=today)


class Finding(models.Model):
    year = models.PositiveSmallIntegerField("tahun monev")
    source = models.CharField("sumber", max_length=12, choices=FindingSource.choices)
    source_key = models.CharField(
        "kunci sumber",
        max_length=60,
        blank=True,
        help_text="Hasil monev asalnya; kosong untuk temuan manual.",
    )
    area = models.ForeignKey(
        "areas.ChangeArea", on_delete=models.SET_NULL, null=True, blank=True, verbose_name="area perubahan"
    )
    indicator = models.ForeignKey("areas.Indicator", on_delete=models.SET_NULL, null=True, blank=True)
    activity = models.ForeignKey("actions.PriorityActivity", on_delete=models.SET_NULL, null=True, blank=True)
    row = models.ForeignKey(
        "actions.ActionPlanRow", on_delete=models.SET_NULL, null=True, blank=True, verbose_name="rencana aksi"
    )
    risk = models.ForeignKey("roadmap.Risk", on_delete=models.SET_NULL, null=True, blank=True)
    assessment = models.ForeignKey(
        "assessment.Assessment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name="penilaian PMPRB",
    )
    description = models.TextField("uraian temuan")
    agency = models.ForeignKey(
        "roadmap.Agency",
        on_delete=models.PROTECT,
        related_name="findings",
        verbose_name="perangkat daerah penanggung jawab",
    )
    recommendation = models.TextField("rekomendasi tindak lanjut")
    deadline = models.DateField("batas waktu")
    state = models.CharField("status", max_length=12, choices=FindingState.choices, default=FindingState.OPEN)
    return_note = models.TextField("catatan pengembalian", blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diterbitkan oleh",
    )
    issued_at = models.DateTimeField("diterbitkan", auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diverifikasi oleh",
    )
    closed_at = models.DateTimeField("diverifikasi selesai", null=True, blank=True)
    history = HistoricalRecords()

    objects = FindingQuerySet.as_manager()

    class Meta:
        verbose_name = "temuan tindak lanjut"
        verbose_name_plural = "temuan tindak lanjut"
        ordering = ["-year", "deadline", "pk"]
        constraints = [
            # Generating a year twice never issues the same result twice.
            models.UniqueConstraint(
                fields=["year", "source", "source_key"],
                condition=~Q(source_key=""),
                name="one_finding_per_result",
            ),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="finding_year_sane"),
            models.CheckConstraint(condition=Q(state__in=FindingState.values), name="finding_state_known"),
            models.CheckConstraint(
                condition=Q(state=FindingState.CLOSED, closed_at__isnull=False)
                | (~Q(state=FindingState.CLOSED) & Q(closed_at__isnull=True)),
                name="finding_closed_iff_closed_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} · {self.description[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("followup:finding-detail", args=[self.pk])

    def clean(self) -> None:
        if self.year is not None and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": "Tahun harus antara 2000 dan 2100."})

    def shown_state(self, today: datetime.date) -> str:
        return states.shown_state(self.state, self.deadline, today)

    def is_overdue(self, today: datetime.date) -> bool:
        return states.is_overdue(self.state, self.deadline, today)


class Step(models.Model):
    """One follow-up step the responsible agency recorded, possibly declaring the finding done."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="steps")
    text = models.TextField("langkah tindak lanjut")
    finished = models.BooleanField("menyatakan tindak lanjut selesai", default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField("dicatat", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "langkah tindak lanjut"
        verbose_name_plural = "langkah tindak lanjut"
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class StepEvidence(models.Model):
    """Evidence (bukti dukung) of a step: stored and checked as monev's report evidence is."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("berkas", upload_to=evidence_path, max_length=200, blank=True)
    original_name = models.CharField("nama berkas", max_length=200, blank=True)
    content_type = models.CharField("jenis isi", max_length=120, blank=True)
    size = models.PositiveBigIntegerField("ukuran (bita)", null=True, blank=True)
    link = models.URLField("tautan", max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField("diunggah", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bukti dukung tindak lanjut"
        verbose_name_plural = "bukti dukung tindak lanjut"
        ordering = ["uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(link=""), name="step_evidence_is_a_file_or_a_link"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("followup:evidence", kwargs={"pk": self.pk}) if self.file else self.link

    @property
    def label(self) -> str:
        return self.original_name or self.link
