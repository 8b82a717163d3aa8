"""Links that keep the edition a page shows (roadmap.mixins.EditionMixin decides which one).

The edition in force needs no parameter, so its links stay as they always were; another edition's
pages carry ``edition=<id>`` in every link and GET form that leads to another edition page.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

register = template.Library()


def shown_edition_pk(context) -> int | None:
    """The edition a link must name: the one shown, unless it is the one in force."""
    request = context.get("request")
    edition = getattr(request, "edition", None)
    if edition is None or getattr(request, "edition_in_force", True):
        return None
    return edition.pk


@register.simple_tag(takes_context=True)
def edition_url(context, name, *args, **query):
    """``reverse(name, args)`` with ``query`` (empty values left out) and the shown edition."""
    params = {key: value for key, value in query.items() if value not in (None, "")}
    edition = shown_edition_pk(context)
    if edition is not None:
        params["edition"] = edition
    url = reverse(name, args=args)
    return f"{url}?{urlencode(params)}" if params else url


@register.simple_tag(takes_context=True)
def edition_field(context):
    """The hidden field a GET form needs to stay on the edition shown."""
    edition = shown_edition_pk(context)
    if edition is None:
        return ""
    return format_html('<input type="hidden" name="edition" value="{}">', edition)


@register.simple_tag(takes_context=True)
def edition_here(context):
    """This page without its filters, on the edition shown ("Hapus saringan")."""
    path = context["request"].path
    edition = shown_edition_pk(context)
    return path if edition is None else f"{path}?{urlencode({'edition': edition})}"
