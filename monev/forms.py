"""Report forms in Indonesian: numbers as the regulation writes them, levels from the item's scale."""

from collections.abc import Callable
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from areas.models import TargetKind
from monev import filetypes
from monev.models import ActionStatus, Evidence, Period, Quarter
from monev.models.progress import progress_errors
from monev.quarters import LATEST, SUM, entry_warnings
from monev.services import REASON_REQUIRED
from monev.standing import level_of_score
from monev.workflow import EditDecision
from roadmap.forms import BootstrapFormMixin, WholeNumberField
from roadmap.notation import SignedZero, format_number, normalize_decimal, parse_number

MAX_DIGITS, DECIMAL_PLACES = 16, 4
TEXT_FIELDS = ("note", "obstacles", "follow_up")


def limit_texts(form: forms.Form) -> None:
    """The report's free texts are at most REPORT_TEXT_MAX_CHARS long, in the browser and the import."""
    limit = settings.REPORT_TEXT_MAX_CHARS
    for name in TEXT_FIELDS:
        field = form.fields.get(name)
        if field is not None:
            field.max_length = limit
            field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs["maxlength"] = str(limit)


class IndonesianNumberField(forms.CharField):
    """A number typed as displayed: ``53,75`` or ``3.900``; anything else gets a clear message."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return format_number(value) if isinstance(value, Decimal) else value

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            number = parse_number(text)
        except SignedZero as error:
            raise ValidationError(str(error), code="invalid") from None
        except ValueError:
            raise ValidationError(
                "Tulis angka dalam notasi Indonesia dengan angka 0–9: koma untuk desimal (53,75), "
                "titik untuk ribuan (3.900).",
                code="invalid",
            ) from None
        check_storable(number)
        return number


def check_storable(number: Decimal) -> None:
    """Refuse what the database cannot keep: DecimalField(max_digits=16, decimal_places=4)."""
    if abs(number) >= 10 ** (MAX_DIGITS - DECIMAL_PLACES):  # first: any length, never a Decimal error
        raise ValidationError(
            f"Angka ini terlalu besar: paling banyak {MAX_DIGITS - DECIMAL_PLACES} angka sebelum koma.",
            code="max_digits",
        )
    exponent = normalize_decimal(number).as_tuple().exponent
    if isinstance(exponent, int) and exponent < -DECIMAL_PLACES:
        raise ValidationError(
            f"Paling banyak {DECIMAL_PLACES} angka di belakang koma.", code="decimal_places"
        )


def check_evidence_file(upload):
    """An uploaded evidence file within the size limit and of an accepted kind, by its content."""
    limit = settings.EVIDENCE_MAX_UPLOAD_MB
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(f"Berkas lebih besar dari {limit} MB.")
    upload.seek(0)
    kind, reason = filetypes.check_upload(upload.name, upload.read())
    upload.seek(0)
    if kind is None:
        raise ValidationError(reason)
    return upload


def check_evidence_link(link: str) -> str:
    if link and not link.lower().startswith(("http://", "https://")):
        raise ValidationError("Tautan harus diawali http:// atau https://.")
    return link


class EvidenceFields(forms.Form):
    evidence_file = forms.FileField(
        label="Berkas bukti dukung",
        required=False,
        help_text="PDF, gambar (PNG, JPEG, GIF, WebP), Word, Excel atau PowerPoint.",
    )
    evidence_link = forms.URLField(
        label="Tautan bukti dukung",
        required=False,
        assume_scheme="https",
        max_length=Evidence._meta.get_field("link").max_length,
        help_text="Mis. alamat dokumen di situs resmi atau penyimpanan bersama.",
    )

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        return check_evidence_file(upload) if upload else None

    def note_unsaved_upload(self) -> None:
        """A refused save stores nothing, and the browser forgets the chosen file: say so beside it."""
        upload = self.files.get(self.add_prefix("evidence_file"))
        if upload and "evidence_file" not in self.errors:
            self.add_error(
                "evidence_file",
                ValidationError(
                    f"Berkas {upload.name} belum tersimpan karena laporan ditolak: pilih berkas ini lagi "
                    "sebelum menyimpan.",
                    code="not_saved",
                ),
            )

    def clean_evidence_link(self):
        return check_evidence_link(self.cleaned_data.get("evidence_link", ""))


class RealisationForm(BootstrapFormMixin, EvidenceFields):
    year = forms.TypedChoiceField(label="Tahun", coerce=int)
    period = forms.ChoiceField(label="Periode", choices=Period.choices)
    number = IndonesianNumberField(label="Nilai realisasi", required=False)
    level = forms.ModelChoiceField(
        label="Tingkat / predikat", queryset=None, required=False, empty_label="(pilih)"
    )
    note = forms.CharField(label="Keterangan", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    obstacles = forms.CharField(label="Kendala", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    follow_up = forms.CharField(
        label="Rencana tindak lanjut", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence_title = forms.CharField(label="Judul bukti dukung", required=False, max_length=200)
    is_nil = forms.BooleanField(
        label="Nihil: tidak ada yang dihitung (mis. tidak ada aduan yang masuk)",
        required=False,
        help_text="Tanpa angka, bukan 0 %: jelaskan dalam keterangan.",
    )
    # Which report, at which version, the form was opened on (see services.check_version).
    version = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    field_order = ["year", "period", "number", "is_nil", "level", "note", "obstacles", "follow_up"]

    reason = forms.CharField(
        label="Alasan perubahan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila periode sudah ditutup atau laporan sudah diverifikasi; dicatat dalam riwayat.",
    )

    def __init__(
        self,
        *args,
        item,
        years: list[int],
        edit_check: Callable[[int, str], EditDecision],
        staff: bool,
        **kwargs,
    ):
        self.item = item
        self.edit_check = edit_check
        super().__init__(*args, **kwargs)
        limit_texts(self)
        if not staff:
            del self.fields["reason"]
        year_field = self.fields["year"]
        year_field.choices = [(year, str(year)) for year in years]
        year_field.error_messages["invalid_choice"] = (
            "Tahun %(value)s di luar tahun road map untuk item ini (" + ", ".join(map(str, years)) + ")."
        )
        self.scale = getattr(item, "scale", None)
        self.takes_level = getattr(item, "target_kind", TargetKind.NUMBER) == TargetKind.LEVEL
        if self.takes_level:
            self.fields["level"].queryset = self.scale.levels.order_by("order")
            self.fields["level"].error_messages["invalid_choice"] = (
                f"Pilih tingkat yang ada pada skala {self.scale.name}."
            )
            self.fields["level"].label = self.scale.name
            if self.scale.bands_include:
                self.fields["number"].label = "Nilai (opsional)"
                self.fields["number"].help_text = "Bila diisi, predikat mengikuti rentang nilainya."
            else:
                del self.fields["number"]
        else:
            del self.fields["level"]
            unit = item.unit or "tanpa satuan"
            self.fields["number"].label = f"Nilai realisasi ({unit})"
            self.fields["number"].help_text = self.instruction
            self.fields["number"].required = item.unit != "%"
        if self.takes_level or item.unit != "%":
            del self.fields["is_nil"]  # only a rate can have nothing to count
        self.warnings: list[str] = []

    @property
    def aggregation(self) -> str:
        """How this item's quarters make its year (levels are always the latest, docs/quarters.md)."""
        return LATEST if self.takes_level else self.item.aggregation

    @property
    def instruction(self) -> str:
        """What to enter for this item, in words: the reporters' commonest error is the other way round."""
        unit = self.item.unit or "angka"
        if self.takes_level:
            return "Isi predikat atau tingkat yang berlaku pada akhir periode yang dilaporkan."
        if self.aggregation == SUM:
            return (
                f"Untuk triwulan: isi hanya yang dikerjakan pada triwulan itu ({unit}), bukan jumlah sejak awal "
                "tahun; angka tahunan adalah jumlah triwulan. Untuk Tahunan: isi jumlah setahun."
            )
        return (
            f"Untuk triwulan: isi posisi pada akhir triwulan itu, mis. jumlah {unit} sampai akhir triwulan "
            "(kumulatif), bukan tambahannya; angka tahunan adalah triwulan terakhir."
        )

    def earlier_quarters(self, year: int, period: str) -> dict[int, Decimal]:
        """The year's other quarters as already reported, to compare a new figure with."""
        return {
            r.quarter: r.number
            for r in self.item.realisations.all()
            if r.year == year and r.period != period and r.period != Period.YEAR and r.number is not None
        }

    def clean_figure(self, data) -> None:
        """A number, or nihil with a note; then the soft warnings the reporter confirms."""
        number, nil = data.get("number"), data.get("is_nil", False)
        if nil and number is not None:
            self.add_error("number", "Kosongkan nilai bila laporan ini nihil.")
        elif nil and not data.get("note", "").strip():
            self.add_error("note", "Jelaskan dalam keterangan mengapa periode ini nihil.")
        elif not nil and number is None and "number" not in self.errors:
            self.add_error(
                "number", "Bidang ini tidak boleh kosong. Centang nihil bila tidak ada yang dihitung."
            )
        year, period = data.get("year"), data.get("period")
        if number is None or self.errors or not year or period not in Period.values:
            return
        target = self.item.targets_by_year.get(year)
        self.warnings = entry_warnings(
            self.aggregation,
            Period(period).quarter,
            number,
            self.earlier_quarters(year, period),
            target.number if target is not None else None,
        )

    @property
    def needs_confirmation(self) -> bool:
        """Warnings the reporter has not yet confirmed (the "simpan tetap" button posts ``confirm_warnings``)."""
        return bool(self.warnings) and self.data.get("confirm_warnings") != "1"

    def clean_number(self):
        number = self.cleaned_data.get("number")
        if number is None:
            return None
        if number < 0:
            raise ValidationError("Nilai tidak boleh negatif.")
        if self.item.unit == "%" and number > 100:
            raise ValidationError("Persentase tidak boleh lebih dari 100.")
        return number

    def clean(self):
        data = super().clean()
        year, period = data.get("year"), data.get("period")
        if year is not None and period:
            decision = self.edit_check(year, period)
            if not decision.allowed:
                self.add_error("period", decision.why_not)
            elif decision.reason_required and not data.get("reason", "").strip():
                self.add_error("reason", REASON_REQUIRED)
        if not self.takes_level:
            self.clean_figure(data)
            return data
        number, level = data.get("number"), data.get("level")
        if number is None and level is None and "level" not in self.errors:
            self.add_error("level", f"Pilih tingkat pada skala {self.scale.name}.")
        if number is not None and self.scale.bands_include:
            banded = level_of_score(self.scale, number)
            if banded is None:
                self.add_error("number", "Nilai ini di luar rentang skala.")
            elif level is not None and banded != level:
                self.add_error(
                    "level", f"Nilai {format_number(number)} termasuk {banded.label}, bukan {level.label}."
                )
            else:
                data["level"] = banded
        return data


