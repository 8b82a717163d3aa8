"""The import preview's rows, one line of the file each, written in one pass.

A 500-line file is a 500-row table: written by the template language, its nodes cost more than
checking the lines. The markup is the one templates/monev/import_preview.html had.
"""

from django import template
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

ERROR_ROW = mark_safe(' class="table-danger"')


@register.filter
def preview_row(line) -> str:
    """The line's row number, code, item, outcome, and what it changes or what is wrong with it."""
    if line.entry:
        item = format_html('<a href="{}">{}</a>', line.entry.item.get_absolute_url(), line.name)
    else:
        item = line.name or "–"
    changes = ""
    if line.changes and line.outcome != "error":
        changes = format_html(
            '<ul class="mb-0 ps-3">{}</ul>',
            format_html_join("", "<li>{}: <del>{}</del> → <strong>{}</strong></li>", line.changes),
        )
    return format_html(
        '<tr{}>\n<td class="text-end">{}</td>\n<td class="text-nowrap">{}</td>\n<td class="small">{}</td>\n'
        '<td><span class="badge import-{}">{}</span></td>\n<td class="small">\n{}\n{}\n{}\n</td>\n</tr>',
        ERROR_ROW if line.outcome == "error" else "",
        localize(line.row),
        line.code or "–",
        item,
        line.outcome,
        line.outcome_label,
        changes,
        format_html_join("", '<div class="text-danger">{}: {}</div>', line.errors),
        format_html_join("", '<div class="text-warning-emphasis">Periksa {}: {}</div>', line.warnings),
    )
