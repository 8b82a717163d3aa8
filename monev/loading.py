"""Loading the values a regulation states as facts (e.g. SAKIP B / 63,52 for 2019) as realisations."""

from pathlib import Path

from django.db import transaction

from areas.models import Indicator
from monev.models import Realisation, ReviewState
from roadmap.loading import FixtureError, LoadStats, read_json, upsert
from roadmap.notation import parse_number


@transaction.atomic
def load_facts(*, root: Path) -> LoadStats:
    stats = LoadStats()
    for path in sorted(root.glob("*/facts.json")):
        for n, fact in enumerate(read_json(path)["realisations"], start=1):
            where = f"{path} fact {n}"
            key = fact["indicator"]
            indicator = (
                Indicator.objects.filter(area__slug=key["area"], name=key["name"])
                .select_related("scale")
                .first()
            )
            if indicator is None:
                raise FixtureError(f"{where}: no indicator {key['name']!r} in area {key['area']!r}")
            level = None
            if fact.get("level"):
                level = indicator.scale.levels.filter(code=fact["level"]).first() if indicator.scale else None
                if level is None:
                    raise FixtureError(f"{where}: {fact['level']!r} is not a level of the indicator's scale")
            upsert(
                Realisation,
                stats,
                {"indicator": indicator, "year": fact["year"], "period": fact["period"]},
                {
                    "number": parse_number(fact["value"]) if fact.get("value") else None,
                    "level": level,
                    # The regulation itself is the verification of what it states.
                    "review_state": ReviewState.VERIFIED,
                    "review_note": "Dikutip dari peraturan.",
                    "source": fact["source"],
                },
            )
    return stats
