"""The base of every table page: a page size from the query string stays within bounds."""

import django_tables2 as tables
from django.core.paginator import Paginator
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django_tables2.columns import ManyToManyColumn
from django_tables2.columns.linkcolumn import BaseLinkColumn
from django_tables2.utils import signature

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


# The rows of a OnePassRows table come whole from ``body_rows``; the rest is the usual template.
ONE_PASS_TEMPLATE = "_one_pass_table.html"
LIBRARY_COLUMNS = (BaseLinkColumn, ManyToManyColumn)


class OnePassRows:
    """A table whose page of rows is written in one Python pass (``ONE_PASS_TEMPLATE``).

    django-tables2 renders each cell through its template and works out the column's attributes and
    render arguments cell by cell: on a 50-row page that was most of the page's time. Headers,
    sorting and pagination stay the library's. Private helpers of django-tables2 3.0.1 are used
    (``BoundRow._optional_cell_arguments``); the parity tests fail if an upgrade changes them.
    """

    def body_rows(self) -> list[SafeString]:
        """The page's ``<tr>``s as django-tables2's row template writes them (tests/test_review.py,
        tests/test_dashboard.py and tests/test_followup.py compare the two), each column's td
        attributes and render arguments found once per page rather than once per cell."""
        plan = []
        for column in self.columns:
            wanted, catch_all = signature(column.render)
            field = column.accessor.get_field(self._meta.model) if self._meta.model else None
            # Where the library does more than read the value (a choice's label, a link, a
            # many-to-many list), its own way, cell by cell.
            library = (
                column.link or getattr(field, "choices", None) or isinstance(column.column, LIBRARY_COLUMNS)
            )
            # A render taking only the value and the record, of an attribute of the record: both
            # handed straight to it, without the library's dictionary of every possible argument.
            plain = not catch_all and set(wanted) <= {"value", "record"} and len(column.accessor.bits) == 1
            attribute = column.accessor.bits[0] if plain else None
            plan.append(
                (column, column.attrs["td"].as_html(), None if catch_all else wanted, library, attribute)
            )
        rows = []
        for row in self.paginated_rows:
            record = row.record
            cells = []
            for column, td, wanted, library, attribute in plan:
                if library:
                    content = row.get_cell(column.name)
                else:
                    value = cell_value(record, column, attribute)
                    if value in column.column.empty_values:
                        content = column.default
                    elif attribute is not None:
                        content = column.render(
                            **{name: value if name == "value" else record for name in wanted}
                        )
                    else:
                        arguments = row._optional_cell_arguments(column, value)
                        if wanted is not None:
                            arguments = {name: arguments[name] for name in wanted}
                        content = column.render(**arguments)
                cells.append(f"<td {td}>{conditional_escape(localize(content))}</td>\n")
            rows.append(mark_safe(f"<tr {row.attrs.as_html()}>\n{''.join(cells)}</tr>"))
        return rows


def cell_value(record, column, attribute: str | None):
    """A cell's value: an ``attribute`` of an object read straight (the accessor tries a dictionary
    lookup first, whose exception costs more than the read), anything else (a dictionary, a path, a
    method, a missing related object) as the library resolves it."""
    if attribute is not None and not isinstance(record, dict):
        value = getattr(record, attribute, MISSING)  # a missing related object is an AttributeError
        if value is not MISSING and not callable(value):
            return value
    return column.accessor.resolve(record, quiet=True)


MISSING = object()


class DateTimeColumn(tables.DateTimeColumn):
    """A moment as every page writes it ("30 November 2026 14.05 WIB"); exports keep the value."""

    def render(self, value):
        return format_datetime(value)
