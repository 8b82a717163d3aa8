"""Loading evaluation models from fixtures/pmprb/*.json: structure, weights with their sources, and
an example question set (see fixtures/pmprb/ and docs/assessment.md).

Idempotent like the road map's loader (``roadmap.loading.upsert``). Weights that do not add up are
refused before anything is written. The example questions are loaded only while a model has no
question set of its own: a set loaded from a workbook is never overwritten by the next ``make run``.
"""

from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import ProtectedError

from assessment import scoring, stored
from assessment.models import Component, ModelVersion, Question, SubComponent
from roadmap.loading import FixtureError, LoadStats, prune, read_json, upsert
from roadmap.notation import parse_number


def number(text, where: str) -> Decimal:
    try:
        return parse_number(str(text))
    except ValueError:
        raise FixtureError(f"{where}: {text!r} is not a number in Indonesian notation") from None


def choices_of(item: dict, where: str) -> list[dict]:
    return [
        {"code": c["code"], "label": c.get("label", ""), "value": str(number(c["value"], where))}
        for c in item.get("choices", [])
    ]


def question_values(item: dict, where: str) -> dict:
    """A question of a fixture as the model's fields (the sub-component is looked up by the caller)."""
    return {
        "group": item.get("group", ""),
        "text": item["text"],
        "guidance": item.get("guidance", ""),
        "kind": item["kind"],
        "choices": choices_of(item, where),
        "low": number(item["low"], where) if item.get("low") is not None else None,
        "high": number(item["high"], where) if item.get("high") is not None else None,
        "unit": item.get("unit", ""),
        "weight": number(item["weight"], where),
        "indicator_ref": item.get("indicator_ref", ""),
    }


def spec_of(data: dict, path: Path) -> scoring.Model:
    """The model of a fixture as the scoring rules see it, to check its weights before writing."""
    questions: dict[str, list[scoring.Question]] = {}
    known = {sub["code"] for c in data["components"] for sub in c["subcomponents"]}
    for item in data.get("example_questions", []):
        where = f"{path} question {item.get('code')}"
        if item["subcomponent"] not in known:
            raise FixtureError(f"{where}: unknown sub-component {item['subcomponent']!r}")
        if item["kind"] not in {kind.value for kind in scoring.Kind}:
            raise FixtureError(f"{where}: unknown answer kind {item['kind']!r}")
        values = question_values(item, where)
        spec = scoring.Question(
            item["code"],
            values["weight"],
            values["kind"],
            tuple(scoring.Choice(c["code"], Decimal(c["value"])) for c in values["choices"]),
            values["low"],
            values["high"],
        )
        problems = scoring.question_problems(spec)
        if problems:
            raise FixtureError(f"{where}: {' '.join(problems)}")
        questions.setdefault(item["subcomponent"], []).append(spec)
    return scoring.Model(
        components=tuple(
            scoring.Component(
                c["code"],
                number(c["weight"], f"{path} {c['code']}"),
                tuple(
                    scoring.SubComponent(
                        s["code"],
                        number(s["weight"], f"{path} {s['code']}"),
                        tuple(questions.get(s["code"], [])),
                    )
                    for s in c["subcomponents"]
                ),
            )
            for c in data["components"]
        ),
        total=number(data["model"].get("total", "100"), f"{path} total"),
    )


def reorder(rows: list, wanted: dict[str, int]) -> None:
    """Move rows out of the way first when their orders change, so no unique order is hit half-way."""
    if any(wanted.get(row.code) != row.order for row in rows):
        for offset, row in enumerate(rows, start=1000):
            row.order = offset
            row.save(update_fields=["order"])


@transaction.atomic
@stored.deferred()
def load_models(*, root: Path) -> LoadStats:
    stats = LoadStats()
    for path in sorted((root / "pmprb").glob("*.json")):
        try:
            load_model(path, stats)
        except ProtectedError:
            raise FixtureError(
                f"{path}: a question it no longer lists has answers; keep it, or remove its round first"
            ) from None
    return stats


def load_model(path: Path, stats: LoadStats) -> ModelVersion:
    data = read_json(path)
    problems = scoring.check_weights(spec_of(data, path))
    if problems:
        raise FixtureError(f"{path}: {' '.join(problems)}")
    item = dict(data["model"])
    version = upsert(
        ModelVersion,
        stats,
        {"code": item.pop("code")},
        {
            "name": item["name"],
            "regulation": item["regulation"],
            "first_year": item["first_year"],
            "last_year": item["last_year"],
            "total": number(item.get("total", "100"), str(path)),
            "regency_share": number(item.get("regency_share", "50"), str(path)),
            "source": item.get("source", ""),
        },
    )
    reorder(list(version.components.all()), {c["code"]: n for n, c in enumerate(data["components"], start=1)})
    components, subs = [], {}
    for order, c in enumerate(data["components"], start=1):
        component = upsert(
            Component,
            stats,
            {"model": version, "code": c["code"]},
            {
                "name": c["name"],
                "short_name": c.get("short_name", ""),
                "order": order,
                "weight": number(c["weight"], f"{path} {c['code']}"),
                "source": c.get("source", ""),
                "uncertain": c.get("uncertain", False),
            },
        )
        components.append(component)
        reorder(
            list(component.subcomponents.all()),
            {s["code"]: n for n, s in enumerate(c["subcomponents"], start=1)},
        )
        for sub_order, s in enumerate(c["subcomponents"], start=1):
            subs[s["code"]] = upsert(
                SubComponent,
                stats,
                {"model": version, "code": s["code"]},
                {
                    "component": component,
                    "name": s["name"],
                    "short_name": s.get("short_name", ""),
                    "order": sub_order,
                    "weight": number(s["weight"], f"{path} {s['code']}"),
                    "group": s.get("group", ""),
                    "area": s.get("area", ""),
                    "source": s.get("source", ""),
                    "uncertain": s.get("uncertain", False),
                },
            )
    prune(version.subcomponents.all(), list(subs.values()), stats)
    prune(version.components.all(), components, stats)
    load_example_questions(version, data.get("example_questions", []), subs, path, stats)
    return version


def load_example_questions(
    version: ModelVersion, items: list[dict], subs: dict[str, SubComponent], path: Path, stats: LoadStats
) -> None:
    if version.questions.filter(is_example=False).exists():
        return  # the model has its real question set: the example never replaces it
    kept = [
        upsert(
            Question,
            stats,
            {"model": version, "code": item["code"]},
            {
                **question_values(item, f"{path} question {item['code']}"),
                "subcomponent": subs[item["subcomponent"]],
                "order": order,
                "is_example": True,
            },
        )
        for order, item in enumerate(items, start=1)
    ]
    prune(version.questions.all(), kept, stats)
