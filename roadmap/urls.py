"""Root URLs. Each app owns its own URL module."""

from django.contrib import admin
from django.urls import include, path

from roadmap.views import favicon

urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("", include("areas.urls")),
    path("", include("actions.urls")),
    path("", include("roadmap.core_urls")),
    path("", include("editions.urls")),
    path("", include("monev.urls")),
    path("", include("dashboards.urls")),
    path("", include("assessment.urls")),
    path("", include("opendata.urls")),
    path("", include("followup.urls")),
    path("", include("plans.urls")),
    path("", include("guide.urls")),
    path("accounts/", include("roadmap.accounts.urls")),
    path("admin/", admin.site.urls),
]
