from django.urls import path

from areas import views

app_name = "areas"

urlpatterns = [
    path("indicators/", views.IndicatorListView.as_view(), name="indicator-list"),
]
