from django.urls import path

from monev.views import achievement, action_plan, evidence, items

app_name = "monev"

urlpatterns = [
    path("indicators/<int:pk>/", items.IndicatorDetailView.as_view(), name="indicator-detail"),
    path("indicators/<int:pk>/report/", items.IndicatorReportView.as_view(), name="indicator-report"),
    path("activities/<int:pk>/", items.ActivityDetailView.as_view(), name="activity-detail"),
    path("activities/<int:pk>/report/", items.ActivityReportView.as_view(), name="activity-report"),
    path("action-plan/<int:pk>/", action_plan.ActionRowDetailView.as_view(), name="action-row-detail"),
    path("action-plan/<int:pk>/progress/", action_plan.RowProgressView.as_view(), name="action-progress"),
    path(
        "action-plan/<int:pk>/contribution/",
        action_plan.ContributionView.as_view(),
        name="action-contribution",
    ),
    path("evidence/<uuid:pk>/", evidence.download_evidence, name="evidence"),
    path("achievement/", achievement.AchievementView.as_view(), name="achievement"),
    path(
        "achievement/action-plan/", achievement.ActionPlanProgressView.as_view(), name="action-plan-progress"
    ),
]
