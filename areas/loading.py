"""Loading the scales, change areas and indicators of the regulation's fixtures (see roadmap.loading)."""

from decimal import Decimal
from pathlib import Path
from typing import Any

from areas.models import (
    AreaPlacement,
    ChangeArea,
    ExpectedResult,
    Indicator,
    IndicatorTarget,
    PokjaMembership,
    Scale,
    ScaleLevel,
    TargetKind,
    YearTarget,
)
from areas.targets import scale_lookup, target_values
from roadmap.loading import AgencyDirectory, FixtureError, LoadStats, prune, read_json, upsert
from roadmap.models import RoadmapEdition


def _score(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def load_scales(path: Path, stats: LoadStats) -> None:
    for item in read_json(path)["scales"]:
        scale = upsert(
            Scale,
            stats,
            {"code": item["code"]},
            {
                "name": item["name"],
                "description": item.get("description", ""),
                "bands_include": item.get("bands_include", ""),
            },
        )
        # Orders are rewritten in two passes so that reordering levels cannot trip the
        # (scale, order) unique constraint half-way through.
        wanted = {level["code"]: order for order, level in enumerate(item["levels"], start=1)}
        current = list(scale.levels.all())
        if any(wanted.get(level.code) != level.order for level in current):
            for offset, level in enumerate(current, start=1000):
                level.order = offset
                level.save(update_fields=["order"])
        kept = [
            upsert(
                ScaleLevel,
                stats,
                {"scale": scale, "code": level["code"]},
                {
                    "label": level["label"],
                    "description": level.get("description", ""),
                    "rank": level["rank"],
                    "order": wanted[level["code"]],
                    "min_score": _score(level.get("min_score")),
                    "max_score": _score(level.get("max_score")),
                },
            )
            for level in item["levels"]
        ]
        prune(scale.levels.all(), kept, stats)
        by_code = {level.code: level for level in kept}
        for level, item_level in zip(kept, item["levels"], strict=True):
            counts_as = by_code.get(item_level["counts_as"]) if item_level.get("counts_as") else None
            if item_level.get("counts_as") and counts_as is None:
                raise FixtureError(
                    f"{path}: {level.code} counts as unknown level {item_level['counts_as']!r}"
                )
            if level.counts_as_id != (counts_as.pk if counts_as else None):
                level.counts_as = counts_as
                level.save(update_fields=["counts_as"])
                stats.record(ScaleLevel, "updated")


def cell_values(as_written: str, levels: dict[str, ScaleLevel] | None, where: str) -> dict[str, Any]:
    try:
        return target_values(as_written, levels)
    except ValueError as exc:
        raise FixtureError(f"{where}: {exc}") from None


def load_year_targets(
    model: type[YearTarget],
    parent_field: str,
    parent: Any,
    years: list[int],
    cells: list[str],
    levels: dict[str, ScaleLevel] | None,
    where: str,
    stats: LoadStats,
) -> None:
    if len(cells) != len(years):
        raise FixtureError(f"{where}: {len(cells)} target cells for {len(years)} years")
    kept = [
        upsert(
            model, stats, {parent_field: parent, "year": year}, cell_values(cell, levels, f"{where} {year}")
        )
        for year, cell in zip(years, cells, strict=True)
    ]
    prune(model.objects.filter(**{parent_field: parent}), kept, stats)


def load_areas(path: Path, edition: RoadmapEdition, agencies: AgencyDirectory, stats: LoadStats) -> None:
    for item in read_json(path)["areas"]:
        area = upsert(
            ChangeArea,
            stats,
            {"edition": edition, "order": item["order"]},
            {"name": item["name"], "slug": item["slug"]},
        )
        placements = [
            upsert(
                AreaPlacement,
                stats,
                {"area": area, "section": placement["section"]},
                {
                    "position": placement["position"],
                    "name_as_written": placement["name"],
                    "note": placement.get("note", ""),
                },
            )
            for placement in item["placements"]
        ]
        prune(area.placements.all(), placements, stats)
        results = [
            upsert(ExpectedResult, stats, {"area": area, "section": section, "order": order}, {"text": text})
            for section, texts in item["expected_results"].items()
            for order, text in enumerate(texts, start=1)
        ]
        prune(area.expected_results.all(), results, stats)
        members = [
            upsert(
                PokjaMembership,
                stats,
                {"area": area, "agency": agencies.get(spelling, f"{path} {area.name} pokja")},
                {"order": order},
            )
            for order, spelling in enumerate(item["pokja"], start=1)
        ]
        prune(area.pokja_memberships.all(), members, stats)


def load_indicator_table(
    path: Path,
    table: dict,
    area: ChangeArea,
    scales: dict[str, Scale],
    agencies: AgencyDirectory,
    stats: LoadStats,
) -> None:
    for order, row in enumerate(table["rows"], start=1):
        where = f"{path} {table['table']} row {order}"
        scale = scales.get(row["scale"]) if row.get("scale") else None
        if row.get("scale") and scale is None:
            raise FixtureError(f"{where}: unknown scale {row['scale']!r}")
        kind = row.get("target_kind", TargetKind.NUMBER)
        indicator = upsert(
            Indicator,
            stats,
            {"area": area, "order": order},
            {
                "name": row["name"],
                "unit": "" if row["unit"] == "-" else row["unit"],
                "direction": row.get("direction", "higher"),
                "aggregation": row.get("aggregation", "latest"),
                "target_kind": kind,
                "scale": scale,
                "source_table": f"{table['table']} {table['title']}",
                "is_key": row.get("key", False),
                "ref": row.get("ref", ""),
            },
        )
        if indicator.data_owner_id is None and row.get("data_owner"):
            # A default only: once set, the data owner is staff's to change, and a reload keeps it.
            indicator.data_owner = agencies.get(row["data_owner"], where)
            indicator.save(update_fields=["data_owner"])
        levels = scale_lookup(scale) if scale and kind == TargetKind.LEVEL else None
        load_year_targets(
            IndicatorTarget, "indicator", indicator, table["years"], row["targets"], levels, where, stats
        )
