from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from followup.models import Finding, Step


@admin.register(Finding)
class FindingAdmin(SimpleHistoryAdmin):
    list_display = ["year", "source", "agency", "state", "deadline"]
    list_filter = ["year", "source", "state"]


@admin.register(Step)
class StepAdmin(SimpleHistoryAdmin):
    list_display = ["finding", "finished", "recorded_at"]
