"""The teams that run the reform and the risks to it (section IV.D)."""

from django.db import models

from roadmap.models.agencies import Agency
from roadmap.models.editions import RoadmapEdition


class Team(models.Model):
    """Tim Pengarah or Tim Pelaksana of the reform (Tabel 1.1 and 1.2 of section IV.D)."""

    class Kind(models.TextChoices):
        PENGARAH = "pengarah", "Tim Pengarah"
        PELAKSANA = "pelaksana", "Tim Pelaksana"

    edition = models.ForeignKey(RoadmapEdition, on_delete=models.CASCADE, related_name="teams")
    kind = models.CharField("jenis", max_length=20, choices=Kind.choices)
    name = models.CharField("nama", max_length=200)
    source_table = models.CharField("tabel sumber", max_length=30, blank=True)
    order = models.PositiveSmallIntegerField("urutan")

    class Meta:
        verbose_name = "tim"
        verbose_name_plural = "tim"
        ordering = ["edition", "order"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "kind"], name="unique_team_kind"),
            models.UniqueConstraint(fields=["edition", "order"], name="unique_team_order"),
        ]

    def __str__(self) -> str:
        return self.name


class TeamMember(models.Model):
    """A seat in a team: its position in the team and the office that holds it."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    order = models.PositiveSmallIntegerField("urutan")
    position = models.CharField("jabatan dalam tim", max_length=200)
    office = models.CharField("jabatan kedinasan", max_length=300)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="team_seats",
        verbose_name="perangkat daerah",
        help_text="Perangkat Daerah yang dipimpin pemegang jabatan, bila ada.",
    )

    class Meta:
        verbose_name = "anggota tim"
        verbose_name_plural = "anggota tim"
        ordering = ["team", "order"]
        constraints = [models.UniqueConstraint(fields=["team", "order"], name="unique_team_member_order")]

    def __str__(self) -> str:
        return f"{self.position}: {self.office}"


class Risk(models.Model):
    """An obstacle to the reform (Hambatan) from the risk table of section IV.D.2."""

    edition = models.ForeignKey(RoadmapEdition, on_delete=models.CASCADE, related_name="risks")
    number = models.PositiveSmallIntegerField("nomor")
    obstacle = models.TextField("hambatan")

    class Meta:
        verbose_name = "hambatan"
        verbose_name_plural = "hambatan"
        ordering = ["edition", "number"]
        constraints = [models.UniqueConstraint(fields=["edition", "number"], name="unique_risk_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.obstacle}"


class RiskSolution(models.Model):
    """One alternative solution (Alternatif Solusi) to an obstacle."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="solutions")
    order = models.PositiveSmallIntegerField("urutan")
    text = models.TextField("alternatif solusi")

    class Meta:
        verbose_name = "alternatif solusi"
        verbose_name_plural = "alternatif solusi"
        ordering = ["risk", "order"]
        constraints = [models.UniqueConstraint(fields=["risk", "order"], name="unique_risk_solution_order")]

    def __str__(self) -> str:
        return self.text
