from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessment"
    verbose_name = "Penilaian Mandiri (PMPRB)"

    def ready(self):
        # seed_demo (monev) knows nothing of this app: it announces itself and this app answers.
        from assessment import demo, scale, stored

        stored.connect()  # each assessment's counted answers, in step with every write
        demo.connect()
        scale.connect()
