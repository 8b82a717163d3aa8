"""Staff correct an item's yearly targets; once realisations exist, a reason is required and kept."""

from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from areas.models import Indicator
from areas.targets import item_levels
from monev import services
from monev.forms import check_storable
from monev.items import ACTIVITY, INDICATOR, ItemKind
from roadmap.access import require_staff
from roadmap.forms import BootstrapFormMixin
from roadmap.mixins import EditionMixin
from roadmap.models import Agency
from roadmap.notation import parse_target


class TargetsForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(
        label="Alasan perubahan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila tahun yang diubah sudah memiliki realisasi; dicatat dalam riwayat target.",
    )

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        for year, target in sorted(item.targets_by_year.items()):
            self.fields[f"year_{year}"] = forms.CharField(
                label=f"Target {year}",
                required=False,
                initial=target.as_written,
                max_length=100,
                help_text="Tulis seperti dalam peraturan: 53,75 · 3.900 · BB · Wajar Tanpa Pengecualian · - (tanpa target)",
            )
        if isinstance(item, Indicator):
            self.fields["data_owner"] = forms.ModelChoiceField(
                label="Penanggung jawab data",
                queryset=Agency.objects.order_by("name"),
                required=False,
                initial=item.data_owner_id,
                empty_label="(tidak ada: dilaporkan staf Bagian Organisasi)",
                help_text="Admin Perangkat Daerah ini dapat melaporkan indikator ini; staf selalu dapat.",
            )
        self.order_fields([*(f for f in self.fields if f.startswith("year_")), "data_owner", "reason"])
        for name, field in self.fields.items():
            if name.startswith("year_"):  # added after the mixin styled the form
                field.widget.attrs["class"] = "form-control"
            elif name == "data_owner":
                field.widget.attrs["class"] = "form-select"

    def clean(self):
        data = super().clean()
        levels = item_levels(self.item)
        for name, value in list(data.items()):
            if name.startswith("year_"):
                try:
                    parsed = parse_target(value or "", levels)
                    if parsed.number is not None:
                        check_storable(parsed.number)
                except ValueError as error:
                    self.add_error(name, str(error))
                except ValidationError as error:
                    self.add_error(name, error)
        return data

    def cells(self) -> dict[int, str]:
        return {
            int(name[5:]): value.strip()
            for name, value in self.cleaned_data.items()
            if name.startswith("year_")
        }


class TargetsView(EditionMixin, FormView):
    kind: ItemKind
    template_name = "monev/targets_form.html"
    form_class = TargetsForm
    access = staticmethod(partial(require_staff, why="Hanya staf Bagian Organisasi yang mengubah target."))

    def dispatch(self, request, *args, **kwargs):
        self.item = self.kind.fetch(request.user, kwargs["pk"], queryset=self.kind.queryset(self.profile))
        return super().dispatch(request, *args, **kwargs)

    def item_edition_pk(self) -> int:
        return self.item.edition_pk

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "item": self.item}

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def form_valid(self, form):
        try:
            changed = services.change_targets(
                item=self.item, cells=form.cells(), reason=form.cleaned_data["reason"], user=self.request.user
            )
            if "data_owner" in form.cleaned_data:
                changed += services.set_data_owner(
                    indicator=self.item, agency=form.cleaned_data["data_owner"]
                )
        except ValidationError as error:
            # The service's own messages are about the reason; field errors go beside their year's cell
            # (a model's own fields have no cell of their own, so theirs are the whole form's).
            if hasattr(error, "error_dict"):
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error("reason", error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request, f"{changed} perubahan disimpan." if changed else "Tidak ada yang berubah."
        )
        return redirect(self.item.get_absolute_url())


class IndicatorTargetsView(TargetsView):
    kind = INDICATOR


class ActivityTargetsView(TargetsView):
    kind = ACTIVITY
