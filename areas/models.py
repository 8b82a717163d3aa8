"""Change areas, their indicators and the yearly targets, with the ordinal scales targets use."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import format_target


class Scale(models.Model):
    """An ordered scale a target can be written on: SAKIP grades, BPK opinions, APIP or SPIP levels."""

    code = models.SlugField("kode", max_length=30, unique=True)
    name = models.CharField("nama", max_length=200)
    description = models.TextField("keterangan", blank=True)
    bands_include = models.CharField(
        "batas rentang nilai",
        max_length=10,
        choices=[
            ("upper", "(min, maks]: batas atas termasuk"),
            ("lower", "[min, maks): batas bawah termasuk"),
        ],
        blank=True,
        help_text="Ujung rentang nilai yang termasuk ke tingkat itu; kosong bila skala tidak punya rentang nilai.",
    )

    class Meta:
        verbose_name = "skala"
        verbose_name_plural = "skala"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ScaleLevel(models.Model):
    """One step on a scale. ``rank`` orders the steps (ties allowed); ``order`` is for display."""

    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="levels")
    code = models.CharField("kode", max_length=30)
    label = models.CharField("sebutan", max_length=100)
    description = models.CharField("keterangan", max_length=200, blank=True)
    rank = models.SmallIntegerField(
        "peringkat", help_text="Makin besar makin baik; peringkat sama berarti setara."
    )
    order = models.PositiveSmallIntegerField("urutan tampil")
    min_score = models.DecimalField("nilai minimum", max_digits=7, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField("nilai maksimum", max_digits=7, decimal_places=2, null=True, blank=True)
    counts_as = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="setara dengan",
        help_text='Untuk tingkat "dengan catatan": tingkat yang dipenuhinya bila pengaturan mengabaikan catatan.',
    )

    class Meta:
        verbose_name = "tingkat skala"
        verbose_name_plural = "tingkat skala"
        ordering = ["scale", "order"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "code"], name="unique_scale_level_code"),
            models.UniqueConstraint(fields=["scale", "label"], name="unique_scale_level_label"),
            models.UniqueConstraint(fields=["scale", "order"], name="unique_scale_level_order"),
            models.CheckConstraint(
                condition=Q(min_score__isnull=True)
                | Q(max_score__isnull=True)
                | Q(max_score__gte=models.F("min_score")),
                name="scale_level_band_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.label


def predecessor_field() -> models.ForeignKey:
    """The same item in the edition this one was copied from: one series across road maps."""
    return models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name="pendahulu pada edisi sebelumnya",
    )


def dropped_from_field() -> models.PositiveSmallIntegerField:
    """An item an amendment dropped from an edition in force: kept for the reports already made on it."""
    return models.PositiveSmallIntegerField(
        "dihapus mulai tahun",
        null=True,
        blank=True,
        help_text="Diisi oleh perubahan road map yang menghapus item ini; laporan sebelumnya tetap tersimpan.",
    )


class ChangeArea(models.Model):
    """One of the eight change areas (area perubahan) of an edition."""

    edition = models.ForeignKey(RoadmapEdition, on_delete=models.CASCADE, related_name="areas")
    order = models.PositiveSmallIntegerField("nomor urut", help_text="Urutan pada Bab II.A.")
    name = models.CharField("nama", max_length=200)
    slug = models.SlugField(max_length=80)
    predecessor = predecessor_field()
    pokja_agencies = models.ManyToManyField(
        Agency,
        through="PokjaMembership",
        related_name="pokja_areas",
        blank=True,
        verbose_name="anggota kelompok kerja",
    )

    class Meta:
        verbose_name = "area perubahan"
        verbose_name_plural = "area perubahan"
        ordering = ["edition", "order"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "order"], name="unique_area_order"),
            models.UniqueConstraint(fields=["edition", "slug"], name="unique_area_slug"),
            models.UniqueConstraint(fields=["edition", "name"], name="unique_area_name"),
        ]

    def __str__(self) -> str:
        return self.name


class AreaPlacement(models.Model):
    """Where one section of the document places an area, and the name it uses there."""

    class Section(models.TextChoices):
        CURRENT_STATE = "II.A", "II.A Pelaksanaan di Lingkungan Pemerintah Kabupaten"
        SCOPE = "IV.A.2", "IV.A.2 Area Perubahan dan Hasil yang Diharapkan"
        PRIORITIES = "IV.B.1", "IV.B.1 Program dan Kegiatan Prioritas"
        WORKING_GROUPS = "IV.D.1", "IV.D.1 Tabel 1.3 Kelompok Kerja"
        EVALUATION = "IV.D.3", "IV.D.3 Komponen Pengungkit Evaluasi"
        ACTION_PLAN = "VI", "VI Rencana Aksi"

    area = models.ForeignKey(ChangeArea, on_delete=models.CASCADE, related_name="placements")
    section = models.CharField("bagian dokumen", max_length=10, choices=Section.choices)
    position = models.CharField("nomor dalam bagian", max_length=20, blank=True)
    name_as_written = models.CharField("nama sebagaimana tertulis", max_length=300)
    note = models.CharField("catatan", max_length=300, blank=True)

    class Meta:
        verbose_name = "penempatan area"
        verbose_name_plural = "penempatan area"
        ordering = ["area", "section"]
        constraints = [models.UniqueConstraint(fields=["area", "section"], name="unique_area_placement")]

    def __str__(self) -> str:
        return f"{self.section} {self.position} {self.name_as_written}"


class ExpectedResult(models.Model):
    """A "Hasil yang diharapkan" of an area, from the table of IV.A.2 or the text of IV.B.1."""

    class Section(models.TextChoices):
        SCOPE = "IV.A.2", "IV.A.2 Tabel Area Perubahan"
        PRIORITIES = "IV.B.1", "IV.B.1 Program dan Kegiatan Prioritas"

    area = models.ForeignKey(ChangeArea, on_delete=models.CASCADE, related_name="expected_results")
    section = models.CharField("bagian dokumen", max_length=10, choices=Section.choices)
    order = models.PositiveSmallIntegerField("urutan")
    text = models.TextField("hasil yang diharapkan")

    class Meta:
        verbose_name = "hasil yang diharapkan"
        verbose_name_plural = "hasil yang diharapkan"
        ordering = ["area", "section", "order"]
        constraints = [
            models.UniqueConstraint(fields=["area", "section", "order"], name="unique_expected_result_order")
        ]

    def __str__(self) -> str:
        return self.text


class PokjaMembership(models.Model):
    """An agency in an area's working group (Kelompok Kerja, Tabel 1.3)."""

    area = models.ForeignKey(ChangeArea, on_delete=models.CASCADE, related_name="pokja_memberships")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="pokja_memberships")
    order = models.PositiveSmallIntegerField("urutan")

    class Meta:
        verbose_name = "anggota pokja"
        verbose_name_plural = "anggota pokja"
        ordering = ["area", "order"]
        constraints = [
            models.UniqueConstraint(fields=["area", "agency"], name="unique_pokja_member"),
            models.UniqueConstraint(fields=["area", "order"], name="unique_pokja_order"),
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.agency}"


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "higher", "Makin tinggi makin baik"
    LOWER_IS_BETTER = "lower", "Makin rendah makin baik"


