"""Shared base for the filter forms of list pages."""

import django_filters
from django import forms
from django.utils.html import format_html
from django.utils.safestring import mark_safe


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


def written_attrs(attrs: dict) -> str:
    """Attributes as django/forms/widgets/attrs.html writes them: True bare, False left out."""
    return mark_safe(
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
            for name, value in attrs.items()
            if value is not False
        )
    )


class OptionsSelect(forms.Select):
    """A select written as Django's select.html and select_option.html write it (tests/test_review.py
    compares the two), in one pass: the verification queue's filter has some sixty options, each two
    templates."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group_name for group_name, _, _ in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)  # option groups: the templates' way
        options = (
            format_html(
                '\n  <option value="{}"{}>{}</option>\n',
                str(option["value"]),
                written_attrs(option["attrs"]),
                option["label"],
            )
            for _, group, _ in widget["optgroups"]
            for option in group
        )
        return mark_safe(
            format_html('<select name="{}"{}>', widget["name"], written_attrs(widget["attrs"]))
            + "".join(options)
            + "\n</select>"
        )
