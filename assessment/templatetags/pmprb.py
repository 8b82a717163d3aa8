"""How PMPRB figures are written on pages: scores and values with two decimals (rounded half up, as the
predikat is read), weights as typed, a change with its sign."""

from decimal import Decimal

from django import template

from monev.achievement import round_percent
from roadmap.notation import format_number

register = template.Library()
DASH = "–"


@register.filter
def score(value: Decimal | None) -> str:
    return DASH if value is None else format_number(round_percent(Decimal(value)), places=2)


@register.filter
def weight(value: Decimal | None) -> str:
    return DASH if value is None else format_number(value)


@register.filter
def change(value: Decimal | None) -> str:
    """ "+1,25" or "−0,50" (a true minus sign), "0,00" for no change."""
    if value is None:
        return DASH
    text = format_number(abs(round_percent(Decimal(value))), places=2)
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else text
