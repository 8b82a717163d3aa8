from django.urls import path

from assessment.views import evidence, exports, models, review, rounds, worksheet

app_name = "assessment"

urlpatterns = [
    path("pmprb/", rounds.RoundListView.as_view(), name="round-list"),
    path("pmprb/open/", rounds.RoundOpenView.as_view(), name="round-open"),
    path("pmprb/<int:pk>/", rounds.RoundDetailView.as_view(), name="round-detail"),
    path("pmprb/<int:pk>/settings/", rounds.RoundSettingsView.as_view(), name="round-settings"),
    path("pmprb/<int:pk>/close/", rounds.RoundCloseView.as_view(), name="round-close"),
    path("pmprb/<int:pk>/summary/", rounds.RoundSummaryView.as_view(), name="round-summary"),
    path("pmprb/<int:pk>/pmprb.xlsx", exports.RoundWorkbookView.as_view(), name="round-workbook"),
    path("pmprb/assessments/<int:pk>/", worksheet.AssessmentDetailView.as_view(), name="assessment-detail"),
    path(
        "pmprb/assessments/<int:pk>/answer/<slug:code>/",
        worksheet.AnswerView.as_view(),
        name="assessment-answer",
    ),
    path("pmprb/assessments/<int:pk>/submit/", worksheet.submit_assessment, name="assessment-submit"),
    path("pmprb/assessments/<int:pk>/agree/", review.agree_with_all, name="assessment-agree"),
    path(
        "pmprb/assessments/<int:pk>/worksheet.xlsx",
        exports.AssessmentWorkbookView.as_view(),
        name="assessment-workbook",
    ),
    path("pmprb/answers/<int:pk>/review/", review.AnswerReviewView.as_view(), name="answer-review"),
    path("pmprb/evidence/<uuid:pk>/", evidence.download_evidence, name="evidence"),
    path("pmprb/models/", models.ModelListView.as_view(), name="model-list"),
    path("pmprb/models/<int:pk>/", models.ModelDetailView.as_view(), name="model-detail"),
    path("pmprb/models/<int:pk>/questions/", models.QuestionImportView.as_view(), name="question-import"),
    path(
        "pmprb/models/<int:pk>/questions/preview/",
        models.QuestionPreviewView.as_view(),
        name="question-preview",
    ),
    path(
        "pmprb/models/<int:pk>/questions.xlsx",
        models.QuestionWorkbookView.as_view(),
        name="question-workbook",
    ),
]
