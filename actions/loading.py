"""Loading quick wins, priority activities and the action plan, and the whole roadmap in one go."""

from pathlib import Path

from django.db import transaction

from actions.models import (
    ActionPlanGroup,
    ActionPlanLead,
    ActionPlanRow,
    ActivityTarget,
    PlannedAction,
    PriorityActivity,
    QuickWin,
    SupportScope,
)
from areas.loading import load_areas, load_indicator_table, load_scales, load_year_targets
from areas.models import ChangeArea, Scale
from roadmap.loading import (
    AgencyDirectory,
    FixtureError,
    LoadStats,
    load_agencies,
    load_document_tables,
    load_edition,
    load_risks,
    load_teams,
    prune,
    read_json,
    upsert,
)
from roadmap.models import RoadmapEdition

# How the action plan writes its supporting agencies (Pendukung) when it names no agency.
SUPPORT_PHRASES = {
    "Seluruh Perangkat Daerah": SupportScope.ALL,
    "Perangkat Daerah terkait area perubahan Reformasi Birokrasi": SupportScope.AREA_RELATED,
    "Seluruh Perangkat Daerah terkait area perubahan Reformasi Birokrasi": SupportScope.AREA_RELATED,
}

NO_ACTION_MARKS = ("-", "")


def load_activity_table(
    path: Path,
    table: dict,
    parent: dict,
    agencies: AgencyDirectory,
    stats: LoadStats,
    default_agency_spelling: str | None = None,
) -> None:
    for order, row in enumerate(table["rows"], start=1):
        where = f"{path} {table['table']} row {order}"
        # Where the table's Pengampu cell is empty, the application's assignment (with its reason) stands in.
        spelling = row.get("agency", default_agency_spelling) or row.get("assigned_agency")
        activity = upsert(
            PriorityActivity,
            stats,
            {**parent, "order": order},
            {
                "name": row["name"],
                "unit": "" if row["unit"] == "-" else row["unit"],
                "direction": row.get("direction", "higher"),
                "aggregation": row.get("aggregation", "latest"),
                "agency": agencies.optional(spelling, where),
                "agency_note": row.get("assigned_because", "") if not row.get("agency") else "",
                "source_table": f"{table['table']} {table['title']}",
            },
        )
        load_year_targets(
            ActivityTarget, "activity", activity, table["years"], row["targets"], None, where, stats
        )


def load_targets(path: Path, edition: RoadmapEdition, agencies: AgencyDirectory, stats: LoadStats) -> None:
    areas = {area.slug: area for area in edition.areas.all()}
    scales = {scale.code: scale for scale in Scale.objects.all()}
    for table in read_json(path)["tables"]:
        area = areas.get(table["area"])
        if area is None:
            raise FixtureError(f"{path} {table['table']}: unknown area {table['area']!r}")
        if table["kind"] == "indicators":
            load_indicator_table(path, table, area, scales, agencies, stats)
        elif table["kind"] == "activities":
            load_activity_table(path, table, {"area": area, "quick_win": None}, agencies, stats)
        else:
            raise FixtureError(f"{path} {table['table']}: kind must be 'indicators' or 'activities'")


def load_quick_wins(path: Path, edition: RoadmapEdition, agencies: AgencyDirectory, stats: LoadStats) -> None:
    for item in read_json(path)["quick_wins"]:
        where = f"{path} quick win {item['number']}"
        quick_win = upsert(
            QuickWin,
            stats,
            {"edition": edition, "number": item["number"]},
            {
                "name": item["name"],
                "description": "\n\n".join(item["description"]),
                "lead_agency": agencies.get(item["lead_agency"], where),
                "product": item.get("product", ""),
            },
        )
        for table in item["tables"]:
            load_activity_table(
                path,
                table,
                {"area": None, "quick_win": quick_win},
                agencies,
                stats,
                default_agency_spelling=item["lead_agency"],
            )


