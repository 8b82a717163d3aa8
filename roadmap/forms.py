"""Bootstrap styling shared by every form of the application, and the one way form errors show.

A field with errors is marked invalid when it is rendered, not when the form is cleaned: an
error a view adds after validation (a refused save, a conflict) gets the same styling, the
same ``aria-invalid`` and the same message beside the field (``templates/_field.html``).
"""

from django import forms
from django.forms.boundfield import BoundField


class BootstrapBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if self.errors and not widget.is_hidden:
            classes = [widget.attrs.get("class", ""), attrs.get("class", ""), "is-invalid"]
            attrs["class"] = " ".join(c for c in classes if c)
        return attrs


class BootstrapFormMixin:
    """Adds Bootstrap classes to widgets; invalid fields are marked by ``BootstrapBoundField``."""

    bound_field_class = BootstrapBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
