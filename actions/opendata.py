"""The roadmap as open data: one JSON document, and a CSV file per table derived from it.

The regulation is public, so these need no login. Numbers are JSON numbers; grades,
opinions and levels are strings as the source writes them; "no target" is null.
"""

import csv
import io
import json
from decimal import Decimal

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import ExpectedResult, Indicator, YearTarget
from roadmap.access import profile_of
from roadmap.mixins import EditionMixin
from roadmap.models import Agency, RoadmapEdition
from roadmap.notation import normalize_decimal, parse_whole
from roadmap.spreadsheets import csv_text


def json_number(value: Decimal) -> int | float:
    value = normalize_decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def target_value(target: YearTarget) -> int | float | str | None:
    if not target.is_set:
        return None
    if target.level_id is None and not target.comparator:
        return json_number(target.number)
    return target.display


def targets_by_year(item) -> dict[str, int | float | str | None]:
    return {str(target.year): target_value(target) for target in item.targets.all()}


def build_export(edition: RoadmapEdition) -> dict:
    areas = list(
        edition.areas.prefetch_related("expected_results", "placements", "pokja_memberships__agency")
    )
    section_order = {section: n for n, section in enumerate(ExpectedResult.Section.values)}
    indicators = (
        Indicator.objects.of_edition(edition)
        .select_related("area", "data_owner")
        .prefetch_related("targets__level")
    )
    activities = (
        PriorityActivity.objects.of_edition(edition)
        .select_related("area", "quick_win", "agency")
        .prefetch_related("targets__level")
    )
    rows = (
        ActionPlanRow.objects.of_edition(edition)
        .select_related("area", "group")
        .prefetch_related("leads__agency", "supporting_agencies", "planned_actions")
    )
    plan_years = sorted({action.year for row in rows for action in row.planned_actions.all()})
    teams = edition.teams.prefetch_related("members")
    return {
        "regulation": {
            "number": edition.regulation_number,
            "year": edition.regulation_year,
            "title": edition.title,
        },
        "areas": [
            {
                "name": area.name,
                "expected_results": [
                    result.text
                    for result in sorted(
                        area.expected_results.all(), key=lambda r: (section_order[r.section], r.order)
                    )
                ],
            }
            for area in areas
        ],
        "indicators": [
            {
                "area": i.area.name,
                "name": i.name,
                "unit": i.unit,
                "data_owner": i.data_owner.name if i.data_owner_id else None,
                "targets": targets_by_year(i),
                **dropped(i),
            }
            for i in indicators
        ],
        "activities": [
            {
                "area": a.area.name if a.area_id else None,
                "quick_win": a.quick_win.name if a.quick_win_id else None,
                "name": a.name,
                "unit": a.unit,
                "agency": a.agency.name if a.agency_id else None,
                "agency_note": a.agency_note,
                "targets": targets_by_year(a),
                **dropped(a),
            }
            for a in activities
        ],
        "quick_wins": [
            {"name": q.name, "agency": q.lead_agency.name, "description": q.description}
            for q in edition.quick_wins.select_related("lead_agency")
        ],
        "action_plan": [
            {
                "area": row.area.name,
                "group": row.group.label if row.group_id else None,
                "name": row.name,
                "lead_agencies": [lead.agency.name for lead in row.leads.all()],
                "supporting_agencies": supporting_agencies(row),
                "actions": {
                    str(year): [a.text for a in row.planned_actions.all() if a.year == year]
                    for year in plan_years
                },
                **dropped(row),
            }
            for row in rows
        ],
        "agencies": list(Agency.objects.order_by("name").values_list("name", flat=True)),
        "teams": [
            {
                "team": team.name,
                "members": [{"role": m.position, "office": m.office} for m in team.members.all()],
            }
            for team in teams
        ]
        + [pokja_team(area) for area in areas if area.pokja_memberships.all()],
        "risks": [
            {"obstacle": risk.obstacle, "solutions": [s.text for s in risk.solutions.all()]}
            for risk in edition.risks.prefetch_related("solutions")
        ],
    }


def dropped(item) -> dict:
    """An item an amendment dropped says from which year (docs/editions.md); others carry no such key."""
    return {} if item.dropped_from is None else {"dropped_from": item.dropped_from}


def supporting_agencies(row: ActionPlanRow) -> list[str]:
    named = [agency.name for agency in row.supporting_agencies.all()]
    if named:
        return named
    return [row.supporting_as_written] if row.supporting_as_written else []


