from django.urls import path

from guide import views

app_name = "guide"

urlpatterns = [
    path("help/", views.HelpIndexView.as_view(), name="index"),
    path("help/whats-new/", views.WhatsNewView.as_view(), name="whats-new"),
    path("help/<slug:slug>/", views.GuideView.as_view(), name="guide"),
]
