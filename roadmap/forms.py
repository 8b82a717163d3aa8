"""Bootstrap styling shared by every form of the application, and its whole-number field."""

from django import forms
from django.core.exceptions import ValidationError

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


class BootstrapFormMixin:
    """Adds Bootstrap classes to widgets, and marks invalid fields for styles and screen readers."""

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

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-describedby"] = f"{self[name].auto_id}_error"