class Aggregation(models.TextChoices):
    SUM = "sum", "Jumlah triwulan"
    LATEST = "latest", "Nilai triwulan terakhir"


class TargetKind(models.TextChoices):
    NUMBER = "number", "Angka"
    LEVEL = "level", "Tingkat pada skala"


class MeasuredItem(models.Model):
    """What indicators and priority activities share: a unit, a direction and how quarters add up."""

    unit = models.CharField("satuan", max_length=100, blank=True)
    direction = models.CharField(
        "arah", max_length=10, choices=Direction.choices, default=Direction.HIGHER_IS_BETTER
    )
    aggregation = models.CharField(
        "rekap tahunan",
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.LATEST,
        help_text="Bagaimana realisasi triwulan menjadi realisasi tahunan.",
    )
    source_table = models.CharField("tabel sumber", max_length=120, blank=True)
    dropped_from = dropped_from_field()

    class Meta:
        abstract = True

    def active_in(self, year: int) -> bool:
        """Still part of the road map in ``year`` (not dropped by an amendment by then)."""
        return self.dropped_from is None or year < self.dropped_from

    @cached_property
    def targets_by_year(self) -> dict[int, "YearTarget"]:
        """This item's targets keyed by year; uses prefetched ``targets`` when present."""
        return {target.year: target for target in self.targets.all()}


def active_in_year(year: int) -> Q:
    return Q(dropped_from__isnull=True) | Q(dropped_from__gt=year)


class IndicatorQuerySet(models.QuerySet):
    def of_edition(self, edition: RoadmapEdition) -> "IndicatorQuerySet":
        return self.filter(area__edition=edition)

    def active_in(self, year: int) -> "IndicatorQuerySet":
        return self.filter(active_in_year(year))


