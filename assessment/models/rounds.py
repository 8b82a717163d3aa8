"""A year's self-assessment round: one assessment for the Pemerintah Kabupaten and one per Perangkat
Daerah, their answers (reviewed like reports) and the answers' evidence."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from assessment.models.evaluation import ModelVersion, Question
from monev.models import Realisation
from monev.models.evidence import evidence_path
from monev.models.review import ReviewedReport
from roadmap.models import Agency

REGENCY_NAME = "Pemerintah Kabupaten Pekalongan"


class Round(models.Model):
    """The self-assessment of one evaluated year, on one model version."""

    model = models.ForeignKey(
        ModelVersion, on_delete=models.PROTECT, related_name="rounds", verbose_name="model"
    )
    year = models.PositiveSmallIntegerField("tahun yang dinilai", unique=True)
    is_open = models.BooleanField("dibuka", default=True)
    weak_threshold = models.DecimalField(
        "batas sub-komponen lemah (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal(60),
        help_text="Sub-komponen yang memperoleh kurang dari persentase bobotnya ini dianggap lemah.",
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    opened_at = models.DateTimeField("dibuka pada", auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField("ditutup pada", null=True, blank=True)
    realisation = models.ForeignKey(
        Realisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="realisasi Indeks RB yang dicatat",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "putaran PMPRB"
        verbose_name_plural = "putaran PMPRB"
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="round_year_sane"),
            models.CheckConstraint(
                condition=Q(weak_threshold__gte=0, weak_threshold__lte=100), name="round_threshold_percent"
            ),
        ]

    def __str__(self) -> str:
        return f"PMPRB {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("assessment:round-detail", kwargs={"pk": self.pk})


class Assessment(models.Model):
    """The self-assessment of the Pemerintah Kabupaten (no agency) or of one Perangkat Daerah."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assessments")
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name="perangkat daerah",
        help_text="Kosong: penilaian Pemerintah Kabupaten.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField("terakhir diajukan", null=True, blank=True)

    class Meta:
        verbose_name = "penilaian mandiri"
        verbose_name_plural = "penilaian mandiri"
        ordering = ["round", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "agency"], name="one_assessment_per_agency"),
            models.UniqueConstraint(
                fields=["round"], condition=Q(agency__isnull=True), name="one_regency_assessment"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} · PMPRB {self.round.year}"

    def get_absolute_url(self) -> str:
        return reverse("assessment:assessment-detail", kwargs={"pk": self.pk})

    @property
    def is_regency(self) -> bool:
        return self.agency_id is None

    @property
    def name(self) -> str:
        return self.agency.name if self.agency_id else REGENCY_NAME

    @property
    def short_name(self) -> str:
        return self.agency.short_name if self.agency_id else "Pemkab"


class CountedAnswers(models.Model):
    """Each answer's review state and the value that counts (assessment.scoring), the score they make
    and how many answers are in each state, stored beside its assessment by assessment/stored.py
    whenever an answer or a part of the model is saved, so that a round's pages read one small row
    per assessment instead of every answer (``rebuild_pmprb_values`` rebuilds it)."""

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, primary_key=True, related_name="counted"
    )
    entries = models.JSONField(default=dict)  # question id → [review state, counted value or None]
    score = models.JSONField(null=True)  # assessment.stored.dump of assessment.scoring.score
    states = models.JSONField(default=dict)  # review state → how many answers are in it

    class Meta:
        verbose_name = "nilai jawaban terhitung"
        verbose_name_plural = "nilai jawaban terhitung"

    def __str__(self) -> str:
        return f"{self.assessment_id}: {len(self.entries)} jawaban"


class Answer(ReviewedReport):
    """An answer to one question: the assessed party's (``choice``/``number``), and where the
    reviewer set its own, the reviewer's (``reviewer_choice``/``reviewer_number``, with the note)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choice = models.CharField("jawaban (pilihan)", max_length=20, blank=True)
    number = models.DecimalField("jawaban (angka)", max_digits=16, decimal_places=4, null=True, blank=True)
    explanation = models.TextField("penjelasan", blank=True)
    source = models.CharField(
        "sumber nilai",
        max_length=300,
        blank=True,
        help_text="Untuk nilai yang diambil dari realisasi road map.",
    )
    reviewer_choice = models.CharField("jawaban reviewer (pilihan)", max_length=20, blank=True)
    reviewer_number = models.DecimalField(
        "jawaban reviewer (angka)", max_digits=16, decimal_places=4, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "jawaban"
        verbose_name_plural = "jawaban"
        ordering = ["assessment", "question__order"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="one_answer_per_question"),
            models.CheckConstraint(
                condition=~Q(choice="") | Q(number__isnull=False), name="answer_has_a_value"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment.name}: {self.question.code} {self.display}"

    @property
    def display(self) -> str:
        return self.question.display(self.choice, self.number)

    @property
    def display_full(self) -> str:
        return self.question.display_full(self.choice, self.number)

    @property
    def adjusted(self) -> bool:
        """The reviewer set its own answer."""
        return bool(self.reviewer_choice) or self.reviewer_number is not None

    @property
    def reviewer_display(self) -> str:
        return self.question.display_full(self.reviewer_choice, self.reviewer_number) if self.adjusted else ""

    @property
    def own_value(self):
        return self.question.value_of(self.choice, self.number)

    @property
    def reviewer_value(self):
        return self.question.value_of(self.reviewer_choice, self.reviewer_number) if self.adjusted else None


class AnswerEvidence(models.Model):
    """Evidence (bukti dukung) of an answer: stored and checked as monev's report evidence is."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("berkas", upload_to=evidence_path, max_length=200, blank=True)
    original_name = models.CharField("nama berkas", max_length=200, blank=True)
    content_type = models.CharField("jenis isi", max_length=120, blank=True)
    size = models.PositiveBigIntegerField("ukuran (bita)", null=True, blank=True)
    link = models.URLField("tautan", max_length=500, blank=True)
    title = models.CharField("judul", max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField("diunggah", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bukti dukung jawaban"
        verbose_name_plural = "bukti dukung jawaban"
        ordering = ["uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(link=""), name="answer_evidence_is_a_file_or_a_link"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("assessment:evidence", kwargs={"pk": self.pk}) if self.file else self.link

    @property
    def label(self) -> str:
        return self.title or self.original_name or self.link
