from django.apps import AppConfig


class GuideConfig(AppConfig):
    """The in-app user guide (*Bantuan*): one guide per role as data, and *Apa yang baru* (no models)."""

    name = "guide"
