from django import template
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def document_cell(cell, tag="td"):
    """One cell of a DocumentTable: a string, or {"text", "colspan", "rowspan"}."""
    if isinstance(cell, dict):
        text, colspan, rowspan = cell.get("text", ""), cell.get("colspan", 1), cell.get("rowspan", 1)
    else:
        text, colspan, rowspan = cell, 1, 1
    spans = format_html(
        "{}{}",
        format_html(' colspan="{}"', colspan) if colspan > 1 else "",
        format_html(' rowspan="{}"', rowspan) if rowspan > 1 else "",
    )
    scope = format_html(' scope="{}"', "colgroup" if colspan > 1 else "col") if tag == "th" else ""
    body = mark_safe(linebreaks(text, autoescape=True)) if "\n" in text else text
    return format_html("<{tag}{spans}{scope}>{body}</{tag}>", tag=tag, spans=spans, scope=scope, body=body)
