from django.apps import AppConfig


class FollowupConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "followup"
    verbose_name = "Tindak lanjut hasil monev"

    def ready(self):
        # Tugas saya and the reminders (monev) know nothing of this app: it registers its tasks there.
        from followup import demo, scale, tasks

        tasks.connect()
        demo.connect()  # seed_demo (monev) knows nothing of this app: it announces itself and this app answers
        scale.connect()