def _support(phrase: str, agencies: AgencyDirectory, where: str) -> tuple[str, list]:
    """Scope and named agencies of a Pendukung cell."""
    if phrase in SUPPORT_PHRASES:
        return SUPPORT_PHRASES[phrase], []
    return SupportScope.LISTED, [
        agencies.get(name.strip(), where) for name in phrase.split(";") if name.strip()
    ]


def load_action_plan_area(
    path: Path, item: dict, area: ChangeArea, years: list[int], agencies: AgencyDirectory, stats: LoadStats
) -> None:
    groups: dict[str, ActionPlanGroup] = {}
    for order, group in enumerate(item["groups"], start=1):
        key = group["code"] or group["title"]
        groups[key] = upsert(
            ActionPlanGroup,
            stats,
            {"area": area, "order": order},
            {"code": group["code"], "title": group["title"], "parent": groups.get(group.get("parent"))},
        )
    for order, row in enumerate(item["rows"], start=1):
        where = f"{path} area {item['number']} row {order}"
        if row["group"] is not None and row["group"] not in groups:
            raise FixtureError(f"{where}: unknown group {row['group']!r}")
        scope, supporters = _support(row["supporting"], agencies, where)
        plan_row = upsert(
            ActionPlanRow,
            stats,
            {"area": area, "order": order},
            {
                "group": groups.get(row["group"]),
                "label": row["label"],
                "name": row["name"],
                "support_scope": scope,
                "supporting_as_written": row["supporting"],
            },
        )
        if set(plan_row.supporting_agencies.all()) != set(supporters):
            plan_row.supporting_agencies.set(supporters)
            stats.record(ActionPlanRow, "updated")
        leads = [
            upsert(
                ActionPlanLead,
                stats,
                {"row": plan_row, "agency": agencies.get(spelling, where)},
                {"order": lead_order},
            )
            for lead_order, spelling in enumerate(row["lead"], start=1)
        ]
        prune(plan_row.leads.all(), leads, stats)
        actions = []
        for year in years:
            cell = row["actions"].get(str(year), "")
            bullets = [] if cell in NO_ACTION_MARKS else cell
            actions += [
                upsert(PlannedAction, stats, {"row": plan_row, "year": year, "order": n}, {"text": text})
                for n, text in enumerate(bullets, start=1)
            ]
        prune(plan_row.planned_actions.all(), actions, stats)
    # Groups go last: a row may only leave a group once it points elsewhere.
    prune(area.action_groups.all(), list(groups.values()), stats)


def load_action_plan(
    path: Path, edition: RoadmapEdition, agencies: AgencyDirectory, stats: LoadStats
) -> None:
    data = read_json(path)
    areas = {area.slug: area for area in edition.areas.all()}
    for item in data["areas"]:
        if item["area"] not in areas:
            raise FixtureError(f"{path}: unknown area {item['area']!r}")
        load_action_plan_area(path, item, areas[item["area"]], data["years"], agencies, stats)


def edition_directories(root: Path) -> list[Path]:
    return sorted(path.parent for path in root.glob("*/regulation.json"))


@transaction.atomic
def load_roadmap(*, root: Path, editions: list[Path] | None = None) -> LoadStats:
    """Load the shared files of ``root`` and each edition directory; all or nothing."""
    stats = LoadStats()
    load_agencies(root / "agencies.json", stats)
    load_scales(root / "scales.json", stats)
    agencies = AgencyDirectory()
    for directory in editions if editions is not None else edition_directories(root):
        edition = load_edition(directory / "regulation.json", stats)
        load_areas(directory / "areas.json", edition, agencies, stats)
        load_targets(directory / "targets.json", edition, agencies, stats)
        load_quick_wins(directory / "quick-wins.json", edition, agencies, stats)
        load_action_plan(directory / "action-plan.json", edition, agencies, stats)
        load_teams(directory / "teams.json", edition, agencies, stats)
        load_risks(directory / "risks.json", edition, stats)
        load_document_tables(directory / "document-tables.json", edition, stats)
    return stats
