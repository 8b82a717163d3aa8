"""The forms of the self-assessment, in Indonesian: answers with evidence, the review, the round."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from assessment import scoring
from assessment.models import Answer, ModelVersion, Question, QuestionKind
from assessment.services import ADJUST, AGREE, RETURN
from monev.forms import IndonesianNumberField, check_evidence_file, check_evidence_link
from roadmap.forms import BootstrapFormMixin, WholeNumberField
from roadmap.models import Agency
from roadmap.notation import format_number

YES_NO_CHOICES = [(scoring.YES, "Ya"), (scoring.NO, "Tidak")]


class RangedNumberField(IndonesianNumberField):
    """A number typed in Indonesian notation, between two bounds (a percentage, a score on a scale)."""

    def __init__(self, *args, low: Decimal, high: Decimal, **kwargs):
        self.low, self.high = min(low, high), max(low, high)
        super().__init__(*args, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value is not None and not self.low <= value <= self.high:
            raise ValidationError(
                f"Isi angka antara {format_number(self.low)} dan {format_number(self.high)}.", code="range"
            )


def answer_field(question: Question, label: str = "Jawaban") -> forms.Field:
    """The input of one question, by its answer kind."""
    if question.kind in (QuestionKind.YES_NO, QuestionKind.CHOICE):
        choices = (
            YES_NO_CHOICES
            if question.kind == QuestionKind.YES_NO
            else [(c["code"], f"{c['code']}. {c.get('label', '')}".rstrip(". ")) for c in question.choices]
        )
        return forms.ChoiceField(label=label, choices=choices, required=False, widget=forms.RadioSelect)
    if question.kind == QuestionKind.PERCENT:
        return RangedNumberField(label=f"{label} (%)", required=False, low=Decimal(0), high=Decimal(100))
    unit = f" ({question.unit})" if question.unit else ""
    return RangedNumberField(label=f"{label}{unit}", required=False, low=question.low, high=question.high)


def split(question: Question, value) -> tuple[str, Decimal | None]:
    """A cleaned answer as (choice, number)."""
    if question.kind in (QuestionKind.YES_NO, QuestionKind.CHOICE):
        return value or "", None
    return "", value


def radios_look_like_radios(form: forms.Form) -> None:
    """Bootstrap classes for fields added after BootstrapFormMixin ran (the questions), and radio
    buttons styled as check inputs, not as the text boxes the mixin makes of every non-select input."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            widget.attrs["class"] = "form-check-input"
        elif "class" not in widget.attrs and not widget.is_hidden:
            widget.attrs["class"] = "form-select" if isinstance(widget, forms.Select) else "form-control"


class AnswersForm(BootstrapFormMixin, forms.Form):
    """Every question of one sub-component: answer, explanation and new evidence, with the version each
    answer was opened on. Fields are named ``q<question id>_<part>``."""

    reason = forms.CharField(
        label="Alasan perubahan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila Anda mengubah jawaban yang sudah direviu.",
    )

    def __init__(
        self,
        *args,
        questions: list[Question],
        answers: dict[int, Answer],
        offers: dict,
        staff: bool,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.questions, self.answers, self.offers = questions, answers, offers
        limit = settings.REPORT_TEXT_MAX_CHARS
        for question in questions:
            answer = answers.get(question.pk)
            offer = offers.get(question.pk) if answer is None else None
            prefix = f"q{question.pk}"
            field = self.fields[f"{prefix}_answer"] = answer_field(question)
            if answer is not None:
                field.initial = answer.choice or answer.number
            elif offer is not None:
                field.initial = offer.choice or offer.number
            explanation = self.fields[f"{prefix}_explanation"] = forms.CharField(
                label="Penjelasan",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "maxlength": str(limit)}),
                initial=answer.explanation if answer else "",
            )
            explanation.validators.append(MaxLengthValidator(limit))
            self.fields[f"{prefix}_file"] = forms.FileField(label="Berkas bukti dukung", required=False)
            self.fields[f"{prefix}_link"] = forms.URLField(
                label="Tautan bukti dukung", required=False, assume_scheme="https", max_length=500
            )
            self.fields[f"{prefix}_version"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, initial=answer.version if answer else 0
            )
        if not staff:
            del self.fields["reason"]
        radios_look_like_radios(self)

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            prefix = f"q{question.pk}"
            upload = cleaned.get(f"{prefix}_file")
            if upload:
                try:
                    check_evidence_file(upload)
                except ValidationError as error:
                    self.add_error(f"{prefix}_file", error)
            try:
                check_evidence_link(cleaned.get(f"{prefix}_link") or "")
            except ValidationError as error:
                self.add_error(f"{prefix}_link", error)
            if f"{prefix}_answer" in self.errors:
                continue
            given = cleaned.get(f"{prefix}_answer") not in (None, "")
            if not given and question.pk in self.answers:
                self.add_error(f"{prefix}_answer", "Jawaban yang sudah tersimpan tidak dapat dikosongkan.")
            elif not given and (upload or cleaned.get(f"{prefix}_link")):
                self.add_error(f"{prefix}_answer", "Isi jawaban sebelum melampirkan bukti dukung.")
        return cleaned

    def rows(self):
        """Per question: the question, its bound fields, its stored answer and any offered value."""
        for question in self.questions:
            prefix = f"q{question.pk}"
            yield {
                "question": question,
                "answer": self[f"{prefix}_answer"],
                "explanation": self[f"{prefix}_explanation"],
                "file": self[f"{prefix}_file"],
                "link": self[f"{prefix}_link"],
                "version": self[f"{prefix}_version"],
                "stored": self.answers.get(question.pk),
                "offer": self.offers.get(question.pk) if question.pk not in self.answers else None,
            }

    def entries(self) -> list[dict]:
        """The cleaned answers, as keyword arguments of ``services.AnswerEntry``."""
        entries = []
        for question in self.questions:
            prefix = f"q{question.pk}"
            choice, number = split(question, self.cleaned_data.get(f"{prefix}_answer"))
            offer = self.offers.get(question.pk)
            offered = offer is not None and (offer.choice, offer.number) == (choice, number)
            stored = self.answers.get(question.pk)
            keep_source = stored is not None and (stored.choice, stored.number) == (choice, number)
            entries.append(
                {
                    "question": question,
                    "choice": choice,
                    "number": number,
                    "explanation": self.cleaned_data.get(f"{prefix}_explanation", ""),
                    "upload": self.cleaned_data.get(f"{prefix}_file"),
                    "link": self.cleaned_data.get(f"{prefix}_link") or "",
                    "version": self.cleaned_data.get(f"{prefix}_version"),
                    "source": offer.source if offered else (stored.source if keep_source else ""),
                }
            )
        return entries


