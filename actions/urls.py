from django.urls import path

from actions import opendata, views

app_name = "actions"

urlpatterns = [
    path("agencies/", views.AgencyListView.as_view(), name="agency-list"),
    path("agencies/<slug:code>/", views.AgencyDetailView.as_view(), name="agency-detail"),
    path("activities/", views.ActivityListView.as_view(), name="activity-list"),
    path("action-plan/", views.ActionPlanListView.as_view(), name="action-plan"),
    path("quick-wins/", views.QuickWinListView.as_view(), name="quick-win-list"),
    path("roadmap/export.json", opendata.export_json, name="export-json"),
    path("roadmap/export/<slug:table>.csv", opendata.export_csv, name="export-csv"),
    path("open-data/", opendata.OpenDataView.as_view(), name="open-data"),
]
