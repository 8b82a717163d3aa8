"""An item's standing for a year, stored so that pages over the whole road map read rows, not reports."""

from django.db import models
from django.db.models import Q

from actions.models import ActionPlanRow, PlannedAction, PriorityActivity
from areas.models import Indicator
from monev.models.review import exactly_one
from plans.models import PlanIndicator
from roadmap.models import Agency


class Standing(models.Model):
    """``monev.standing.year_status`` of one item for one year, as the read pages compute it.

    Read from the verified and submitted reports (drafts never count) and judged against the year's
    target with the achievement rules in force (``rules``). ``cut`` 1–4 reads the year up to the end
    of that quarter; 0 reads it on the day, so such a row holds for as long as ``quarters_over``
    stays the same. The columns are what the summaries count and average; ``detail`` holds the rest
    of the status (figure, basis, pace, provisional figure) to rebuild it exactly. Kept in step by
    ``monev.standings`` in the transaction of every write (docs/standings.md).
    """

    item = models.CharField(max_length=24)  # "indicator:7", "activity:7", "plan:7": one key, for upserts
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, null=True, blank=True, related_name="standings"
    )
    activity = models.ForeignKey(
        PriorityActivity, on_delete=models.CASCADE, null=True, blank=True, related_name="standings"
    )
    plan_indicator = models.ForeignKey(  # an agency plan's indicator (docs/plans.md), judged alike
        PlanIndicator, on_delete=models.CASCADE, null=True, blank=True, related_name="standings"
    )
    year = models.PositiveSmallIntegerField("tahun")
    cut = models.PositiveSmallIntegerField("sampai triwulan")  # 0: the whole year, read on the day
    quarters_over = models.PositiveSmallIntegerField()
    rules = models.CharField(max_length=16)  # fingerprint of the achievement settings used
    state = models.CharField(max_length=16)
    percent = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    ordinal = models.BooleanField(default=False)
    has_target = models.BooleanField(default=False)
    reported = models.BooleanField(default=False)
    met = models.BooleanField(null=True, blank=True)
    unverified = models.PositiveSmallIntegerField(default=0)
    detail = models.JSONField(default=dict)

    class Meta:
        verbose_name = "capaian tersimpan"
        verbose_name_plural = "capaian tersimpan"
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("indicator", "activity", "plan_indicator"), name="standing_of_one_item"
            ),
            models.CheckConstraint(condition=Q(cut__lte=4), name="standing_cut_0_to_4"),
            models.CheckConstraint(condition=Q(quarters_over__lte=4), name="standing_quarters_over_0_to_4"),
            models.UniqueConstraint(fields=["item", "year", "cut"], name="one_standing_per_item_year_cut"),
        ]

    def __str__(self) -> str:
        return f"{self.item} {self.year}/{self.cut}: {self.state}"


class PlanStanding(models.Model):
    """``monev.plan_progress.action_standing`` of one planned action, its lead reports of quarters 1 to
    ``cut``, as the summaries add it up (docs/standings.md). Kept in step by ``monev.plan_standings``
    in the transaction of every write of a lead report, a planned action or a row's lead agencies.
    """

    planned_action = models.ForeignKey(PlannedAction, on_delete=models.CASCADE, related_name="plan_standings")
    cut = models.PositiveSmallIntegerField("sampai triwulan")
    done = models.BooleanField(default=False)
    reported = models.BooleanField(default=False)
    pending = models.BooleanField(default=False)
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)  # no lead: none

    class Meta:
        verbose_name = "kemajuan rencana aksi tersimpan"
        verbose_name_plural = "kemajuan rencana aksi tersimpan"
        constraints = [
            models.CheckConstraint(condition=Q(cut__gte=1, cut__lte=4), name="plan_standing_cut_1_to_4"),
            models.UniqueConstraint(fields=["planned_action", "cut"], name="one_plan_standing_per_cut"),
        ]

    def __str__(self) -> str:
        return f"{self.planned_action_id}/{self.cut}: {self.percent}"


class PlanCell(models.Model):
    """One lead agency's part of an action-plan row in a quarter of a year, as the completeness figures
    count it (``monev.plan_progress.row_cell``). Only for rows with planned actions in the year and
    their lead agencies. Kept in step by ``monev.plan_cells`` with the stored progress.
    """

    row = models.ForeignKey(ActionPlanRow, on_delete=models.CASCADE, related_name="plan_cells")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("tahun")
    quarter = models.PositiveSmallIntegerField("triwulan")
    state = models.CharField(max_length=10)

    class Meta:
        verbose_name = "kelengkapan rencana aksi tersimpan"
        verbose_name_plural = "kelengkapan rencana aksi tersimpan"
        constraints = [
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="plan_cell_quarter_1_to_4"
            ),
            models.UniqueConstraint(
                fields=["row", "agency", "year", "quarter"], name="one_plan_cell_per_quarter"
            ),
        ]
        indexes = [models.Index(fields=["year", "agency"], name="plan_cells_of_a_year")]

    def __str__(self) -> str:
        return f"{self.row_id}/{self.agency_id} {self.year} TW{self.quarter}: {self.state}"
