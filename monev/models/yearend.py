"""What the year-end monev report needs beyond the reports: the risks' status, and who signs."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from roadmap.models import Risk
from roadmap.notation import NIP_PATTERN, display_nip, normalise_nip


class RiskStatus(models.TextChoices):
    NOT_ASSESSED = "not_assessed", "Belum dinilai"
    PERSISTS = "persists", "Masih terjadi"
    EASING = "easing", "Sebagian teratasi"
    RESOLVED = "resolved", "Teratasi"


class RiskReview(models.Model):
    """How an obstacle of Tabel 2.1 (Hambatan dan Solusi) stood in a year, as the Tim Pelaksana judged it."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews", verbose_name="hambatan")
    year = models.PositiveSmallIntegerField("tahun")
    status = models.CharField(
        "status", max_length=14, choices=RiskStatus.choices, default=RiskStatus.NOT_ASSESSED
    )
    note = models.TextField("keterangan dan tindak lanjut", blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField("diubah", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "status hambatan"
        verbose_name_plural = "status hambatan"
        ordering = ["risk", "year"]
        constraints = [
            models.UniqueConstraint(fields=["risk", "year"], name="one_risk_review_per_year"),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="risk_review_year_sane"),
        ]

    def __str__(self) -> str:
        return f"{self.risk} ({self.year}): {self.get_status_display()}"


class ReportSignatory(models.Model):
    """A signature block at the end of the year-end report (Tabel 5.4: Bupati and Sekda receive it)."""

    order = models.PositiveSmallIntegerField("urutan", default=1)
    capacity = models.CharField(
        "selaku", max_length=200, blank=True, help_text="Mis. Ketua Tim Pelaksana Reformasi Birokrasi."
    )
    position = models.CharField(
        "jabatan", max_length=200, help_text="Mis. Sekretaris Daerah Kabupaten Pekalongan."
    )
    name = models.CharField("nama", max_length=150)
    rank = models.CharField("pangkat/golongan", max_length=100, blank=True)
    nip = models.CharField(
        "NIP",
        max_length=18,
        blank=True,
        help_text="18 angka; kosongkan untuk pejabat yang bukan ASN (mis. Bupati).",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penandatangan laporan"
        verbose_name_plural = "penandatangan laporan"
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nip="") | Q(nip__regex=NIP_PATTERN), name="signatory_nip_18_digits"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.position})"

    def clean(self) -> None:
        self.nip = normalise_nip(self.nip)
        if self.nip and not re.fullmatch(NIP_PATTERN, self.nip):
            raise ValidationError(
                {"nip": "NIP terdiri dari 18 angka (spasi boleh, mis. 19700101 199003 1 001)."}
            )

    @property
    def nip_display(self) -> str:
        return display_nip(self.nip)
