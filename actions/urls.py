from django.urls import path

from actions import opendata
from actions.views import areas, lists

app_name = "actions"

urlpatterns = [
    path("", areas.OverviewView.as_view(), name="overview"),
    path("areas/<int:pk>/", areas.AreaDetailView.as_view(), name="area-detail"),
    path("agencies/", lists.AgencyListView.as_view(), name="agency-list"),
    path("agencies/<slug:code>/", lists.AgencyDetailView.as_view(), name="agency-detail"),
    path("activities/", lists.ActivityListView.as_view(), name="activity-list"),
    path("action-plan/", lists.ActionPlanListView.as_view(), name="action-plan"),
    path("quick-wins/", lists.QuickWinListView.as_view(), name="quick-win-list"),
    path("roadmap/export.json", opendata.export_json, name="export-json"),
    path("roadmap/export/<slug:table>.csv", opendata.export_csv, name="export-csv"),
    path("open-data/", opendata.OpenDataView.as_view(), name="open-data"),
]
