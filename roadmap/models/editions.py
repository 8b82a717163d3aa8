"""The regulation that enacts a road map, its legal basis and its descriptive tables."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class RoadmapEditionQuerySet(models.QuerySet):
    def in_force(self) -> "RoadmapEditionQuerySet":
        """The edition in force (the one that starts latest), as a one-row queryset."""
        return self.order_by("-start_year", "-regulation_year", "-regulation_number")[:1]

    def current(self) -> "RoadmapEdition | None":
        return self.in_force().first()


class RoadmapEdition(models.Model):
    """One road map as enacted by one regulation (e.g. Perbup Pekalongan 40/2020)."""

    regulation_type = models.CharField(
        "jenis peraturan", max_length=100, default="Peraturan Bupati Pekalongan"
    )
    regulation_number = models.PositiveSmallIntegerField("nomor")
    regulation_year = models.PositiveSmallIntegerField("tahun peraturan")
    title = models.CharField("judul", max_length=300)
    enacted_at = models.CharField("ditetapkan di", max_length=100, blank=True)
    enacted_on = models.DateField("tanggal ditetapkan")
    enacted_by = models.CharField("ditetapkan oleh", max_length=200, blank=True)
    promulgated_on = models.DateField("tanggal diundangkan", null=True, blank=True)
    promulgated_by = models.CharField("diundangkan oleh", max_length=200, blank=True)
    gazette = models.CharField("berita daerah", max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField("tahun mulai berlaku")
    end_year = models.PositiveSmallIntegerField("tahun akhir berlaku")

    objects = RoadmapEditionQuerySet.as_manager()

    class Meta:
        verbose_name = "edisi road map"
        verbose_name_plural = "edisi road map"
        ordering = ["-start_year", "-regulation_year", "-regulation_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["regulation_type", "regulation_number", "regulation_year"], name="unique_regulation"
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")), name="edition_years_ordered"
            ),
            models.CheckConstraint(
                condition=Q(start_year__gte=2000, end_year__lte=2100), name="edition_years_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.regulation_type} Nomor {self.regulation_number} Tahun {self.regulation_year}"

    def clean(self) -> None:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "Tahun akhir tidak boleh sebelum tahun mulai."})

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


class LegalBasis(models.Model):
    """A consideration or legal basis listed by the regulation (Menimbang, Mengingat, Dasar Hukum)."""

    class Kind(models.TextChoices):
        MENIMBANG = "menimbang", "Menimbang"
        MENGINGAT = "mengingat", "Mengingat"
        DASAR_HUKUM = "dasar_hukum", "Dasar Hukum Reformasi Birokrasi (Lampiran I.B)"

    edition = models.ForeignKey(RoadmapEdition, on_delete=models.CASCADE, related_name="legal_bases")
    kind = models.CharField("jenis", max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField("urutan")
    label = models.CharField("nomor", max_length=10)
    text = models.TextField("isi")

    class Meta:
        verbose_name = "dasar hukum"
        verbose_name_plural = "dasar hukum"
        ordering = ["edition", "kind", "order"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "kind", "order"], name="unique_legal_basis_order")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.label} {self.text[:60]}"


class DocumentTable(models.Model):
    """A descriptive table of the regulation kept as text, cell by cell, for reading only.

    Used for tables that no rule computes with (organisation counts, goals and strategies,
    the monitoring arrangements of section V). A header cell or body cell is either a
    string or ``{"text": ..., "colspan": n, "rowspan": n}``.
    """

    edition = models.ForeignKey(RoadmapEdition, on_delete=models.CASCADE, related_name="document_tables")
    order = models.PositiveSmallIntegerField("urutan")
    section = models.CharField("bagian dokumen", max_length=30)
    title = models.CharField("judul", max_length=300)
    header = models.JSONField("baris judul", default=list)
    rows = models.JSONField("baris isi", default=list)
    source_note = models.CharField("sumber", max_length=200, blank=True)

    class Meta:
        verbose_name = "tabel dokumen"
        verbose_name_plural = "tabel dokumen"
        ordering = ["edition", "order"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "order"], name="unique_document_table_order")
        ]

    def __str__(self) -> str:
        return f"{self.section} {self.title}"
