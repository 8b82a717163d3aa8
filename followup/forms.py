"""The forms of the follow-up register, in Indonesian: issuing candidates, adding a finding, a step, the verdict."""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone

from areas.models import ChangeArea
from followup.models import Finding, FindingSource
from monev.forms import EvidenceFields
from roadmap.forms import BootstrapFormMixin
from roadmap.models import Agency, RoadmapEdition

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def default_deadline() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=settings.FOLLOWUP_DEADLINE_DAYS)


def check_deadline(deadline: datetime.date) -> datetime.date:
    if deadline < timezone.localdate():
        raise forms.ValidationError("Batas waktu tidak boleh sebelum hari ini.")
    return deadline


class CandidateForm(BootstrapFormMixin, forms.Form):
    """One candidate as staff review it; the description and source come from the rules, not the form."""

    key = forms.CharField(widget=forms.HiddenInput)
    include = forms.BooleanField(label="Terbitkan", required=False)
    agency = forms.ModelChoiceField(
        label="Perangkat Daerah penanggung jawab",
        queryset=Agency.objects.all(),
        required=False,
        empty_label="– pilih –",
    )
    recommendation = forms.CharField(
        label="Rekomendasi", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("include"):
            if not cleaned.get("agency"):
                self.add_error("agency", "Pilih Perangkat Daerah yang menindaklanjuti temuan ini.")
            if not (cleaned.get("recommendation") or "").strip():
                self.add_error("recommendation", "Tuliskan rekomendasi tindak lanjutnya.")
        return cleaned


CandidateFormSet = forms.formset_factory(CandidateForm, extra=0)


class IssueForm(BootstrapFormMixin, forms.Form):
    deadline = forms.DateField(
        label="Batas waktu tindak lanjut",
        widget=DATE,
        help_text="Untuk semua temuan yang diterbitkan sekarang (Tabel 5.4: segera setelah hasil monev keluar).",
    )

    def clean_deadline(self):
        return check_deadline(self.cleaned_data["deadline"])


class FindingForm(BootstrapFormMixin, forms.ModelForm):
    """A finding staff enter by hand: a direction of the Tim Pengarah, or any other."""

    class Meta:
        model = Finding
        fields = ["year", "source", "area", "description", "agency", "recommendation", "deadline"]
        widgets = {
            "deadline": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
            "recommendation": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"year": "Tahun monev"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [
            (value, label)
            for value, label in FindingSource.choices
            if value in (FindingSource.DIRECTION, FindingSource.OTHER)
        ]
        edition = RoadmapEdition.objects.current()
        self.fields["area"].queryset = (
            ChangeArea.objects.filter(edition=edition) if edition else ChangeArea.objects.none()
        )
        self.fields["area"].empty_label = "– tidak terkait satu area –"
        self.fields["agency"].empty_label = "– pilih –"

    def clean_deadline(self):
        return check_deadline(self.cleaned_data["deadline"])


class FindingEditForm(BootstrapFormMixin, forms.ModelForm):
    """Staff correct an issued finding: a new deadline or agency is a change the history keeps."""

    class Meta:
        model = Finding
        fields = ["description", "agency", "recommendation", "deadline"]
        widgets = FindingForm.Meta.widgets

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        return deadline if deadline == self.instance.deadline else check_deadline(deadline)


class StepForm(BootstrapFormMixin, EvidenceFields):
    text = forms.CharField(
        label="Langkah tindak lanjut",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Apa yang sudah dilakukan, kapan, dan hasilnya.",
    )
    finished = forms.BooleanField(
        label="Tindak lanjut sudah selesai: ajukan untuk diverifikasi",
        required=False,
        help_text="Wajib disertai bukti dukung (pada langkah ini atau langkah sebelumnya).",
    )

    field_order = ["text", "evidence_file", "evidence_link", "finished"]


class VerdictForm(BootstrapFormMixin, forms.Form):
    note = forms.CharField(
        label="Catatan pengembalian",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila dikembalikan: apa yang masih harus dilengkapi.",
    )
