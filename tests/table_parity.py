"""One-pass tables (``roadmap.tables.OnePassRows``) against django-tables2's own row template."""

import re
from collections.abc import Callable

import django_tables2
from django.template import Context, Template

LIBRARY_TEMPLATE = "django_tables2/bootstrap5-id.html"  # the library's rows, cell by cell


def written_both_ways(make_table: Callable, request, per_page: int) -> tuple[str, str]:
    """The table as written in one pass and as the library's row template writes it, white space
    folded: ``make_table(template_name=...)`` builds the table each time."""
    written = []
    for template in (None, LIBRARY_TEMPLATE):
        table = make_table(template_name=template)
        django_tables2.RequestConfig(request, paginate={"per_page": per_page}).configure(table)
        html = Template("{% load django_tables2 %}{% render_table t %}").render(
            Context({"t": table, "request": request})
        )
        written.append(re.sub(r"\s+", " ", html.replace(">", "> ").replace("<", " <")))
    return written[0], written[1]
