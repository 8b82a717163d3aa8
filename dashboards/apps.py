from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    """The read side: dashboards, recaps, the completeness matrix and the year-end report (no models)."""

    name = "dashboards"
