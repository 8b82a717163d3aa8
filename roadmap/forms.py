"""Bootstrap styling shared by every form of the application, the one way form errors show, and
the whole-number field.

A field with errors is marked invalid when it is rendered, not when the form is cleaned: an
error a view adds after validation (a refused save, a conflict) gets the same styling, the
same ``aria-invalid`` and the same message beside the field (``templates/_field.html``).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField

from roadmap.notation import SignedZero, parse_number


class WholeNumberField(forms.IntegerField):
    """A whole number read by the one parser of typed numbers (``roadmap.notation.parse_number``).

    Django's IntegerField reads any Unicode digit ("٢٠٢٠", "１００"); here only 0-9 are digits, a
    thousands dot is allowed (1.000) and ``-0`` is refused, as everywhere else in the application.
    """

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        try:
            number = parse_number(str(value))
        except SignedZero as error:
            raise ValidationError(str(error), code="invalid") from None
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if number != number.to_integral_value():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)


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
