"""An agency's own reform plan (Rencana Aksi RB Perangkat Daerah) and the Pokja's standard indicators."""

from plans.models.plan import AgencyPlan, PlanActivity, PlanIndicator, PlanStatus, PlanTarget
from plans.models.standard import StandardIndicator

__all__ = ["AgencyPlan", "PlanActivity", "PlanIndicator", "PlanStatus", "PlanTarget", "StandardIndicator"]
