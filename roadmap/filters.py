"""Shared base for the filter forms of list pages."""

import django_filters
from django import forms


class StyledFilterSet(django_filters.FilterSet):
    """A FilterSet whose form widgets carry Bootstrap classes (styled when the form is first built)."""

    @property
    def form(self):
        form = super().form
        if not getattr(form, "_styled", False):
            for field in form.fields.values():
                widget = field.widget
                if isinstance(widget, forms.Select):
                    widget.attrs.setdefault("class", "form-select form-select-sm")
                elif isinstance(widget, forms.CheckboxInput):
                    widget.attrs.setdefault("class", "form-check-input")
                else:
                    widget.attrs.setdefault("class", "form-control form-control-sm")
            form._styled = True
        return form


def ignore_invalid(form: forms.Form, effective: dict[str, str] | None = None) -> dict:
    """Validate a filter form leniently: return the valid choices (``cleaned_data``), keep the errors
    for display, and show each invalid field at the value in effect (``effective``, else "all")
    instead of the browser's first option, so the form says what the list really shows."""
    form.is_valid()
    if form.errors:
        form.data = form.data.copy()
        for name in form.errors:
            form.data[name] = (effective or {}).get(name, "")
    return form.cleaned_data
