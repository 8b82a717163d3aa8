"""An amendment of an enacted road map: its legal basis, its reason, and what it changed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from roadmap.models import RoadmapEdition


class AmendmentQuerySet(models.QuerySet):
    def open(self) -> "AmendmentQuerySet":
        return self.filter(closed_at__isnull=True)


class Amendment(models.Model):
    """A change to an edition in force, on the Tim Pengarah's directions (Pasal 3) or by regulation."""

    class Basis(models.TextChoices):
        REGULATION = "regulation", "Peraturan Bupati perubahan"
        DECISION = "decision", "Keputusan Tim Pengarah"

    edition = models.ForeignKey(RoadmapEdition, on_delete=models.PROTECT, related_name="amendments")
    sequence = models.PositiveSmallIntegerField("perubahan ke-")
    basis = models.CharField("dasar perubahan", max_length=12, choices=Basis.choices)
    document_number = models.CharField("nomor", max_length=100)
    document_date = models.DateField("tanggal")
    reason = models.TextField("alasan perubahan")
    effective_year = models.PositiveSmallIntegerField(
        "berlaku mulai tahun", help_text="Item yang dihapus tidak dilaporkan lagi mulai tahun ini."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="dicatat oleh",
    )
    created_at = models.DateTimeField("dicatat", auto_now_add=True)
    closed_at = models.DateTimeField(
        "selesai dicatat",
        null=True,
        blank=True,
        help_text="Perubahan yang selesai tidak menerima perubahan lagi.",
    )

    objects = AmendmentQuerySet.as_manager()

    class Meta:
        verbose_name = "perubahan road map"
        verbose_name_plural = "perubahan road map"
        ordering = ["edition", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "sequence"], name="unique_amendment_sequence"),
            models.CheckConstraint(
                condition=Q(effective_year__gte=2000, effective_year__lte=2100), name="amendment_year_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"Perubahan ke-{self.sequence}: {self.get_basis_display()} Nomor {self.document_number}"

    def get_absolute_url(self) -> str:
        return reverse("editions:amendment-detail", args=[self.pk])

    def clean(self) -> None:
        edition = self.edition
        if edition.is_draft:
            raise ValidationError("Rancangan diubah langsung; perubahan hanya untuk edisi yang ditetapkan.")
        if self.effective_year and not edition.start_year <= self.effective_year <= edition.end_year:
            raise ValidationError(
                {"effective_year": f"Tahun berlaku harus dalam periode edisi ({edition.period_label})."}
            )

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ChangeKind(models.TextChoices):
    TARGET = "target", "Target diubah"
    CHANGED = "changed", "Item diubah"
    ADDED = "added", "Item ditambah"
    DROPPED = "dropped", "Item dihapus"


class AmendmentChange(models.Model):
    """One change an amendment made to one item: a year's target, a field, or the item added or dropped."""

    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField("jenis", max_length=10, choices=ChangeKind.choices)
    # Items of an enacted edition are never deleted (an amendment drops them), so the link stays.
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, null=True, blank=True, related_name="amendment_changes"
    )
    activity = models.ForeignKey(
        PriorityActivity, on_delete=models.PROTECT, null=True, blank=True, related_name="amendment_changes"
    )
    row = models.ForeignKey(
        ActionPlanRow, on_delete=models.PROTECT, null=True, blank=True, related_name="amendment_changes"
    )
    field = models.CharField("yang diubah", max_length=100, blank=True)
    year = models.PositiveSmallIntegerField("tahun", null=True, blank=True)
    before = models.TextField("sebelum", blank=True)
    after = models.TextField("sesudah", blank=True)
    made_at = models.DateTimeField("dicatat", auto_now_add=True)

    class Meta:
        verbose_name = "isi perubahan"
        verbose_name_plural = "isi perubahan"
        ordering = ["amendment", "made_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(indicator__isnull=False, activity__isnull=True, row__isnull=True)
                | Q(indicator__isnull=True, activity__isnull=False, row__isnull=True)
                | Q(indicator__isnull=True, activity__isnull=True, row__isnull=False),
                name="amendment_change_of_one_item",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.item} {self.field}"

    @property
    def item(self):
        return self.indicator or self.activity or self.row
