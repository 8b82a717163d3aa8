from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from monev.models import (
    ActionProgress,
    Evidence,
    PlanCell,
    PlanStanding,
    Realisation,
    ReopenedItem,
    ReportingWindow,
    ReportSignatory,
    RiskReview,
    SentReminder,
    Standing,
)


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["title", "file", "original_name", "link", "uploaded_by", "uploaded_at"]
    readonly_fields = ["uploaded_at"]


@admin.register(Realisation)
class RealisationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "year", "period", "review_state", "reported_by", "updated_at"]
    list_filter = ["review_state", "year", "period", "indicator__area", "activity__agency"]
    search_fields = ["indicator__name", "activity__name", "note", "source"]
    list_select_related = ["indicator", "activity", "level", "reported_by"]
    raw_id_fields = ["indicator", "activity", "level", "reported_by"]
    inlines = [EvidenceInline]


@admin.register(ActionProgress)
class ActionProgressAdmin(SimpleHistoryAdmin):
    list_display = ["planned_action", "quarter", "contributor", "status", "percent", "review_state"]
    list_filter = ["review_state", "status", "quarter", "contributor"]
    search_fields = ["planned_action__text", "planned_action__row__name", "note"]
    list_select_related = ["planned_action", "contributor"]
    raw_id_fields = ["planned_action", "reported_by"]
    inlines = [EvidenceInline]


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = [
        "label",
        "realisation",
        "action_progress",
        "content_type",
        "size",
        "uploaded_by",
        "uploaded_at",
    ]
    list_filter = ["content_type"]
    search_fields = ["title", "original_name", "link"]
    raw_id_fields = ["realisation", "action_progress", "uploaded_by"]


class ReopenedItemInline(admin.TabularInline):
    model = ReopenedItem
    extra = 0
    raw_id_fields = ["indicator", "activity", "row", "reopened_by"]


@admin.register(ReportingWindow)
class ReportingWindowAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "is_open", "closes_on", "changed_by", "changed_at"]
    list_filter = ["is_open", "year", "period"]
    search_fields = ["year"]
    inlines = [ReopenedItemInline]


@admin.register(ReopenedItem)
class ReopenedItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "window", "active", "reopened_by", "reopened_at"]
    list_filter = ["active", "window"]
    search_fields = ["reason", "indicator__name", "activity__name", "row__name"]
    raw_id_fields = ["indicator", "activity", "row", "reopened_by"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "key", "user", "sent_at"]
    list_filter = ["kind"]
    search_fields = ["key", "user__username"]
    raw_id_fields = ["user"]


@admin.register(RiskReview)
class RiskReviewAdmin(SimpleHistoryAdmin):
    list_display = ["risk", "year", "status", "updated_by", "updated_at"]
    list_filter = ["year", "status"]
    search_fields = ["risk__obstacle", "note"]
    raw_id_fields = ["updated_by"]


@admin.register(ReportSignatory)
class ReportSignatoryAdmin(SimpleHistoryAdmin):
    list_display = ["order", "name", "position", "nip"]
    list_filter = ["position"]
    search_fields = ["name", "position", "nip"]


@admin.register(Standing)
class StandingAdmin(admin.ModelAdmin):
    """Kept by monev/standings.py; read only here (``rebuild_standings`` computes it again)."""

    list_display = ["item", "year", "cut", "state", "percent", "unverified"]
    list_filter = ["year", "cut", "state"]
    search_fields = ["item", "indicator__name", "activity__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StoredPlanAdmin(admin.ModelAdmin):
    """Kept by monev/plan_standings.py; read only here (``rebuild_plan_standings`` computes it again)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PlanStanding)
class PlanStandingAdmin(StoredPlanAdmin):
    list_display = ["planned_action", "cut", "done", "reported", "pending", "percent"]
    list_filter = ["cut", "done", "pending", "planned_action__year"]
    search_fields = ["planned_action__text", "planned_action__row__name"]
    list_select_related = ["planned_action"]


@admin.register(PlanCell)
class PlanCellAdmin(StoredPlanAdmin):
    list_display = ["row", "agency", "year", "quarter", "state"]
    list_filter = ["year", "quarter", "state"]
    search_fields = ["row__name", "agency__name"]
    list_select_related = ["row", "agency"]
