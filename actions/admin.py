from django.contrib import admin

from actions.models import (
    ActionPlanGroup,
    ActionPlanLead,
    ActionPlanRow,
    ActivityTarget,
    PlannedAction,
    PriorityActivity,
    QuickWin,
)


@admin.register(QuickWin)
class QuickWinAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "lead_agency", "edition"]
    list_display_links = ["name"]
    list_filter = ["edition", "lead_agency"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["lead_agency"]


class ActivityTargetInline(admin.TabularInline):
    model = ActivityTarget
    extra = 0
    exclude = ["level"]


@admin.register(PriorityActivity)
class PriorityActivityAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "quick_win", "unit", "agency", "aggregation"]
    list_filter = ["area", "quick_win", "agency", "aggregation"]
    search_fields = ["name", "unit", "agency__name"]
    list_select_related = ["area", "quick_win", "agency"]
    autocomplete_fields = ["agency"]
    inlines = [ActivityTargetInline]


@admin.register(ActivityTarget)
class ActivityTargetAdmin(admin.ModelAdmin):
    list_display = ["activity", "year", "as_written", "number"]
    list_filter = ["year"]
    search_fields = ["activity__name", "as_written"]
    list_select_related = ["activity"]
    exclude = ["level"]


@admin.register(ActionPlanGroup)
class ActionPlanGroupAdmin(admin.ModelAdmin):
    list_display = ["area", "order", "code", "title", "parent"]
    list_filter = ["area"]
    search_fields = ["title", "code"]


class ActionPlanLeadInline(admin.TabularInline):
    model = ActionPlanLead
    extra = 0
    autocomplete_fields = ["agency"]


class PlannedActionInline(admin.TabularInline):
    model = PlannedAction
    extra = 0


@admin.register(ActionPlanRow)
class ActionPlanRowAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "group", "support_scope"]
    list_filter = ["area", "support_scope", "lead_agencies"]
    search_fields = ["name", "planned_actions__text", "lead_agencies__name"]
    list_select_related = ["area", "group"]
    filter_horizontal = ["supporting_agencies"]
    inlines = [ActionPlanLeadInline, PlannedActionInline]


@admin.register(PlannedAction)
class PlannedActionAdmin(admin.ModelAdmin):
    list_display = ["row", "year", "order", "text"]
    list_filter = ["year", "row__area"]
    search_fields = ["text", "row__name"]
    list_select_related = ["row"]


@admin.register(ActionPlanLead)
class ActionPlanLeadAdmin(admin.ModelAdmin):
    list_display = ["row", "agency", "order"]
    list_filter = ["agency", "row__area"]
    search_fields = ["row__name", "agency__name"]
    list_select_related = ["row", "agency"]
    autocomplete_fields = ["agency"]
