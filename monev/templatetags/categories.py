"""The achievement categories' colours as CSS classes, from their one definition (monev.achievement).

Pages carry no style attributes (the Content-Security-Policy forbids them): a badge or bar of a
category takes the class ``cat-<key>``, a tinted card ``cat-soft-<key>``. The text on a coloured
badge is black or white, whichever contrasts more with it (WCAG 2.1).
"""

from django import template
from django.utils.html import format_html, format_html_join

from monev.achievement import DEFAULT_CATEGORIES

register = template.Library()


def luminance(colour: str) -> float:
    """WCAG relative luminance of a "#rrggbb" colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(colour: str) -> str:
    """Black or white text, whichever reads better on ``colour``."""
    return "#000" if contrast(colour, "#000000") >= contrast(colour, "#ffffff") else "#fff"


@register.simple_tag(takes_context=True)
def category_styles(context) -> str:
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", "") if request is not None else ""
    rules = format_html_join(
        "\n",
        ".cat-{0}{{background-color:{1}!important;color:{2}!important}}"
        ".cat-soft-{0}{{background-color:{1}1a!important}}",
        ((c.key, c.colour, readable_on(c.colour)) for c in DEFAULT_CATEGORIES),
    )
    return format_html('<style nonce="{}">{}</style>', nonce, rules)
