"""Reading a target cell as the regulation writes it into a year target's typed fields.

Used at run time (staff correcting targets) and by the fixture loader alike (docs/scales.md).
"""

from typing import Any

from areas.models import Scale, ScaleLevel, TargetKind
from roadmap.notation import parse_target


def scale_lookup(scale: Scale) -> dict[str, ScaleLevel]:
    """Lower-cased codes and labels of a scale's levels, for reading targets as written."""
    lookup: dict[str, ScaleLevel] = {}
    for level in scale.levels.all():
        lookup[level.code.lower()] = level
        lookup[level.label.lower()] = level
    return lookup


def item_levels(item) -> dict[str, ScaleLevel] | None:
    """The levels an item's targets are written in (None: its targets are numbers)."""
    scale = getattr(item, "scale", None)
    if scale is None or getattr(item, "target_kind", TargetKind.NUMBER) != TargetKind.LEVEL:
        return None
    return scale_lookup(scale)


def target_values(as_written: str, levels: dict[str, ScaleLevel] | None) -> dict[str, Any]:
    """The typed fields of a year target from the cell as written ("-" and "" are no target).

    Raises ValueError, with an Indonesian message, for a cell that is not a target.
    """
    parsed = parse_target(as_written, levels)
    return {
        "as_written": as_written,
        "number": parsed.number,
        "level": parsed.level,
        "comparator": parsed.comparator,
    }
