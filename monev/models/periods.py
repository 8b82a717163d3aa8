"""The periods reports are made for: the quarters (triwulan, TW I–IV) and the whole year.

One definition of each label: every page, workbook, e-mail and history entry uses these
(docs/quarters.md).
"""

from django.db import models

from monev.quarters import QUARTER_LABELS, quarter_label


class Quarter(models.IntegerChoices):
    Q1 = 1, QUARTER_LABELS[1]
    Q2 = 2, QUARTER_LABELS[2]
    Q3 = 3, QUARTER_LABELS[3]
    Q4 = 4, QUARTER_LABELS[4]


class Period(models.TextChoices):
    """What a realisation or a reporting window covers: one quarter, or the year-end figure."""

    Q1 = "q1", Quarter.Q1.label
    Q2 = "q2", Quarter.Q2.label
    Q3 = "q3", Quarter.Q3.label
    Q4 = "q4", Quarter.Q4.label
    YEAR = "year", "Tahunan"

    @property
    def quarter(self) -> int | None:
        return QUARTER_OF.get(self.value)

    @classmethod
    def of_quarter(cls, quarter: int) -> "Period":
        return cls(f"q{Quarter(quarter).value}")

    @classmethod
    def quarters(cls) -> list["Period"]:
        return [cls.Q1, cls.Q2, cls.Q3, cls.Q4]


QUARTER_OF = {"q1": 1, "q2": 2, "q3": 3, "q4": 4}


__all__ = ["Period", "Quarter", "quarter_label"]
