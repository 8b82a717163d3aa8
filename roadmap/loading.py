"""Idempotent loading of the regulation's fixtures: the core part (edition, agencies, teams, risks).

Every loader writes through :func:`upsert`, which saves a row only when a value differs, so
loading the same files twice changes nothing. Rows that only exist as parts of a fixture
item (a team's seats, an obstacle's solutions) are pruned when the fixture drops them.
"""

import datetime
import json
from collections import Counter
from pathlib import Path
from typing import Any, TypeVar

from django.db import models

from roadmap.models import (
    Agency,
    AgencySpelling,
    DocumentTable,
    LegalBasis,
    Risk,
    RiskSolution,
    RoadmapEdition,
    Team,
    TeamMember,
)

M = TypeVar("M", bound=models.Model)


class FixtureError(Exception):
    """A fixture file cannot be loaded as written; the message says where and why."""


class LoadStats(Counter):
    """Counts of rows created, updated, unchanged and removed, per model."""

    def record(self, model: type[models.Model], outcome: str) -> None:
        self[(model._meta.verbose_name_plural, outcome)] += 1

    def total(self, outcome: str) -> int:
        return sum(count for (_, kind), count in self.items() if kind == outcome)


def read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise FixtureError(f"{path}: file not found") from None
    except json.JSONDecodeError as exc:
        raise FixtureError(f"{path}: not valid JSON ({exc})") from None


def upsert(model: type[M], stats: LoadStats, lookup: dict[str, Any], values: dict[str, Any]) -> M:
    """Create the row identified by ``lookup`` or bring its other fields to ``values``."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        stats.record(model, "created")
        return obj
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
        stats.record(model, "updated")
    else:
        stats.record(model, "unchanged")
    return obj


def prune(queryset: models.QuerySet, keep: list[M], stats: LoadStats) -> None:
    """Delete the rows of ``queryset`` that the fixture no longer lists."""
    stale = queryset.exclude(pk__in=[obj.pk for obj in keep])
    for _ in range(stale.count()):
        stats.record(queryset.model, "removed")
    stale.delete()


class AgencyDirectory:
    """Maps every spelling the fixtures use to one canonical agency, refusing unknown ones."""

    def __init__(self) -> None:
        self._by_spelling = Agency.objects.by_spelling()

    def get(self, spelling: str, where: str) -> Agency:
        try:
            return self._by_spelling[spelling]
        except KeyError:
            raise FixtureError(
                f"{where}: agency {spelling!r} is not a name or spelling in fixtures/agencies.json"
            ) from None

    def optional(self, spelling: str | None, where: str) -> Agency | None:
        return None if spelling is None else self.get(spelling, where)


def load_agencies(path: Path, stats: LoadStats) -> None:
    data = read_json(path)
    for item in data["agencies"]:
        agency = upsert(
            Agency,
            stats,
            {"code": item["code"]},
            {"name": item["name"], "short_name": item["short_name"], "kind": item["kind"]},
        )
        spellings = []
        for spelling in item["spellings"]:
            owner = AgencySpelling.objects.filter(spelling=spelling).exclude(agency=agency).first()
            if owner is not None:
                raise FixtureError(
                    f"{path}: spelling {spelling!r} is given to both {owner.agency} and {agency}"
                )
            spellings.append(upsert(AgencySpelling, stats, {"spelling": spelling}, {"agency": agency}))
        prune(agency.spellings.all(), spellings, stats)


def load_edition(path: Path, stats: LoadStats) -> RoadmapEdition:
    data = read_json(path)
    item = dict(data["edition"])
    key = {field: item.pop(field) for field in ("regulation_type", "regulation_number", "regulation_year")}
    for field in ("enacted_on", "promulgated_on"):
        item[field] = datetime.date.fromisoformat(item[field]) if item.get(field) else None
    edition = upsert(RoadmapEdition, stats, key, item)
    for kind in LegalBasis.Kind:
        rows = [
            upsert(
                LegalBasis,
                stats,
                {"edition": edition, "kind": kind, "order": order},
                {"label": basis["label"], "text": basis["text"]},
            )
            for order, basis in enumerate(data.get(kind.value, []), start=1)
        ]
        prune(edition.legal_bases.filter(kind=kind), rows, stats)
    return edition


def load_teams(path: Path, edition: RoadmapEdition, agencies: AgencyDirectory, stats: LoadStats) -> None:
    for order, item in enumerate(read_json(path)["teams"], start=1):
        team = upsert(
            Team,
            stats,
            {"edition": edition, "kind": item["kind"]},
            {"name": item["name"], "source_table": item["source_table"], "order": order},
        )
        members = [
            upsert(
                TeamMember,
                stats,
                {"team": team, "order": seat},
                {
                    "position": member["position"],
                    "office": member["office"],
                    "agency": agencies.optional(member["agency"], f"{path} {item['name']}"),
                },
            )
            for seat, member in enumerate(item["members"], start=1)
        ]
        prune(team.members.all(), members, stats)


def load_risks(path: Path, edition: RoadmapEdition, stats: LoadStats) -> None:
    for item in read_json(path)["risks"]:
        risk = upsert(
            Risk, stats, {"edition": edition, "number": item["number"]}, {"obstacle": item["obstacle"]}
        )
        solutions = [
            upsert(RiskSolution, stats, {"risk": risk, "order": order}, {"text": text})
            for order, text in enumerate(item["solutions"], start=1)
        ]
        prune(risk.solutions.all(), solutions, stats)


def load_document_tables(path: Path, edition: RoadmapEdition, stats: LoadStats) -> None:
    tables = [
        upsert(
            DocumentTable,
            stats,
            {"edition": edition, "order": item["order"]},
            {
                "section": item["section"],
                "title": item["title"],
                "header": item["header"],
                "rows": item["rows"],
                "source_note": item.get("source_note", ""),
            },
        )
        for item in read_json(path)["tables"]
    ]
    prune(edition.document_tables.all(), tables, stats)