class ReviewForm(BootstrapFormMixin, forms.Form):
    action = forms.ChoiceField(
        label="Hasil reviu",
        choices=[
            (AGREE, "Setuju dengan jawaban ini"),
            (ADJUST, "Tetapkan jawaban reviewer"),
            (RETURN, "Kembalikan untuk diperbaiki"),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Catatan reviewer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wajib bila menetapkan jawaban reviewer atau mengembalikan.",
    )

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["reviewer_answer"] = answer_field(question, "Jawaban reviewer")
        self.order_fields(["action", "reviewer_answer", "note"])
        radios_look_like_radios(self)

    def clean(self):
        cleaned = super().clean()
        action, note = cleaned.get("action"), (cleaned.get("note") or "").strip()
        if action in (ADJUST, RETURN) and not note:
            self.add_error(
                "note", "Tuliskan catatan: alasan jawaban reviewer atau apa yang perlu diperbaiki."
            )
        if action == ADJUST and cleaned.get("reviewer_answer") in (None, ""):
            self.add_error("reviewer_answer", "Isi jawaban reviewer.")
        return cleaned

    @property
    def reviewer_answer(self) -> tuple[str, Decimal | None]:
        return split(self.question, self.cleaned_data.get("reviewer_answer"))


def default_agencies():
    """Every Perangkat Daerah; the Bagian of the Setda are assessed within the Sekretariat Daerah."""
    return Agency.objects.exclude(kind=Agency.Kind.BAGIAN).order_by("name")


class OpenRoundForm(BootstrapFormMixin, forms.Form):
    year = WholeNumberField(label="Tahun yang dinilai", min_value=2000, max_value=2100)
    model = forms.ModelChoiceField(
        label="Model evaluasi", queryset=ModelVersion.objects.all(), empty_label=None
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Perangkat Daerah yang menilai diri",
        queryset=Agency.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text="Bagian Setda dinilai bersama Sekretariat Daerah; centang bila daerah Anda menilainya sendiri.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].initial = list(default_agencies())
        radios_look_like_radios(self)


class ThresholdForm(BootstrapFormMixin, forms.Form):
    weak_threshold = RangedNumberField(
        label="Batas sub-komponen lemah (% dari bobotnya)", low=Decimal(0), high=Decimal(100), required=True
    )


class ReopenForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(label="Alasan membuka kembali", widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(BootstrapFormMixin, forms.Form):
    record = forms.BooleanField(label="Catat Indeks RB ini sebagai realisasi terverifikasi", required=False)
    reason = forms.CharField(
        label="Alasan mengganti realisasi yang ada",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila sudah ada realisasi terverifikasi lain untuk tahun ini.",
    )
