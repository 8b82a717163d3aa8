from django.urls import path

from dashboards.views import achievement, agency_plans, completeness, dashboard, plan_progress, recap, yearend

app_name = "dashboards"

urlpatterns = [
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("achievement/", achievement.AchievementView.as_view(), name="achievement"),
    path(
        "achievement/action-plan/",
        plan_progress.ActionPlanProgressView.as_view(),
        name="action-plan-progress",
    ),
    path(
        "agency-plans/<int:pk>/progress/",
        agency_plans.AgencyPlanProgressView.as_view(),
        name="agency-plan-progress",
    ),
    path("agency-plans/ranking/", agency_plans.AgencyPlanRankingView.as_view(), name="agency-plan-ranking"),
    path("completeness/", completeness.CompletenessView.as_view(), name="completeness"),
    path("recap.xlsx", recap.RecapView.as_view(), name="recap"),
    path("report/", yearend.YearEndReportView.as_view(), name="report"),
    path("report/risks/", yearend.RiskReviewView.as_view(), name="report-risks"),
    path("report/signatories/", yearend.SignatoryView.as_view(), name="report-signatories"),
]