class Indicator(MeasuredItem):
    """A success indicator (Target Indikator / Indikator keberhasilan) of an area."""

    area = models.ForeignKey(ChangeArea, on_delete=models.CASCADE, related_name="indicators")
    order = models.PositiveSmallIntegerField("urutan")
    name = models.CharField("indikator keberhasilan", max_length=300)
    target_kind = models.CharField("jenis target", max_length=10, choices=TargetKind.choices)
    scale = models.ForeignKey(
        Scale,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="skala",
        help_text="Wajib untuk target berupa tingkat; untuk angka, skala memberi nama tingkat (mis. maturitas SPIP).",
    )

    data_owner = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_indicators",
        verbose_name="penanggung jawab data",
        help_text="Perangkat Daerah yang melaporkan indikator ini; staf Bagian Organisasi selalu dapat mengisinya.",
    )
    ref = models.SlugField(
        "rujukan tetap",
        max_length=40,
        blank=True,
        help_text="Nama tetap indikator yang berlanjut dari road map ke road map (mis. indeks-rb, nilai-sakip), "
        "untuk fitur yang membutuhkannya, seperti PMPRB.",
    )
    predecessor = predecessor_field()
    is_key = models.BooleanField(
        "indikator kunci",
        default=False,
        help_text="Ditampilkan sebagai grafik target dan realisasi di dasbor Tim Pengarah.",
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["area", "order"]
        constraints = [
            models.UniqueConstraint(fields=["area", "order"], name="unique_indicator_order"),
            models.UniqueConstraint(fields=["area", "name"], name="unique_indicator_name"),
            models.UniqueConstraint(
                fields=["area", "ref"], condition=~Q(ref=""), name="unique_indicator_ref"
            ),
            models.CheckConstraint(
                condition=~Q(target_kind=TargetKind.LEVEL) | Q(scale__isnull=False),
                name="level_indicator_has_scale",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def edition_pk(self) -> int:
        return self.area.edition_id

    def clean(self) -> None:
        if self.target_kind == TargetKind.LEVEL and self.scale_id is None:
            raise ValidationError({"scale": "Indikator dengan target berupa tingkat wajib memiliki skala."})


class YearTarget(models.Model):
    """A target for one year, kept both as written in the source and as typed data.

    A target is a number, a level on a scale, both (e.g. "57/CC") or nothing at all: the
    source's "-" means no target was set, which is never the same as a target of 0.
    """

    class Comparator(models.TextChoices):
        EXACT = "", "tepat"
        GT = ">", "lebih dari"
        GTE = ">=", "paling sedikit"
        LT = "<", "kurang dari"
        LTE = "<=", "paling banyak"

    year = models.PositiveSmallIntegerField("tahun")
    as_written = models.CharField("sebagaimana tertulis", max_length=100, blank=True)
    number = models.DecimalField("angka", max_digits=16, decimal_places=4, null=True, blank=True)
    level = models.ForeignKey(
        ScaleLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="tingkat"
    )
    comparator = models.CharField(
        "pembanding", max_length=2, choices=Comparator.choices, blank=True, default=""
    )
    # Every change to a target is kept with who made it, when, and why (required once reported on).
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    @property
    def is_set(self) -> bool:
        return self.number is not None or self.level_id is not None

    @staticmethod
    def set_q() -> Q:
        """``is_set`` for a query: a number or a level."""
        return Q(number__isnull=False) | Q(level__isnull=False)

    @property
    def display(self) -> str:
        """The target in Indonesian notation ("53,75", "Wajar Tanpa Pengecualian", "–")."""
        return format_target(self.number, self.level.label if self.level_id else None, self.comparator)


def year_target_constraints(prefix: str, parent: str) -> list[models.BaseConstraint]:
    return [
        models.UniqueConstraint(fields=[parent, "year"], name=f"unique_{prefix}_year"),
        models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name=f"{prefix}_year_sane"),
        models.CheckConstraint(
            condition=Q(comparator="") | Q(number__isnull=False) | Q(level__isnull=False),
            name=f"{prefix}_comparator_needs_value",
        ),
    ]


class IndicatorTarget(YearTarget):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")

    class Meta:
        verbose_name = "target indikator"
        verbose_name_plural = "target indikator"
        ordering = ["indicator", "year"]
        constraints = year_target_constraints("indicator_target", "indicator")

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.as_written or '-'}"

    def clean(self) -> None:
        indicator = self.indicator
        if self.level_id is not None and self.level.scale_id != indicator.scale_id:
            raise ValidationError({"level": "Tingkat harus berasal dari skala indikator ini."})
        if indicator.target_kind == TargetKind.LEVEL and self.number is not None and self.level_id is None:
            raise ValidationError({"level": "Target indikator ini berupa tingkat pada skala, bukan angka."})
        if indicator.target_kind == TargetKind.NUMBER and self.level_id is not None and self.number is None:
            raise ValidationError({"number": "Target indikator ini berupa angka."})
