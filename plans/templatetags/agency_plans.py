"""An agency's own plans beside its road map items (the agency page, which the actions app renders)."""

from django import template

from plans.access import visible_plans

register = template.Library()


@register.inclusion_tag("plans/_agency_plans.html", takes_context=True)
def agency_plans(context, agency):
    profile = context.get("user_profile")
    plans = list(visible_plans(profile).filter(agency=agency)) if profile is not None else []
    return {"agency": agency, "plans": plans, "user_profile": profile}
