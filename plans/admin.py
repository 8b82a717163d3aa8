"""Agency plans in the Django admin, for system administrators (staff and agencies use the pages)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.models import AgencyPlan, PlanActivity, PlanIndicator, PlanTarget, StandardIndicator


@admin.register(StandardIndicator)
class StandardIndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "unit", "target_kind", "is_published"]
    list_filter = ["is_published", "area__edition"]
    search_fields = ["name"]


class PlanActivityInline(admin.TabularInline):
    model = PlanActivity
    extra = 0
    raw_id_fields = ["priority_activity", "action_row"]


@admin.register(AgencyPlan)
class AgencyPlanAdmin(SimpleHistoryAdmin):
    list_display = ["agency", "start_year", "status", "edition"]
    list_filter = ["status", "start_year"]
    search_fields = ["agency__name", "agency__short_name"]
    inlines = [PlanActivityInline]


class PlanTargetInline(admin.TabularInline):
    model = PlanTarget
    extra = 0


@admin.register(PlanIndicator)
class PlanIndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "area", "standard"]
    list_filter = ["plan__agency"]
    search_fields = ["name"]
    inlines = [PlanTargetInline]


@admin.register(PlanActivity)
class PlanActivityAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "area", "responsible_unit"]
    list_filter = ["plan__agency"]
    search_fields = ["name", "responsible_unit"]
    raw_id_fields = ["priority_activity", "action_row"]


@admin.register(PlanTarget)
class PlanTargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "year", "as_written"]
    list_filter = ["year"]
    search_fields = ["indicator__name"]