def pokja_team(area) -> dict:
    placement = next((p for p in area.placements.all() if p.section == "IV.D.1"), None)
    name = placement.name_as_written if placement else f"Kelompok Kerja Area {area.name}"
    members = [
        {"role": "Anggota Kelompok Kerja", "office": m.agency.name} for m in area.pokja_memberships.all()
    ]
    return {"team": name, "members": members}


def export_text(edition: RoadmapEdition) -> str:
    return json.dumps(build_export(edition), ensure_ascii=False, indent=2) + "\n"


def requested_edition_or_404(request) -> RoadmapEdition:
    """``?edition=<id>``, an enacted edition (a draft for signed-in staff only), else the one in force."""
    if "edition" not in request.GET:
        edition = RoadmapEdition.objects.current()
        if edition is None:
            raise Http404("Belum ada road map yang dimuat.")
        return edition
    pk = parse_whole(request.GET["edition"])
    if pk is None:
        raise Http404("Edisi road map tidak dikenal.")
    return get_object_or_404(RoadmapEdition.objects.visible_to(profile_of(request.user)), pk=pk)


@login_not_required
@require_GET
def export_json(request):
    response = HttpResponse(
        export_text(requested_edition_or_404(request)), content_type="application/json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


# One CSV per table of the export: the columns, and how to turn one JSON item into rows.
def _targets_columns(items: list[dict]) -> list[str]:
    return sorted({year for item in items for year in item["targets"]})


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)  # a JSON number, "-17" included: a number to a spreadsheet, as meant
    return csv_text(str(value))


def csv_table(data: dict, table: str) -> tuple[list[str], list[list]]:
    if table == "areas":
        return ["area", "expected_results"], [
            [a["name"], "\n".join(a["expected_results"])] for a in data["areas"]
        ]
    if table in ("indicators", "activities"):
        items = data[table]
        years = _targets_columns(items)
        fixed = (
            ["area", "name", "unit", "data_owner"]
            if table == "indicators"
            else ["area", "quick_win", "name", "unit", "agency", "agency_note"]
        )
        rows = [
            [_cell(item[key]) for key in fixed] + [_cell(item["targets"].get(y)) for y in years]
            for item in items
        ]
        return fixed + [f"target_{year}" for year in years], rows
    if table == "quick-wins":
        return ["name", "agency", "description"], [
            [q["name"], q["agency"], q["description"]] for q in data["quick_wins"]
        ]
    if table == "action-plan":
        items = data["action_plan"]
        years = sorted({year for item in items for year in item["actions"]})
        header = ["area", "group", "name", "lead_agencies", "supporting_agencies"] + [
            f"actions_{y}" for y in years
        ]
        rows = [
            [
                r["area"],
                _cell(r["group"]),
                r["name"],
                "; ".join(r["lead_agencies"]),
                "; ".join(r["supporting_agencies"]),
            ]
            + ["\n".join(r["actions"].get(y, [])) for y in years]
            for r in items
        ]
        return header, rows
    if table == "agencies":
        return ["agency"], [[name] for name in data["agencies"]]
    if table == "teams":
        return ["team", "role", "office"], [
            [team["team"], m["role"], m["office"]] for team in data["teams"] for m in team["members"]
        ]
    if table == "risks":
        return ["obstacle", "solutions"], [[r["obstacle"], "\n".join(r["solutions"])] for r in data["risks"]]
    raise KeyError(table)


CSV_TABLES = {
    "areas": "Area perubahan dan hasil yang diharapkan",
    "indicators": "Target indikator",
    "activities": "Kegiatan prioritas (termasuk tabel target quick wins)",
    "quick-wins": "Quick wins",
    "action-plan": "Rencana aksi",
    "agencies": "Perangkat Daerah",
    "teams": "Tim Pengarah, Tim Pelaksana dan Kelompok Kerja",
    "risks": "Hambatan dan alternatif solusi",
}


@login_not_required
@require_GET
def export_csv(request, table: str):
    if table not in CSV_TABLES:
        raise Http404("Tabel tidak dikenal.")
    header, rows = csv_table(build_export(requested_edition_or_404(request)), table)
    buffer = io.StringIO()
    # A byte-order mark lets spreadsheet programs read the file as UTF-8.
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([csv_text(value) if isinstance(value, str) else value for value in row] for row in rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="roadmap-{table}.csv"'
    return response


class OpenDataView(EditionMixin, TemplateView):
    template_name = "actions/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(csv_tables=CSV_TABLES.items(), **kwargs)
