"""Perangkat Daerah under one canonical name, with the spellings the documents use."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import models


class AgencyQuerySet(models.QuerySet):
    def with_code(self, code: str) -> "AgencyQuerySet":
        """The agency a typed or linked code names; a code no agency could have (a NUL byte,
        a path) matches nothing rather than reaching the database, which refuses some of them."""
        try:
            validate_slug(code)
        except ValidationError:
            return self.none()
        return self.filter(code=code)

    def by_spelling(self) -> dict[str, "Agency"]:
        """Every spelling the documents use (and each canonical name), mapped to its agency."""
        mapping: dict[str, Agency] = {}
        for agency in self.prefetch_related("spellings"):
            mapping[agency.name] = agency
            for spelling in agency.spellings.all():
                mapping[spelling.spelling] = agency
        return mapping


class Agency(models.Model):
    """A Perangkat Daerah (or a Bagian of the Setda acting as one), under one canonical name."""

    class Kind(models.TextChoices):
        SEKRETARIAT = "sekretariat", "Sekretariat"
        BAGIAN = "bagian", "Bagian Setda"
        INSPEKTORAT = "inspektorat", "Inspektorat"
        BADAN = "badan", "Badan"
        DINAS = "dinas", "Dinas"
        SATUAN = "satuan", "Satuan"
        KANTOR = "kantor", "Kantor"
        RUMAH_SAKIT = "rumah_sakit", "Rumah Sakit Umum Daerah"
        KECAMATAN = "kecamatan", "Kecamatan"

    code = models.SlugField("kode", max_length=40, unique=True)
    name = models.CharField("nama", max_length=200, unique=True)
    short_name = models.CharField("nama singkat", max_length=60)
    kind = models.CharField("jenis", max_length=20, choices=Kind.choices)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def other_names(self) -> list[str]:
        """The documents' spellings a reader would not take for the name itself: not its slips (another
        case, a stray space, a phrase written twice as in "... dan Diklat dan Diklat")."""
        own = {plain_name(self.name), plain_name(self.short_name)}
        return [s.spelling for s in self.spellings.all() if plain_name(s.spelling) not in own]


def plain_name(text: str) -> str:
    """A name without its slips, for comparison: a repeated phrase once, no spaces, no case."""
    once = re.sub(r"\b(.+?)(?: \1\b)+", r"\1", " ".join(text.split()))
    return "".join(once.split()).casefold()


class AgencySpelling(models.Model):
    """A way the source documents write an agency's name, e.g. "BKD Diklat"."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="spellings")
    spelling = models.CharField("ejaan dalam dokumen", max_length=200, unique=True)

    class Meta:
        verbose_name = "ejaan nama perangkat daerah"
        verbose_name_plural = "ejaan nama perangkat daerah"
        ordering = ["agency", "spelling"]

    def __str__(self) -> str:
        return self.spelling
