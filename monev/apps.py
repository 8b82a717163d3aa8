from django.apps import AppConfig


class MonevConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monev"

    def ready(self):
        from monev import plan_standings, standings  # noqa: F401  (their signals keep stored rows in step)
