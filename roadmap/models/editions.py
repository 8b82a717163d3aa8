"""The regulation that enacts a road map, its legal basis and its descriptive tables.

An edition is a draft while Bagian Organisasi prepares it (staff only), and enacted once its
regulation is signed; from its start year it is the edition in force (docs/editions.md).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone


class EditionStatus(models.TextChoices):
    DRAFT = "draft", "Rancangan"
    ENACTED = "enacted", "Ditetapkan"


class RoadmapEditionQuerySet(models.QuerySet):
    def enacted(self) -> "RoadmapEditionQuerySet":
        return self.filter(status=EditionStatus.ENACTED)

    def drafts(self) -> "RoadmapEditionQuerySet":
        return self.filter(status=EditionStatus.DRAFT)

    def visible_to(self, profile) -> "RoadmapEditionQuerySet":
        """Enacted editions for everyone; drafts for Bagian Organisasi staff only."""
        if profile is not None and profile.is_staff_member:
            return self
        return self.enacted()

    def in_force(self, year: int | None = None) -> "RoadmapEditionQuerySet":
        """The enacted edition in force in ``year`` (default: this year), as a one-row queryset.

        That is the one that started latest by then; for a year before every edition, the earliest
        (the 2020 road map answers for the 2016-2019 figures its tables carry).
        """
        year = year or timezone.localdate().year
        started = Q(start_year__lte=year)
        return self.enacted().order_by(
            Case(When(started, then=Value(1)), default=Value(0)).desc(),
            Case(When(started, then=F("start_year")), default=-F("start_year")).desc(),
            "-regulation_year",
            "-regulation_number",
        )[:1]

    def current(self, year: int | None = None) -> "RoadmapEdition | None":
        return self.in_force(year).first()

    def in_force_by_year(self, years) -> dict[int, int]:
        """The pk of the edition in force in each of ``years``, by the rule of ``in_force``, in one query."""
        enacted = sorted(
            self.enacted().values_list("start_year", "regulation_year", "regulation_number", "pk"),
            reverse=True,
        )
        answer = {}
        for year in years:
            started = [edition for edition in enacted if edition[0] <= year]
            if started:
                answer[year] = started[0][3]
            elif enacted:
                answer[year] = min(enacted, key=lambda e: (e[0], -e[1], -e[2]))[3]
        return answer


class RoadmapEdition(models.Model):
    """One road map as enacted by one regulation (e.g. Perbup Pekalongan 40/2020), or a draft of one."""

    status = models.CharField(
        "status", max_length=10, choices=EditionStatus.choices, default=EditionStatus.ENACTED
    )
    regulation_type = models.CharField(
        "jenis peraturan", max_length=100, default="Peraturan Bupati Pekalongan"
    )
    # A draft's regulation has no number or date yet; enacting needs them (edition_enacted_has_regulation).
    regulation_number = models.PositiveSmallIntegerField("nomor", null=True, blank=True)
    regulation_year = models.PositiveSmallIntegerField("tahun peraturan", null=True, blank=True)
    title = models.CharField("judul", max_length=300)
    enacted_at = models.CharField("ditetapkan di", max_length=100, blank=True)
    enacted_on = models.DateField("tanggal ditetapkan", null=True, blank=True)
    enacted_by = models.CharField("ditetapkan oleh", max_length=200, blank=True)
    promulgated_on = models.DateField("tanggal diundangkan", null=True, blank=True)
    promulgated_by = models.CharField("diundangkan oleh", max_length=200, blank=True)
    gazette = models.CharField("berita daerah", max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField("tahun mulai berlaku")
    end_year = models.PositiveSmallIntegerField("tahun akhir berlaku")
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name="disalin dari",
    )

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
            models.CheckConstraint(
                condition=Q(status=EditionStatus.DRAFT)
                | Q(regulation_number__isnull=False, regulation_year__isnull=False, enacted_on__isnull=False),
                name="edition_enacted_has_regulation",
            ),
        ]

    def __str__(self) -> str:
        if self.is_draft:
            return f"Rancangan road map {self.period_label}"
        return f"{self.regulation_type} Nomor {self.regulation_number} Tahun {self.regulation_year}"

    def clean(self) -> None:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "Tahun akhir tidak boleh sebelum tahun mulai."})
        if not self.is_draft:
            missing = {
                name: "Wajib diisi untuk edisi yang ditetapkan."
                for name in ("regulation_number", "regulation_year", "enacted_on")
                if getattr(self, name) is None
            }
            if missing:
                raise ValidationError(missing)

    @property
    def is_draft(self) -> bool:
        return self.status == EditionStatus.DRAFT

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    @property
    def period_label(self) -> str:
        """ "2020" or "2021–2024"."""
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"

    @property
    def short_label(self) -> str:
        """ "Perbup 40/2020" where a table has little room; a draft is "Rancangan 2021–2024"."""
        if self.is_draft:
            return f"Rancangan {self.period_label}"
        kind = "Perbup" if self.regulation_type.startswith("Peraturan Bupati") else self.regulation_type
        return f"{kind} {self.regulation_number}/{self.regulation_year}"

    def is_in_force(self, year: int | None = None) -> bool:
        current = RoadmapEdition.objects.current(year)
        return current is not None and current.pk == self.pk


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
