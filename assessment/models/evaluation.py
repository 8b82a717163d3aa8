"""An evaluation model (the Kementerian PANRB's worksheet, LKE) as data: a versioned tree of
components → sub-components → questions, each with a weight and, for questions, an answer kind.

Weights and questions are data, never constants: each model version comes from a fixture citing a
source for every weight (fixtures/pmprb/), and its question set from a workbook (docs/assessment.md).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from assessment import scoring
from roadmap.notation import format_number


class ModelVersion(models.Model):
    """One version of the evaluation model, in force for a range of evaluated years."""

    code = models.SlugField("kode", max_length=40, unique=True)
    name = models.CharField("nama", max_length=200)
    regulation = models.CharField("dasar", max_length=300, help_text="Peraturan yang menetapkan model ini.")
    first_year = models.PositiveSmallIntegerField("berlaku mulai tahun")
    last_year = models.PositiveSmallIntegerField("berlaku sampai tahun")
    total = models.DecimalField(
        "bobot seluruh komponen", max_digits=7, decimal_places=4, default=Decimal(100)
    )
    regency_share = models.DecimalField(
        "bagian hasil Pemerintah Kabupaten dalam Indeks RB (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal(50),
        help_text="Sisanya adalah rata-rata hasil Perangkat Daerah (Perbup 40/2020 IV.D.3: 50 % dan 50 %).",
    )
    source = models.TextField("sumber dan catatan", blank=True)

    class Meta:
        verbose_name = "model evaluasi"
        verbose_name_plural = "model evaluasi"
        ordering = ["-first_year", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_year__gte=models.F("first_year")), name="model_years_ordered"
            ),
            models.CheckConstraint(
                condition=Q(regency_share__gte=0, regency_share__lte=100), name="model_regency_share_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def years_display(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"

    @property
    def agencies_share(self) -> Decimal:
        return 100 - self.regency_share


class Weighted(models.Model):
    """A part of the model with a weight, a code, an order and where its weight comes from."""

    code = models.SlugField("kode", max_length=40)
    name = models.CharField("nama", max_length=300)
    short_name = models.CharField(
        "nama singkat", max_length=30, blank=True, help_text="Untuk judul kolom dan grafik."
    )
    order = models.PositiveSmallIntegerField("urutan")
    weight = models.DecimalField("bobot", max_digits=9, decimal_places=4)
    source = models.TextField("sumber bobot", blank=True)
    uncertain = models.BooleanField(
        "bobot belum pasti", default=False, help_text="Bobot belum dicocokkan dengan teks peraturannya."
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def weight_display(self) -> str:
        return format_number(self.weight)


class Component(Weighted):
    """Komponen Pengungkit or Komponen Hasil (or the parts of a later model)."""

    model = models.ForeignKey(ModelVersion, on_delete=models.CASCADE, related_name="components")

    class Meta:
        verbose_name = "komponen"
        verbose_name_plural = "komponen"
        ordering = ["model", "order"]
        constraints = [
            models.UniqueConstraint(fields=["model", "code"], name="unique_component_code"),
            models.UniqueConstraint(fields=["model", "order"], name="unique_component_order"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="component_weight_positive"),
        ]


class SubComponent(Weighted):
    """A change area of the Pengungkit, or an item of the Hasil."""

    model = models.ForeignKey(ModelVersion, on_delete=models.CASCADE, related_name="subcomponents")
    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="subcomponents")
    group = models.CharField(
        "kelompok",
        max_length=300,
        blank=True,
        help_text="Mis. 'Kapasitas dan Akuntabilitas Kinerja Organisasi (20)'.",
    )
    area = models.SlugField(
        "area perubahan", max_length=80, blank=True, help_text="Slug area perubahan road map yang sepadan."
    )

    class Meta:
        verbose_name = "sub-komponen"
        verbose_name_plural = "sub-komponen"
        ordering = ["component__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["model", "code"], name="unique_subcomponent_code"),
            models.UniqueConstraint(fields=["component", "order"], name="unique_subcomponent_order"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="subcomponent_weight_positive"),
        ]

    def clean(self) -> None:
        if self.component_id and self.model_id and self.component.model_id != self.model_id:
            raise ValidationError("Sub-komponen harus berada dalam model yang sama dengan komponennya.")


class QuestionKind(models.TextChoices):
    # The same values as scoring.Kind (tied by a test).
    YES_NO = "yes_no", "Ya/Tidak"
    CHOICE = "choice", "Pilihan"
    PERCENT = "percent", "Persentase"
    NUMBER = "number", "Angka"


YES_NO_LABELS = {scoring.YES: "Ya", scoring.NO: "Tidak"}


def question_spec(question) -> scoring.Question:
    """A question as the rules see it (also for the historical models of a migration)."""
    return scoring.Question(
        code=question.code,
        weight=question.weight,
        kind=question.kind,
        choices=tuple(
            scoring.Choice(c["code"], Decimal(str(c["value"])), c.get("label", "")) for c in question.choices
        ),
        low=question.low,
        high=question.high,
    )


class Question(models.Model):
    """A criterion or question of the worksheet, with its answer kind and weight."""

    model = models.ForeignKey(ModelVersion, on_delete=models.CASCADE, related_name="questions")
    subcomponent = models.ForeignKey(SubComponent, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField("kode", max_length=40)
    order = models.PositiveIntegerField("urutan")
    group = models.CharField("kelompok/indikator", max_length=300, blank=True)
    text = models.TextField("pertanyaan")
    guidance = models.TextField("petunjuk", blank=True)
    kind = models.CharField("jenis jawaban", max_length=10, choices=QuestionKind.choices)
    choices = models.JSONField(
        "pilihan", default=list, blank=True, help_text='[{"code": "A", "label": "...", "value": "1"}, ...]'
    )
    low = models.DecimalField("angka bernilai 0", max_digits=16, decimal_places=4, null=True, blank=True)
    high = models.DecimalField("angka bernilai 1", max_digits=16, decimal_places=4, null=True, blank=True)
    unit = models.CharField("satuan", max_length=40, blank=True)
    weight = models.DecimalField("bobot", max_digits=9, decimal_places=4)
    indicator_ref = models.SlugField(
        "indikator road map",
        max_length=40,
        blank=True,
        help_text="Rujukan tetap indikator (mis. nilai-sakip) yang realisasi terverifikasinya ditawarkan sebagai jawaban.",
    )
    is_example = models.BooleanField(
        "contoh", default=False, help_text="Pertanyaan contoh, bukan isi LKE resmi."
    )

    class Meta:
        verbose_name = "pertanyaan"
        verbose_name_plural = "pertanyaan"
        ordering = ["model", "order"]
        constraints = [
            models.UniqueConstraint(fields=["model", "code"], name="unique_question_code"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="question_weight_positive"),
            models.CheckConstraint(condition=Q(kind__in=QuestionKind.values), name="question_kind_known"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"

    def clean(self) -> None:
        if self.subcomponent_id and self.model_id and self.subcomponent.model_id != self.model_id:
            raise ValidationError("Pertanyaan harus berada dalam model yang sama dengan sub-komponennya.")
        problems = scoring.question_problems(self.spec)
        if problems:
            raise ValidationError(problems)

    @property
    def spec(self) -> scoring.Question:
        return question_spec(self)

    def value_of(self, choice: str = "", number: Decimal | None = None) -> Decimal | None:
        return scoring.value_of(self.spec, choice, number)

    def display(self, choice: str = "", number: Decimal | None = None) -> str:
        """An answer as the worksheet writes it: "Ya", "B", "75 %", "63,52"; "–" when there is none."""
        if self.kind == QuestionKind.YES_NO:
            return YES_NO_LABELS.get(choice, "–")
        if self.kind == QuestionKind.CHOICE:
            return choice or "–"
        if number is None:
            return "–"
        text = format_number(number)
        if self.kind == QuestionKind.PERCENT:
            return f"{text} %"
        return f"{text} {self.unit}".strip()

    def display_full(self, choice: str = "", number: Decimal | None = None) -> str:
        """An answer with the wording of its choice: "B. Sebagian besar unit kerja"."""
        label = self.choice_label(choice) if self.kind == QuestionKind.CHOICE else ""
        return f"{choice}. {label}" if label else self.display(choice, number)

    def choice_label(self, code: str) -> str:
        return next((c.get("label", "") for c in self.choices if c["code"] == code), "")

    @property
    def range_display(self) -> str:
        """What the number's formula is, in words: "0 bernilai 0, 100 bernilai 1"."""
        if self.kind == QuestionKind.PERCENT:
            return "0 % bernilai 0, 100 % bernilai 1"
        if self.kind == QuestionKind.NUMBER and self.low is not None and self.high is not None:
            return f"{format_number(self.low)} bernilai 0, {format_number(self.high)} bernilai 1"
        return ""
