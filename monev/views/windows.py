"""Reporting windows: staff open and close each period, and reopen single items after closing."""

import datetime
from dataclasses import dataclass

import django_tables2 as tables
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from monev import services
from monev.access import get_closed_window_for_staff, get_item_for_reopening
from monev.models import Period, ReopenedItem, ReportingWindow
from roadmap.access import require_staff
from roadmap.dates import format_date, format_datetime
from roadmap.forms import BootstrapFormMixin, WholeNumberField
from roadmap.mixins import EditionMixin, safe_next
from roadmap.tables import Table


class WindowTable(Table):
    window = tables.Column(verbose_name="Periode", accessor="pk", order_by=("year", "period"))
    is_open = tables.Column(verbose_name="Status")
    closes_on = tables.Column(verbose_name="Batas akhir", default="–")
    reopened = tables.Column(verbose_name="Dibuka kembali", accessor="pk", orderable=False)
    changed = tables.Column(verbose_name="Terakhir diubah", accessor="changed_at", orderable=False)
    action = tables.TemplateColumn(
        template_name="monev/_window_action.html", verbose_name="", orderable=False
    )

    class Meta:
        model = ReportingWindow
        fields = ("window", "is_open", "closes_on", "reopened", "changed", "action")
        empty_text = "Belum ada jendela pelaporan."
        attrs = {"class": "table table-sm align-middle", "aria-label": "Jendela pelaporan"}

    def __init__(self, *args, reasons: dict, failed: "WindowForm | None" = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.reasons = reasons  # window id -> its reopenings, newest first
        self.failed = failed  # the row form a refused action came from, with its errors

    def render_window(self, record):
        return f"{record.label} {record.year}"

    def render_is_open(self, value):
        return "Terbuka" if value else "Ditutup"

    def render_reopened(self, record):
        """Why the whole window was reopened, and which single items were, each with its reason."""
        lines = [
            format_html(
                "<li>Seluruh jendela, {} oleh {}: <q>{}</q></li>", format_datetime(r.when), r.who, r.reason
            )
            for r in self.reasons.get(record.pk, [])
        ] + [
            format_html("<li>{}, {}: <q>{}</q></li>", item.item, format_date(item.reopened_at), item.reason)
            for item in record.reopened_items.all()
            if item.active
        ]
        if not lines:
            return "–"
        return format_html(
            '<ul class="list-unstyled small mb-0">{}</ul>',
            format_html_join("", "{}", ((line,) for line in lines)),
        )

    def render_closes_on(self, value):
        return format_date(value)

    def render_changed(self, record):
        who = record.changed_by.get_full_name() if record.changed_by else ""
        return f"{format_datetime(record.changed_at)} {who}".strip()


@dataclass(frozen=True)
class Reopening:
    when: datetime.datetime
    who: str
    reason: str


def window_reasons() -> dict[int, list[Reopening]]:
    """Each window's reopenings with the reason staff gave (kept in its history), newest first."""
    reasons: dict[int, list[Reopening]] = {}
    records = (
        ReportingWindow.history.filter(is_open=True)
        .exclude(history_change_reason__isnull=True)
        .exclude(history_change_reason="")
        .select_related("history_user", "changed_by")
        .order_by("-history_date")
    )
    for record in records:
        user = record.history_user or record.changed_by  # a change made outside a request: its author
        who = (user.get_full_name() or user.get_username()) if user else "sistem"
        reasons.setdefault(record.id, []).append(
            Reopening(record.history_date, who, record.history_change_reason)
        )
    return reasons


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
        windows = ReportingWindow.objects.select_related("changed_by").prefetch_related(
            Prefetch("reopened_items", ReopenedItem.objects.select_related("indicator", "activity", "row"))
        )
        table = WindowTable(windows, reasons=window_reasons(), failed=kwargs.pop("row_form", None))
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
        # A button of the table is answered in its own row; the side form keeps its own errors.
        if request.POST.get("source") == "row":
            return self.render_to_response(self.get_context_data(row_form=form))
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
