"""The Pokja's template: indicators every agency's plan includes, each agency with its own targets."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from areas.models import Aggregation, ChangeArea, Direction, Scale, TargetKind


class StandardIndicator(models.Model):
    """A standard agency indicator of a change area, published by Bagian Organisasi (the Pokja's form)."""

    area = models.ForeignKey(
        ChangeArea, on_delete=models.PROTECT, related_name="standard_plan_indicators", verbose_name="area"
    )
    order = models.PositiveSmallIntegerField("urutan", default=1)
    name = models.CharField("indikator", max_length=300)
    unit = models.CharField("satuan", max_length=100, blank=True)
    target_kind = models.CharField(
        "jenis target", max_length=10, choices=TargetKind.choices, default=TargetKind.NUMBER
    )
    scale = models.ForeignKey(
        Scale, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="skala"
    )
    direction = models.CharField(
        "arah", max_length=10, choices=Direction.choices, default=Direction.HIGHER_IS_BETTER
    )
    aggregation = models.CharField(
        "rekap tahunan", max_length=10, choices=Aggregation.choices, default=Aggregation.LATEST
    )
    is_published = models.BooleanField(
        "diterbitkan",
        default=True,
        help_text="Indikator yang diterbitkan masuk ke setiap rencana aksi yang dibuat sesudahnya.",
    )

    class Meta:
        verbose_name = "indikator standar Perangkat Daerah"
        verbose_name_plural = "indikator standar Perangkat Daerah"
        ordering = ["area__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="unique_standard_indicator_name"),
            models.CheckConstraint(
                condition=~Q(target_kind=TargetKind.LEVEL) | Q(scale__isnull=False),
                name="level_standard_indicator_has_scale",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.target_kind == TargetKind.LEVEL and self.scale_id is None:
            raise ValidationError({"scale": "Indikator dengan target berupa tingkat wajib memiliki skala."})
