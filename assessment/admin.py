"""The self-assessment in the Django admin, for system administrators (staff use the pages)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assessment.models import (
    Answer,
    AnswerEvidence,
    Assessment,
    Component,
    CountedAnswers,
    ModelVersion,
    Question,
    Round,
    SubComponent,
)


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "regulation", "first_year", "last_year", "regency_share"]
    list_filter = ["first_year"]
    search_fields = ["name", "code", "regulation"]


@admin.register(Component)
class ComponentAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "model", "weight"]
    list_filter = ["model"]
    search_fields = ["name", "code"]


@admin.register(SubComponent)
class SubComponentAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "component", "weight", "uncertain"]
    list_filter = ["model", "component", "uncertain"]
    search_fields = ["name", "code", "source"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "subcomponent", "kind", "weight", "is_example"]
    list_filter = ["model", "subcomponent", "kind", "is_example"]
    search_fields = ["code", "text"]


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ["year", "model", "is_open", "weak_threshold"]
    list_filter = ["is_open", "model"]
    search_fields = ["year"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["round", "agency", "submitted_at"]
    list_filter = ["round"]
    search_fields = ["agency__name"]


@admin.register(Answer)
class AnswerAdmin(SimpleHistoryAdmin):
    list_display = [
        "assessment",
        "question",
        "choice",
        "number",
        "review_state",
        "reviewer_choice",
        "reviewer_number",
    ]
    list_filter = ["assessment__round", "review_state"]
    search_fields = ["question__code", "assessment__agency__name", "explanation", "review_note"]
    raw_id_fields = ["assessment", "question", "reported_by", "reviewed_by"]


@admin.register(AnswerEvidence)
class AnswerEvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["label", "answer", "uploaded_by", "uploaded_at"]
    list_filter = ["uploaded_at"]
    search_fields = ["title", "original_name", "link"]
    raw_id_fields = ["answer", "uploaded_by"]


@admin.register(CountedAnswers)
class CountedAnswersAdmin(admin.ModelAdmin):
    """Kept by assessment/stored.py; read only here (``rebuild_pmprb_values`` rebuilds it)."""

    list_display = ["assessment"]
    list_filter = ["assessment__round"]
    search_fields = ["assessment__agency__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
