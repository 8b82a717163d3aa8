"""The base of every table page: a page size from the query string stays within bounds."""

import django_tables2 as tables
from django.core.paginator import Paginator

from roadmap.dates import format_datetime

DEFAULT_PER_PAGE = 50  # every list page's own size
MAX_PER_PAGE = 500


class Table(tables.Table):
    """A table whose ``?per_page=`` (``?r-per_page=`` with a prefix) cannot break the page: a size
    below 1 shows the default, a huge one is cut to ``MAX_PER_PAGE`` rows."""

    def paginate(self, paginator_class=Paginator, per_page=None, page=1, *args, **kwargs):
        if per_page is not None:
            per_page = min(per_page, MAX_PER_PAGE) if per_page >= 1 else DEFAULT_PER_PAGE
        return super().paginate(paginator_class, per_page, page, *args, **kwargs)


class DateTimeColumn(tables.DateTimeColumn):
    """A moment as every page writes it ("30 November 2026 14.05 WIB"); exports keep the value."""

    def render(self, value):
        return format_datetime(value)
