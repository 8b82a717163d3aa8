"""Forms of agency plans: a new plan, its activities and indicators with targets, the review."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import ChangeArea, Scale, TargetKind
from areas.targets import scale_lookup, target_values
from plans import workflow
from plans.models import AgencyPlan, PlanActivity, PlanIndicator, StandardIndicator
from plans.models.plan import PLAN_YEARS
from roadmap.forms import BootstrapFormMixin
from roadmap.models import Agency
from roadmap.notation import normalise_nip


class PlanCreateForm(BootstrapFormMixin, forms.Form):
    agency = forms.ModelChoiceField(Agency.objects.all(), label="Perangkat Daerah")
    start_year = forms.TypedChoiceField(label="Periode", coerce=int)

    def __init__(self, *args, edition, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A road map stays in force until a later one starts: its plans may start in any year since.
        last = max(edition.end_year, timezone.localdate().year) + 1
        years = range(edition.start_year, last + 1)
        if agency is not None:  # an agency admin drafts its own agency's plan only
            del self.fields["agency"]
            # Periods it already has a plan for are not offered (services.create_plan refuses them).
            taken = set(AgencyPlan.objects.filter(agency=agency).values_list("start_year", flat=True))
            years = [year for year in years if year not in taken]
        self.fields["start_year"].choices = [(year, f"{year}–{year + PLAN_YEARS - 1}") for year in years]
        this_year = timezone.localdate().year
        self.fields["start_year"].initial = min(years, key=lambda year: abs(year - this_year), default=None)

    @property
    def offers_a_period(self) -> bool:
        return bool(self.fields["start_year"].choices)


class ActivityForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = PlanActivity
        fields = ["area", "name", "responsible_unit", "priority_activity", "action_row"]

    def __init__(self, *args, plan: AgencyPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["area"].queryset = ChangeArea.objects.filter(edition=plan.edition_id)
        self.fields["priority_activity"].queryset = PriorityActivity.objects.filter(
            area__edition=plan.edition_id
        ).select_related("area")
        self.fields[
            "priority_activity"
        ].help_text = "Kegiatan prioritas road map yang didukung (boleh kosong)."
        self.fields["action_row"].queryset = ActionPlanRow.objects.filter(area__edition=plan.edition_id)
        self.fields["action_row"].help_text = "Baris rencana aksi road map yang didukung (boleh kosong)."


class IndicatorForm(BootstrapFormMixin, forms.ModelForm):
    """An own indicator and its targets; for a standard indicator, the targets only."""

    class Meta:
        model = PlanIndicator
        fields = ["activity", "name", "unit", "target_kind", "scale", "direction", "aggregation"]

    def __init__(self, *args, plan: AgencyPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.instance.plan = plan
        if self.instance.is_standard:
            for name in self.Meta.fields:
                del self.fields[name]
        else:
            self.fields["activity"].queryset = plan.activities.select_related("area")
            self.fields["activity"].required = True
            self.fields["scale"].queryset = Scale.objects.prefetch_related("levels")
        current = {t.year: t.as_written for t in self.instance.targets.all()} if self.instance.pk else {}
        for year in plan.years:
            self.fields[f"target_{year}"] = forms.CharField(
                label=f"Target {year}",
                required=False,
                max_length=100,
                initial=current.get(year, ""),
                help_text="Angka (mis. 80 atau 85,5) atau tingkat pada skala (mis. BB).",
                widget=forms.TextInput(attrs={"class": "form-control"}),
            )

    def clean(self):
        data = super().clean()
        kind = data.get("target_kind", self.instance.target_kind)
        scale = data.get("scale", self.instance.scale if self.instance.scale_id else None)
        levels = scale_lookup(scale) if scale is not None and kind == TargetKind.LEVEL else None
        self.targets = {}
        for year in self.plan.years:
            written = (data.get(f"target_{year}") or "").strip()
            try:
                self.targets[year] = target_values(written, levels)
            except ValueError as error:
                self.add_error(f"target_{year}", str(error))
        return data

    def indicator_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}


class StandardIndicatorForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = StandardIndicator
        fields = ["area", "name", "unit", "target_kind", "scale", "direction", "aggregation", "is_published"]

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = ChangeArea.objects.filter(edition=edition)


class ReviewForm(BootstrapFormMixin, forms.Form):
    """Approve, or return with a general note and a note on each line to correct."""

    decision = forms.ChoiceField(
        label="Keputusan",
        choices=[("approve", "Setujui"), ("return", "Kembalikan untuk diperbaiki")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label="Catatan umum", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, plan: AgencyPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].widget.attrs["class"] = "form-check-input"
        self.lines = []
        for prefix, lines in (("activity", plan.activities.all()), ("indicator", plan.indicators.all())):
            for line in lines:
                name = f"{prefix}_{line.pk}"
                self.fields[name] = forms.CharField(
                    label=f"Catatan untuk {line.name}", required=False, max_length=1000
                )
                self.lines.append((prefix, line.pk, name))

    def notes(self, prefix: str) -> dict[int, str]:
        return {pk: self.cleaned_data.get(name, "") for kind, pk, name in self.lines if kind == prefix}

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return":
            refusal = workflow.return_refusal(
                data.get("note") or "", [data.get(name) or "" for _, _, name in self.lines]
            )
            if refusal:
                raise ValidationError(refusal)
        return data


class RevisionForm(IndicatorForm):
    """New targets of an approved plan's indicator, with the reason for the revision."""

    reason = forms.CharField(
        label="Alasan revisi",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Disimpan dalam riwayat target bersama nama Anda dan waktunya.",
        error_messages={"required": "Tuliskan alasan revisi target."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in IndicatorForm.Meta.fields:
            self.fields.pop(name, None)
        self.fields["reason"] = self.fields.pop("reason")  # after the targets


class SignatoryForm(BootstrapFormMixin, forms.ModelForm):
    """The head of agency who signs the printed plan (not a target: changed in any status)."""

    class Meta:
        model = AgencyPlan
        fields = ["head_position", "head_name", "head_rank", "head_nip"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nip = self.fields["head_nip"]
        nip.max_length = nip.widget.attrs["maxlength"] = 24  # typed in groups: 19700101 199003 1 001
        nip.validators = []

    def clean_head_nip(self) -> str:
        return normalise_nip(self.cleaned_data["head_nip"])
