from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """Open data of verified progress: public JSON, CSV and a page, read from monev (no models)."""

    name = "opendata"
    verbose_name = "Data terbuka capaian"