class ActionProgressForm(BootstrapFormMixin, EvidenceFields):
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices)
    percent = WholeNumberField(
        label="Persen selesai",
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": "Persen selesai paling sedikit 0.",
            "max_value": "Persen selesai paling banyak 100.",
            "invalid": "Tulis bilangan bulat 0 sampai 100.",
        },
    )
    note = forms.CharField(label="Keterangan", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    obstacles = forms.CharField(label="Kendala", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    follow_up = forms.CharField(
        label="Rencana tindak lanjut", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args, planned_action, **kwargs):
        self.planned_action = planned_action
        super().__init__(*args, **kwargs)
        limit_texts(self)

    def clean(self):
        data = super().clean()
        status, percent = data.get("status"), data.get("percent")
        if percent is None and "percent" not in self.errors:
            if status == ActionStatus.DONE:
                data["percent"] = 100
            elif status == ActionStatus.NOT_STARTED:
                data["percent"] = 0
            else:
                self.add_error("percent", "Isi persen selesai.")
        elif percent is not None:
            for error in progress_errors(status, percent):
                self.add_error("percent", error)
        return data


class ProgressPeriodForm(BootstrapFormMixin, forms.Form):
    """Which year and quarter a progress report is for, and the reason for a late correction."""

    year = forms.TypedChoiceField(label="Tahun", coerce=int)
    quarter = forms.TypedChoiceField(label="Triwulan", coerce=int, choices=Quarter.choices)

    reason = forms.CharField(
        label="Alasan perubahan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila triwulan ini sudah ditutup atau laporannya sudah diverifikasi; dicatat dalam riwayat.",
    )

    def __init__(
        self, *args, years: list[int], edit_check: Callable[[int, int], EditDecision], staff: bool, **kwargs
    ):
        self.edit_check = edit_check
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["year"].error_messages["invalid_choice"] = "Tahun %(value)s di luar tahun rencana aksi."
        if not staff:
            del self.fields["reason"]

    def clean(self):
        data = super().clean()
        year, quarter = data.get("year"), data.get("quarter")
        if year is not None and quarter is not None:
            decision = self.edit_check(year, quarter)
            if not decision.allowed:
                self.add_error("quarter", decision.why_not)
            elif decision.reason_required and not data.get("reason", "").strip():
                self.add_error("reason", REASON_REQUIRED)
        return data
