from django.apps import AppConfig


class FollowupConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "followup"
    verbose_name = "Tindak lanjut hasil monev"

    def ready(self):
        # Tugas saya and the reminders (monev) know nothing of this app: it registers its tasks there.
        from followup.tasks import connect

        connect()
