from django import template
from django.utils.html import format_html

from roadmap.notation import NO_TARGET_DISPLAY

register = template.Library()


@register.simple_tag
def target_cell(item, year):
    """An item's target for a year, or a muted "–" where the regulation sets none."""
    target = item.targets_by_year.get(year)
    if target is None or not target.is_set:
        return format_html(
            '<span class="text-body-secondary" title="Tidak ada target">{}</span>', NO_TARGET_DISPLAY
        )
    return target.display
