"""Template filters for dates and times in the application's one format (see roadmap.dates).

A builtin of the template engine (settings.TEMPLATES): ``{{ report.updated_at|id_datetime }}``.
"""

from django import template
from django.utils import timezone

from roadmap import dates

register = template.Library()


@register.filter
def id_date(value) -> str:
    return dates.format_date(value or None)


@register.filter
def id_time(value) -> str:
    return dates.format_time(value or None)


@register.filter
def id_datetime(value) -> str:
    return dates.format_datetime(value or None)


@register.simple_tag
def id_now() -> str:
    """Now, as a page says when it was printed."""
    return dates.format_datetime(timezone.now())
