"""Priority activities, quick wins and the action plan (Rencana Aksi) of an edition."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from areas.models import (
    ChangeArea,
    MeasuredItem,
    YearTarget,
    active_in_year,
    dropped_from_field,
    predecessor_field,
    year_target_constraints,
)
from roadmap.models import Agency, RoadmapEdition


class QuickWin(models.Model):
    """A quick win of section IV.C: a fast, visible reform led by one agency."""

    edition = models.ForeignKey(RoadmapEdition, on_delete=models.CASCADE, related_name="quick_wins")
    number = models.PositiveSmallIntegerField("nomor")
    name = models.CharField("nama", max_length=200)
    description = models.TextField("uraian")
    lead_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="led_quick_wins",
        verbose_name="perangkat daerah pengampu",
    )
    product = models.CharField(
        "wujud", max_length=200, blank=True, help_text="Mis. Mall Pelayanan Publik (MPP)."
    )
    predecessor = predecessor_field()

    class Meta:
        verbose_name = "quick win"
        verbose_name_plural = "quick wins"
        ordering = ["edition", "number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_quick_win_number"),
            models.UniqueConstraint(fields=["edition", "name"], name="unique_quick_win_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actions:quick-win-list") + f"#quick-win-{self.number}"


class PriorityActivityQuerySet(models.QuerySet):
    def of_edition(self, edition: RoadmapEdition) -> "PriorityActivityQuerySet":
        return self.filter(Q(area__edition=edition) | Q(quick_win__edition=edition))

    def of_editions(self, editions) -> "PriorityActivityQuerySet":
        return self.filter(Q(area__edition__in=editions) | Q(quick_win__edition__in=editions))

    def led_by(self, agency: Agency) -> "PriorityActivityQuerySet":
        return self.filter(agency=agency)

    def active_in(self, year: int) -> "PriorityActivityQuerySet":
        return self.filter(active_in_year(year))


class PriorityActivity(MeasuredItem):
    """A priority activity (Kegiatan Prioritas) of an area, or a row of a quick win's target table."""

    area = models.ForeignKey(
        ChangeArea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="area perubahan",
    )
    quick_win = models.ForeignKey(
        QuickWin,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="quick win",
    )
    order = models.PositiveSmallIntegerField("urutan")
    name = models.CharField("kegiatan", max_length=300)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_activities",
        verbose_name="perangkat daerah pengampu",
    )
    agency_note = models.CharField(
        "dasar penetapan pengampu",
        max_length=300,
        blank=True,
        help_text="Bila tabel sumber tidak menyebut Pengampu: dari mana Perangkat Daerah ini ditetapkan.",
    )
    predecessor = predecessor_field()

    objects = PriorityActivityQuerySet.as_manager()

    class Meta:
        verbose_name = "kegiatan prioritas"
        verbose_name_plural = "kegiatan prioritas"
        # Areas first, then quick wins, on every database: SQLite sorts NULLs first, PostgreSQL last.
        ordering = [
            models.F("area__order").asc(nulls_last=True),
            models.F("quick_win__number").asc(nulls_last=True),
            "order",
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(area__isnull=False, quick_win__isnull=True)
                | Q(area__isnull=True, quick_win__isnull=False),
                name="activity_in_area_xor_quick_win",
            ),
            models.UniqueConstraint(
                fields=["area", "order"], condition=Q(area__isnull=False), name="unique_area_activity_order"
            ),
            models.UniqueConstraint(
                fields=["quick_win", "order"],
                condition=Q(quick_win__isnull=False),
                name="unique_quick_win_activity_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (self.area_id is None) == (self.quick_win_id is None):
            raise ValidationError(
                "Kegiatan prioritas harus termasuk satu area perubahan atau satu quick win."
            )

    @property
    def edition(self) -> RoadmapEdition:
        return self.area.edition if self.area_id else self.quick_win.edition

    @property
    def edition_pk(self) -> int:
        return self.area.edition_id if self.area_id else self.quick_win.edition_id


class ActivityTarget(YearTarget):
    activity = models.ForeignKey(PriorityActivity, on_delete=models.CASCADE, related_name="targets")

    class Meta:
        verbose_name = "target kegiatan"
        verbose_name_plural = "target kegiatan"
        ordering = ["activity", "year"]
        constraints = year_target_constraints("activity_target", "activity")

    def __str__(self) -> str:
        return f"{self.activity} {self.year}: {self.as_written or '-'}"

    def clean(self) -> None:
        if self.level_id is not None:
            raise ValidationError({"level": "Target kegiatan prioritas berupa angka."})


class ActionPlanGroup(models.Model):
    """A heading of the action plan that groups sub-activities, e.g. "b.1 Komponen kinerja organisasi"."""

    area = models.ForeignKey(ChangeArea, on_delete=models.CASCADE, related_name="action_groups")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name="induk"
    )
    order = models.PositiveSmallIntegerField("urutan")
    code = models.CharField("nomor", max_length=10, blank=True)
    title = models.CharField("judul", max_length=300)

    class Meta:
        verbose_name = "kelompok rencana aksi"
        verbose_name_plural = "kelompok rencana aksi"
        ordering = ["area", "order"]
        constraints = [models.UniqueConstraint(fields=["area", "order"], name="unique_action_group_order")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}".strip()

    def clean(self) -> None:
        if self.parent_id and self.parent.area_id != self.area_id:
            raise ValidationError({"parent": "Kelompok induk harus berada pada area yang sama."})


