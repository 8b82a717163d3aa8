from django.apps import AppConfig


class MonevConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "monev"

    def ready(self):
        from monev import standings  # noqa: F401  (its signals keep stored standings in step)
