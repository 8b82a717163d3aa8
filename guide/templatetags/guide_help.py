"""Template tags of the guide: the help links of a page, and a step's words."""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from guide.guides import SHOWN, help_for

register = template.Library()


@register.inclusion_tag("guide/_page_help.html", takes_context=True)
def page_help(context):
    """Links to the guide sections that explain this page to this user, if a guide does."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    profile = context.get("user_profile")
    found = help_for(match.view_name, profile.role) if match and profile else []
    return {
        "links": [
            (f"{reverse('guide:guide', args=[guide.slug])}#{section.slug}", section.title)
            for guide, section in found
        ]
    }


@register.filter
def guide_words(text: str) -> str:
    """A step's words as HTML: *Name* (what the page shows under that name) in bold."""
    return mark_safe(SHOWN.sub(r"<strong>\1</strong>", escape(text)))