class SupportScope(models.TextChoices):
    """Who the source names as supporting agencies (Pendukung) of an action-plan row."""

    LISTED = "listed", "Perangkat Daerah yang disebut"
    ALL = "all", "Seluruh Perangkat Daerah"
    AREA_RELATED = "area", "Perangkat Daerah terkait area perubahan"


class ActionPlanRowQuerySet(models.QuerySet):
    def of_edition(self, edition: RoadmapEdition) -> "ActionPlanRowQuerySet":
        return self.filter(area__edition=edition)

    def led_by(self, agency: Agency) -> "ActionPlanRowQuerySet":
        return self.filter(lead_agencies=agency)

    def active_in(self, year: int) -> "ActionPlanRowQuerySet":
        return self.filter(active_in_year(year))

    def supported_by(self, agency: Agency) -> "ActionPlanRowQuerySet":
        """Rows the agency supports without leading them.

        A row supports by name, by "Seluruh Perangkat Daerah" (every agency), or by
        "Perangkat Daerah terkait area perubahan", read as the area's working group (Pokja).
        """
        supports = (
            Q(supporting_agencies=agency)
            | Q(support_scope=SupportScope.ALL)
            | Q(support_scope=SupportScope.AREA_RELATED, area__pokja_memberships__agency=agency)
        )
        led = self.filter(lead_agencies=agency).values("pk")
        return self.filter(supports).exclude(pk__in=led).distinct()


class ActionPlanRow(models.Model):
    """A sub-activity of the action plan (section VI) with its lead and supporting agencies."""

    area = models.ForeignKey(ChangeArea, on_delete=models.CASCADE, related_name="action_rows")
    group = models.ForeignKey(
        ActionPlanGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rows",
        verbose_name="kelompok",
    )
    order = models.PositiveSmallIntegerField("urutan")
    label = models.CharField("nomor", max_length=10, blank=True)
    name = models.CharField("sub kegiatan", max_length=400)
    lead_agencies = models.ManyToManyField(
        Agency,
        through="ActionPlanLead",
        related_name="led_action_rows",
        verbose_name="perangkat daerah utama",
    )
    support_scope = models.CharField(
        "cakupan pendukung", max_length=10, choices=SupportScope.choices, default=SupportScope.LISTED
    )
    supporting_agencies = models.ManyToManyField(
        Agency,
        related_name="supported_action_rows",
        blank=True,
        verbose_name="perangkat daerah pendukung yang disebut",
    )
    supporting_as_written = models.CharField("pendukung sebagaimana tertulis", max_length=300, blank=True)
    predecessor = predecessor_field()
    dropped_from = dropped_from_field()

    objects = ActionPlanRowQuerySet.as_manager()

    class Meta:
        verbose_name = "rencana aksi"
        verbose_name_plural = "rencana aksi"
        ordering = ["area__order", "order"]
        constraints = [models.UniqueConstraint(fields=["area", "order"], name="unique_action_row_order")]

    def __str__(self) -> str:
        return self.name

    def active_in(self, year: int) -> bool:
        return self.dropped_from is None or year < self.dropped_from

    @property
    def edition_pk(self) -> int:
        return self.area.edition_id

    def supporting_agency_choices(self) -> models.QuerySet:
        """The agencies that may record a contribution to this row."""
        if self.support_scope == SupportScope.ALL:
            return Agency.objects.all()
        if self.support_scope == SupportScope.AREA_RELATED:
            return Agency.objects.filter(pokja_memberships__area=self.area_id)
        return self.supporting_agencies.all()

    def clean(self) -> None:
        if self.group_id and self.group.area_id != self.area_id:
            raise ValidationError({"group": "Kelompok harus berada pada area yang sama."})


class ActionPlanLead(models.Model):
    """A lead agency (Utama) of an action-plan row, in the order the source lists them."""

    row = models.ForeignKey(ActionPlanRow, on_delete=models.CASCADE, related_name="leads")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="action_plan_leads")
    order = models.PositiveSmallIntegerField("urutan")

    class Meta:
        verbose_name = "perangkat daerah utama"
        verbose_name_plural = "perangkat daerah utama"
        ordering = ["row", "order"]
        constraints = [
            models.UniqueConstraint(fields=["row", "agency"], name="unique_action_lead"),
            models.UniqueConstraint(fields=["row", "order"], name="unique_action_lead_order"),
        ]

    def __str__(self) -> str:
        return f"{self.row}: {self.agency}"


class PlannedAction(models.Model):
    """One bullet of an action-plan row's planned actions for one year."""

    row = models.ForeignKey(ActionPlanRow, on_delete=models.CASCADE, related_name="planned_actions")
    year = models.PositiveSmallIntegerField("tahun")
    order = models.PositiveSmallIntegerField("urutan")
    text = models.TextField("rencana aksi")

    class Meta:
        verbose_name = "rencana aksi tahunan"
        verbose_name_plural = "rencana aksi tahunan"
        ordering = ["row", "year", "order"]
        constraints = [
            models.UniqueConstraint(fields=["row", "year", "order"], name="unique_planned_action_order"),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="planned_action_year_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.text}"
