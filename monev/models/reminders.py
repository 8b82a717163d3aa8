"""A record of every reminder e-mail sent, so that none is ever sent twice."""

from django.conf import settings
from django.db import models


class SentReminder(models.Model):
    class Kind(models.TextChoices):
        WINDOW_OPENED = "window_opened", "Jendela pelaporan dibuka"
        WINDOW_CLOSING = "window_closing", "Jendela pelaporan segera ditutup"
        REPORT_RETURNED = "report_returned", "Laporan dikembalikan"
        DEADLINE_NEAR = "deadline_near", "Batas waktu tugas mendekat"
        DEADLINE_PASSED = "deadline_passed", "Batas waktu tugas terlewati"

    kind = models.CharField("jenis", max_length=20, choices=Kind.choices)
    key = models.CharField(
        "kunci", max_length=120, help_text="Apa yang diingatkan, mis. jendela dan tanggal tutupnya."
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField("dikirim", auto_now_add=True)

    class Meta:
        verbose_name = "pengingat terkirim"
        verbose_name_plural = "pengingat terkirim"
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "user"], name="one_reminder_per_user_and_event")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.user} ({self.key})"
