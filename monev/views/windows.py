"""Reporting windows: staff open and close each period, and reopen single items after closing."""

import django_tables2 as tables
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from monev import services
from monev.access import get_closed_window_for_staff, get_item_for_reopening
from monev.models import Period, ReportingWindow
from roadmap.access import require_staff
from roadmap.forms import BootstrapFormMixin, WholeNumberField
from roadmap.mixins import EditionMixin, safe_next


class WindowTable(tables.Table):
    window = tables.Column(verbose_name="Periode", accessor="pk", order_by=("year", "period"))
    is_open = tables.Column(verbose_name="Status")
    closes_on = tables.DateColumn(verbose_name="Batas akhir", format="j F Y", default="–")
    reopened = tables.Column(verbose_name="Item dibuka kembali", accessor="pk", orderable=False)
    changed = tables.Column(verbose_name="Terakhir diubah", accessor="changed_at", orderable=False)
    action = tables.TemplateColumn(
        template_name="monev/_window_action.html", verbose_name="", orderable=False
    )

    class Meta:
        model = ReportingWindow
        fields = ("window", "is_open", "closes_on", "reopened", "changed", "action")
        empty_text = "Belum ada jendela pelaporan."
        attrs = {"class": "table table-sm align-middle", "aria-label": "Jendela pelaporan"}

    def render_window(self, record):
        return f"{record.label} {record.year}"

    def render_is_open(self, value):
        return "Terbuka" if value else "Ditutup"

    def render_reopened(self, record):
        return sum(1 for item in record.reopened_items.all() if item.active) or "–"

    def render_changed(self, record):
        who = record.changed_by.get_full_name() if record.changed_by else ""
        return f"{timezone.localtime(record.changed_at):%d-%m-%Y %H:%M} {who}".strip()


class WindowForm(BootstrapFormMixin, forms.Form):
    year = WholeNumberField(label="Tahun", min_value=2000, max_value=2100)
    period = forms.ChoiceField(label="Periode", choices=Period.choices)
    is_open = forms.TypedChoiceField(
        label="Status", choices=[("1", "Terbuka"), ("0", "Ditutup")], coerce=lambda value: value == "1"
    )
    closes_on = forms.DateField(
        label="Batas akhir",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d"],
    )
    reason = forms.CharField(
        label="Alasan (wajib bila membuka kembali jendela yang sudah ditutup)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class WindowListView(EditionMixin, TemplateView):
    template_name = "monev/windows.html"
    access = staticmethod(require_staff)
    edition_switch = False

    def get_context_data(self, **kwargs):
        windows = ReportingWindow.objects.select_related("changed_by").prefetch_related("reopened_items")
        table = WindowTable(windows)
        tables.RequestConfig(self.request, paginate={"per_page": 50}).configure(table)
        return super().get_context_data(table=table, form=kwargs.pop("form", None) or WindowForm(), **kwargs)

    def post(self, request, *args, **kwargs):
        form = WindowForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                window = services.set_window(
                    year=data["year"],
                    period=data["period"],
                    is_open=data["is_open"],
                    closes_on=data["closes_on"],
                    reason=data["reason"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error("reason", error)
            else:
                state = "dibuka" if window.is_open else "ditutup"
                messages.success(request, f"Jendela pelaporan {window.label} {window.year} {state}.")
                return redirect("monev:windows")
        return self.render_to_response(self.get_context_data(form=form))


@require_POST
def reopen_item(request, kind: str, pk: int):
    item = get_item_for_reopening(request.user, kind, pk)
    window = get_closed_window_for_staff(request.user, request.POST.get("window"))
    try:
        # The field's validators refuse what the database cannot store (a NUL byte).
        reason = forms.CharField(required=False).clean(request.POST.get("reason", ""))
        services.reopen_item(window=window, item=item, reason=reason, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{item} dibuka kembali untuk {window.label} {window.year}.")
    return redirect(safe_next(request, item.get_absolute_url()))
