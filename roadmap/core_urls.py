from django.urls import path

from roadmap import views

app_name = "roadmap"

urlpatterns = [
    path("teams/", views.TeamListView.as_view(), name="team-list"),
    path("risks/", views.RiskListView.as_view(), name="risk-list"),
    path("regulation/", views.RegulationView.as_view(), name="regulation"),
]
