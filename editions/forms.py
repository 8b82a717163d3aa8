"""Forms for making and amending road maps. Targets are typed as the regulation writes them and read
by the one parser (roadmap.notation), with the reason for a refusal beside the cell."""

from django import forms
from django.core.exceptions import ValidationError

from actions.models import ActionPlanGroup, PriorityActivity, QuickWin, SupportScope
from areas.models import Aggregation, Direction, Indicator, Scale, TargetKind
from areas.targets import scale_lookup
from editions.models import Amendment
from roadmap.forms import BootstrapFormMixin, WholeNumberField
from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import parse_target

TARGET_HELP = (
    "Tulis seperti dalam peraturan: 53,75 · 3.900 · BB · Wajar Tanpa Pengecualian · >70/BB · - (tanpa target)"
)
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def agencies():
    return Agency.objects.order_by("name")


def style(field: forms.Field) -> None:
    """Bootstrap classes for a field added after BootstrapFormMixin styled the form."""
    css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
    field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} {css}".strip()


class CopyForm(BootstrapFormMixin, forms.Form):
    source = forms.ModelChoiceField(label="Salin dari edisi", queryset=RoadmapEdition.objects.none())
    title = forms.CharField(
        label="Judul road map",
        max_length=300,
        initial="Road Map Reformasi Birokrasi Kabupaten Pekalongan Tahun 2021-2024",
    )
    start_year = WholeNumberField(label="Tahun mulai", min_value=2000, max_value=2100, initial=2021)
    end_year = WholeNumberField(label="Tahun akhir", min_value=2000, max_value=2100, initial=2024)
    regulation_type = forms.CharField(
        label="Jenis peraturan", max_length=100, initial="Peraturan Bupati Pekalongan"
    )
    all_years = forms.BooleanField(
        label="Salin juga target dan rencana aksi tahun di luar periode baru",
        required=False,
        help_text="Biasanya tidak: rancangan baru hanya memuat tahun-tahunnya sendiri; tahun sebelumnya tetap terbaca pada edisi lama.",
    )

    def __init__(self, *args, editions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = editions
        self.fields["source"].initial = editions.filter(status="enacted").first()

    def clean(self):
        data = super().clean()
        if data.get("start_year") and data.get("end_year") and data["end_year"] < data["start_year"]:
            self.add_error("end_year", "Tahun akhir tidak boleh sebelum tahun mulai.")
        return data


class DraftForm(BootstrapFormMixin, forms.ModelForm):
    start_year = WholeNumberField(label="Tahun mulai berlaku", min_value=2000, max_value=2100)
    end_year = WholeNumberField(label="Tahun akhir berlaku", min_value=2000, max_value=2100)

    class Meta:
        model = RoadmapEdition
        fields = ["title", "regulation_type", "start_year", "end_year"]


class EnactForm(BootstrapFormMixin, forms.ModelForm):
    regulation_number = WholeNumberField(label="Nomor peraturan", min_value=1, max_value=32767)
    regulation_year = WholeNumberField(label="Tahun peraturan", min_value=2000, max_value=2100)

    class Meta:
        model = RoadmapEdition
        fields = [
            "regulation_type",
            "regulation_number",
            "regulation_year",
            "enacted_on",
            "enacted_at",
            "enacted_by",
            "promulgated_on",
            "promulgated_by",
            "gazette",
        ]
        widgets = {"enacted_on": DATE, "promulgated_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enacted_on"].required = True

    def regulation(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AmendmentForm(BootstrapFormMixin, forms.ModelForm):
    effective_year = WholeNumberField(label="Berlaku mulai tahun", min_value=2000, max_value=2100)

    class Meta:
        model = Amendment
        fields = ["basis", "document_number", "document_date", "reason", "effective_year"]
        widgets = {"document_date": DATE, "reason": forms.Textarea(attrs={"rows": 3})}


class SettingFieldsMixin:
    """The fields shown one under another; per-year fields (``per_year`` prefixes) get a grid of their own."""

    per_year: tuple[str, ...] = ()

    def setting_fields(self):
        return [field for field in self.visible_fields() if not field.name.startswith(self.per_year)]


class EditionItemForm(SettingFieldsMixin, BootstrapFormMixin, forms.Form):
    """What every item form shares: the amendment an enacted edition's change is made under."""

    def __init__(self, *args, edition: RoadmapEdition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        if not edition.is_draft:
            field = forms.ModelChoiceField(
                label="Dasar perubahan",
                queryset=edition.amendments.open(),
                empty_label=None if edition.amendments.open().count() == 1 else "(pilih perubahan)",
                error_messages={"required": "Pilih perubahan (amandemen) yang menjadi dasar perubahan ini."},
                help_text="Perubahan pada edisi yang berlaku dicatat di bawah satu perubahan (amandemen) yang masih terbuka.",
            )
            style(field)
            self.fields = {"amendment": field, **self.fields}

    @property
    def amendment(self) -> Amendment | None:
        return self.cleaned_data.get("amendment")


class TargetCellsMixin:
    """One text field per year: the edition's years and every year the item already has a cell for."""

    per_year = ("target_2",)  # target_2021 ..., not target_kind

    def add_cells(self, item):
        existing = item.targets_by_year if item is not None and item.pk else {}
        self.years = sorted(set(self.edition.years) | set(existing))
        for year in self.years:
            target = existing.get(year)
            field = forms.CharField(
                label=f"Target {year}",
                required=False,
                max_length=100,
                initial=target.as_written if target else "",
                help_text=None if year != self.years[0] else TARGET_HELP,
            )
            style(field)
            self.fields[f"target_{year}"] = field

    def check_cells(self, levels) -> None:
        for year in self.years:
            name = f"target_{year}"
            try:
                parse_target(self.cleaned_data.get(name) or "", levels)
            except ValueError as error:
                self.add_error(name, str(error))

    def cells(self) -> dict[int, str]:
        return {year: (self.cleaned_data.get(f"target_{year}") or "").strip() for year in self.years}

    def cell_fields(self):
        return [self[f"target_{year}"] for year in self.years]


MEASURED = ["name", "unit", "direction", "aggregation"]


class IndicatorForm(TargetCellsMixin, EditionItemForm):
    area = forms.ModelChoiceField(label="Area perubahan", queryset=None)
    name = forms.CharField(label="Indikator keberhasilan", max_length=300)
    unit = forms.CharField(label="Satuan", max_length=100, required=False)
    target_kind = forms.ChoiceField(
        label="Jenis target",
        choices=TargetKind.choices,
        initial=TargetKind.NUMBER,
        help_text="Tingkat pada skala untuk predikat, opini dan level; target gabungan (57/CC, >70/BB) juga jenis ini.",
    )
    scale = forms.ModelChoiceField(
        label="Skala", queryset=Scale.objects.all(), required=False, empty_label="(tanpa skala)"
    )
    direction = forms.ChoiceField(label="Arah", choices=Direction.choices, initial=Direction.HIGHER_IS_BETTER)
    aggregation = forms.ChoiceField(
        label="Rekap tahunan",
        choices=Aggregation.choices,
        initial=Aggregation.LATEST,
        help_text="Jumlah triwulan hanya untuk hitungan kegiatan dalam tahun (ASN dilatih, inovasi dikirim).",
    )
    data_owner = forms.ModelChoiceField(
        label="Penanggung jawab data",
        queryset=agencies(),
        required=False,
        empty_label="(belum ditentukan)",
        help_text="Admin Perangkat Daerah ini melaporkan indikator ini; wajib sebelum rancangan ditetapkan.",
    )
    is_key = forms.BooleanField(label="Indikator kunci (grafik di dasbor)", required=False)

    def __init__(self, *args, indicator: Indicator | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = self.edition.areas.all()
        if indicator is not None:
            for name in ("area", *MEASURED, "target_kind", "scale", "data_owner", "is_key"):
                self.fields[name].initial = getattr(indicator, name)
        self.add_cells(indicator)

    def clean(self):
        data = super().clean()
        scale = data.get("scale")
        if data.get("target_kind") == TargetKind.LEVEL and scale is None:
            self.add_error("scale", "Target berupa tingkat memerlukan skala.")
            return data
        levels = scale_lookup(scale) if scale and data.get("target_kind") == TargetKind.LEVEL else None
        self.check_cells(levels)
        return data

    def values(self) -> dict:
        names = ("area", *MEASURED, "target_kind", "scale", "data_owner", "is_key")
        return {name: self.cleaned_data[name] for name in names}


class ActivityForm(TargetCellsMixin, EditionItemForm):
    parent = forms.ChoiceField(label="Area perubahan atau quick win")
    name = forms.CharField(label="Kegiatan", max_length=300)
    unit = forms.CharField(label="Satuan", max_length=100, required=False)
    direction = forms.ChoiceField(label="Arah", choices=Direction.choices, initial=Direction.HIGHER_IS_BETTER)
    aggregation = forms.ChoiceField(
        label="Rekap tahunan",
        choices=Aggregation.choices,
        initial=Aggregation.LATEST,
        help_text="Jumlah triwulan hanya untuk hitungan kegiatan dalam tahun (ASN dilatih, inovasi dikirim).",
    )
    agency = forms.ModelChoiceField(
        label="Perangkat Daerah Pengampu",
        queryset=agencies(),
        required=False,
        empty_label="(belum ditentukan)",
        help_text="Admin Perangkat Daerah ini melaporkan kegiatan ini; wajib sebelum rancangan ditetapkan.",
    )
    agency_note = forms.CharField(label="Dasar penetapan Pengampu", max_length=300, required=False)

    def __init__(self, *args, activity: PriorityActivity | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        areas = [(f"area-{a.pk}", f"{a.order}. {a.name}") for a in self.edition.areas.all()]
        quick_wins = [
            (f"qw-{q.pk}", f"Quick win {q.number}. {q.name}") for q in self.edition.quick_wins.all()
        ]
        self.fields["parent"].choices = [("Area perubahan", areas), ("Quick win", quick_wins)]
        if activity is not None:
            self.fields["parent"].initial = (
                f"area-{activity.area_id}" if activity.area_id else f"qw-{activity.quick_win_id}"
            )
            for name in (*MEASURED, "agency", "agency_note"):
                self.fields[name].initial = getattr(activity, name)
        self.add_cells(activity)

    def clean(self):
        data = super().clean()
        self.check_cells(None)
        return data

    def values(self) -> dict:
        kind, _, pk = self.cleaned_data["parent"].partition("-")
        area = self.edition.areas.filter(pk=pk).first() if kind == "area" else None
        quick_win = self.edition.quick_wins.filter(pk=pk).first() if kind == "qw" else None
        names = (*MEASURED, "agency", "agency_note")
        return {"area": area, "quick_win": quick_win, **{name: self.cleaned_data[name] for name in names}}


class RowForm(EditionItemForm):
    per_year = ("actions_",)
    area = forms.ModelChoiceField(label="Area perubahan", queryset=None)
    group = forms.ModelChoiceField(
        label="Kelompok", queryset=None, required=False, empty_label="(tanpa kelompok)"
    )
    label = forms.CharField(label="Nomor", max_length=10, required=False)
    name = forms.CharField(label="Sub kegiatan", max_length=400)
    leads = forms.ModelMultipleChoiceField(
        label="Perangkat Daerah Utama",
        queryset=agencies(),
        error_messages={"required": "Pilih sekurang-kurangnya satu Perangkat Daerah Utama."},
    )
    support_scope = forms.ChoiceField(label="Perangkat Daerah Pendukung", choices=SupportScope.choices)
    supporters = forms.ModelMultipleChoiceField(
        label="Pendukung yang disebut", queryset=agencies(), required=False
    )
    supporting_as_written = forms.CharField(
        label="Pendukung sebagaimana tertulis",
        max_length=300,
        required=False,
        help_text="Kosongkan untuk menulis nama-nama Perangkat Daerah pendukung yang dipilih.",
    )

    def __init__(self, *args, row=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.row = row
        self.fields["area"].queryset = self.edition.areas.all()
        self.fields["group"].queryset = ActionPlanGroup.objects.filter(
            area__edition=self.edition
        ).select_related("area")
        self.fields["group"].label_from_instance = lambda g: f"Area {g.area.order}: {g.label}"
        for name in ("leads", "supporters"):
            self.fields[name].widget.attrs["size"] = 8
        existing = {}
        if row is not None:
            for name in ("area", "group", "label", "name", "support_scope", "supporting_as_written"):
                self.fields[name].initial = getattr(row, name)
            self.fields["leads"].initial = [lead.agency_id for lead in row.leads.all()]
            self.fields["supporters"].initial = [a.pk for a in row.supporting_agencies.all()]
            for action in row.planned_actions.all():
                existing.setdefault(action.year, []).append(action.text)
        self.years = sorted(set(self.edition.years) | set(existing))
        for year in self.years:
            field = forms.CharField(
                label=f"Rencana aksi {year}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial="\n".join(existing.get(year, [])),
                help_text="Satu rencana aksi per baris." if year == self.years[0] else None,
            )
            style(field)
            self.fields[f"actions_{year}"] = field

    def clean(self):
        data = super().clean()
        group, area = data.get("group"), data.get("area")
        if group is not None and area is not None and group.area_id != area.pk:
            self.add_error("group", "Kelompok ini berada pada area lain.")
        return data

    def ordered_leads(self) -> list[Agency]:
        """The chosen lead agencies, those already leading first in their order (the order the document lists)."""
        chosen = list(self.cleaned_data["leads"])
        before = [lead.agency for lead in self.row.leads.all()] if self.row is not None else []
        return [a for a in before if a in chosen] + [a for a in chosen if a not in before]

    def values(self) -> dict:
        names = ("area", "group", "label", "name", "support_scope", "supporting_as_written")
        return {name: self.cleaned_data[name] for name in names}

    def actions(self) -> dict[int, list[str]]:
        return {
            year: [
                line.strip()
                for line in (self.cleaned_data.get(f"actions_{year}") or "").splitlines()
                if line.strip()
            ]
            for year in self.years
        }

    def action_fields(self):
        return [self[f"actions_{year}"] for year in self.years]


class AreaForm(SettingFieldsMixin, BootstrapFormMixin, forms.Form):
    name = forms.CharField(label="Nama area perubahan", max_length=200)
    pokja = forms.ModelMultipleChoiceField(
        label="Anggota kelompok kerja (Pokja)", queryset=agencies(), required=False
    )

    def __init__(self, *args, area=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.fields["pokja"].widget.attrs["size"] = 8
        if area is not None:
            self.fields["name"].initial = area.name
            self.fields["pokja"].initial = [m.agency_id for m in area.pokja_memberships.all()]

    def ordered_pokja(self) -> list[Agency]:
        chosen = list(self.cleaned_data["pokja"])
        before = [m.agency for m in self.area.pokja_memberships.all()] if self.area is not None else []
        return [a for a in before if a in chosen] + [a for a in chosen if a not in before]


class QuickWinForm(SettingFieldsMixin, BootstrapFormMixin, forms.ModelForm):
    number = WholeNumberField(label="Nomor", min_value=1, max_value=99)

    class Meta:
        model = QuickWin
        fields = ["number", "name", "description", "lead_agency", "product"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.edition = edition

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def validate_unique(self):
        try:
            self.instance.validate_constraints()
        except ValidationError as error:
            self._update_errors(error)


class DropForm(EditionItemForm):
    """Confirming that an item goes: from a draft it is deleted, from an enacted edition an amendment drops it."""
