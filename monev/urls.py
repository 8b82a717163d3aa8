from django.urls import path

from monev.views import (
    action_plan,
    evidence,
    history,
    imports,
    items,
    review,
    targets,
    todo,
    windows,
)

app_name = "monev"

urlpatterns = [
    path("indicators/<int:pk>/", items.IndicatorDetailView.as_view(), name="indicator-detail"),
    path("indicators/<int:pk>/report/", items.IndicatorReportView.as_view(), name="indicator-report"),
    path("indicators/<int:pk>/history/", history.IndicatorHistoryView.as_view(), name="indicator-history"),
    path("indicators/<int:pk>/targets/", targets.IndicatorTargetsView.as_view(), name="indicator-targets"),
    path("activities/<int:pk>/", items.ActivityDetailView.as_view(), name="activity-detail"),
    path("activities/<int:pk>/report/", items.ActivityReportView.as_view(), name="activity-report"),
    path("activities/<int:pk>/history/", history.ActivityHistoryView.as_view(), name="activity-history"),
    path("activities/<int:pk>/targets/", targets.ActivityTargetsView.as_view(), name="activity-targets"),
    path("plan-indicators/<int:pk>/", items.PlanIndicatorDetailView.as_view(), name="plan_indicator-detail"),
    path(
        "plan-indicators/<int:pk>/report/",
        items.PlanIndicatorReportView.as_view(),
        name="plan_indicator-report",
    ),
    path("action-plan/<int:pk>/", action_plan.ActionRowDetailView.as_view(), name="action-row-detail"),
    path("action-plan/<int:pk>/progress/", action_plan.RowProgressView.as_view(), name="action-progress"),
    path(
        "action-plan/<int:pk>/contribution/",
        action_plan.ContributionView.as_view(),
        name="action-contribution",
    ),
    path("action-plan/<int:pk>/history/", history.RowHistoryView.as_view(), name="action-row-history"),
    path("evidence/<uuid:pk>/", evidence.download_evidence, name="evidence"),
    path("reports/<slug:kind>/<int:pk>/review/", review.review_report, name="review"),
    path("verification/", review.VerificationQueueView.as_view(), name="verification"),
    path("windows/", windows.WindowListView.as_view(), name="windows"),
    path("windows/reopen/<slug:kind>/<int:pk>/", windows.reopen_item, name="reopen-item"),
    path("tasks/", todo.TasksView.as_view(), name="tasks"),
    path("import/", imports.ImportView.as_view(), name="import"),
    path("import/template.xlsx", imports.TemplateDownloadView.as_view(), name="import-template"),
    path("import/preview/", imports.ImportPreviewView.as_view(), name="import-preview"),
]
