from django.urls import path

from opendata.views import files, pages

app_name = "opendata"

urlpatterns = [
    path("data-terbuka/", pages.progress_page, name="progress"),
    path("data-terbuka/capaian.json", files.progress_json, name="json"),
    path("data-terbuka/<slug:table>.csv", files.progress_csv, name="csv"),
    path("data-terbuka/skema/", pages.schema_page, name="schema"),
    path("data-terbuka/skema/v<int:version>.json", files.schema_json, name="schema-json"),
]
