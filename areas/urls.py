from django.urls import path

from areas import views

app_name = "areas"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("areas/<int:pk>/", views.AreaDetailView.as_view(), name="area-detail"),
    path("indicators/", views.IndicatorListView.as_view(), name="indicator-list"),
]
