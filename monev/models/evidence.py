"""Evidence (bukti dukung) attached to a report: an uploaded file or a link."""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import get_valid_filename
from simple_history.models import HistoricalRecords

from monev.models.progress import ActionProgress
from monev.models.realisations import Realisation


def evidence_path(instance: "Evidence", filename: str) -> str:
    # A random folder per file: the stored path reveals nothing and cannot be guessed.
    return f"evidence/{uuid.uuid4().hex}/{get_valid_filename(filename)[-120:]}"


class Evidence(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    realisation = models.ForeignKey(
        Realisation, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    action_progress = models.ForeignKey(
        ActionProgress, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    file = models.FileField("berkas", upload_to=evidence_path, max_length=200, blank=True)
    original_name = models.CharField("nama berkas", max_length=200, blank=True)
    content_type = models.CharField("jenis isi", max_length=120, blank=True)
    size = models.PositiveBigIntegerField("ukuran (bita)", null=True, blank=True)
    link = models.URLField("tautan", max_length=500, blank=True)
    title = models.CharField("judul", max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diunggah oleh",
    )
    uploaded_at = models.DateTimeField("diunggah", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(realisation__isnull=False, action_progress__isnull=True)
                | Q(realisation__isnull=True, action_progress__isnull=False),
                name="evidence_of_one_report",
            ),
            models.CheckConstraint(condition=~Q(file="") | ~Q(link=""), name="evidence_is_a_file_or_a_link"),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("monev:evidence", kwargs={"pk": self.pk}) if self.file else self.link

    @property
    def label(self) -> str:
        """How lists name it: a title says what it is, so a file and a link of one title differ."""
        if not self.title:
            return self.original_name or self.link
        if self.file:
            return f"{self.title} ({self.original_name or 'berkas'})"
        return f"{self.title} (tautan {urlsplit(self.link).hostname or ''})".replace(" )", ")")
