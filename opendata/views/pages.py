"""The public page of verified progress, and the human description of the data's fields."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_safe

from monev import achievement
from monev.plan_progress import percent_text
from opendata import schema
from opendata.document import UPDATES, licence
from opendata.freshness import chosen_edition, freshness, not_modified, stamp
from opendata.summary import summary
from roadmap.models import RoadmapEdition
from roadmap.notation import format_number, parse_whole


@dataclass
class Line:
    """One summary row as the page shows it."""

    row: dict

    @property
    def name(self) -> str:
        return {"quick_wins": "Quick wins", "all": "Seluruh road map"}.get(
            self.row["scope"], self.row["area"]
        )

    @property
    def average(self) -> str:
        value = self.row["average_percent"]
        return "–" if value is None else f"{format_number(Decimal(str(value)), places=2)} %"

    @property
    def category(self) -> achievement.Category | None:
        value = self.row["average_percent"]
        return None if value is None else achievement.category(Decimal(str(value)))

    @property
    def plan(self) -> str:
        value = self.row["plan_percent"]
        return percent_text(None if value is None else Decimal(str(value)))


def shown_years(edition: RoadmapEdition, summary: list[dict]) -> list[int]:
    """The edition's own years, and earlier or later ones only where something verified is there
    (the 2020 road map's tables carry 2016-2019 targets of earlier plans)."""
    totals = [row for row in summary if row["scope"] == "all"]
    return [
        row["year"]
        for row in totals
        if row["year"] in edition.years or row["items_reported"] or row["plan_percent"]
    ]


def chosen_year(request, years: list[int]) -> int | None:
    year = parse_whole(request.GET.get("year"))
    if year in years:
        return year
    today = timezone.localdate().year
    return today if today in years else (years[-1] if years else None)


@login_not_required
@require_safe
def progress_page(request):
    edition = chosen_edition(request)
    # Anonymous readers (and their caches) may poll; a signed-in page carries the user's own menu.
    anonymous = not request.user.is_authenticated
    fresh = freshness(edition) if anonymous else None
    if anonymous:
        etag = fresh.etag("page", request.GET.urlencode())
        answer = not_modified(request, etag, fresh)
        if answer is not None:
            return answer
    data = summary(edition)  # the figures of progress.build's summary, from stored standings
    years = shown_years(edition, data.rows)
    year = chosen_year(request, years)
    lines = [Line(row) for row in data.rows if row["year"] == year]
    last = data.last_verified_at
    response = render(
        request,
        "opendata/progress.html",
        {
            "edition": edition,
            "edition_in_force": edition.is_in_force(),
            "editions": RoadmapEdition.objects.enacted(),
            "years": years,
            "year": year,
            "lines": [line for line in lines if line.row["scope"] != "all"],
            "total": next((line for line in lines if line.row["scope"] == "all"), None),
            "by_year": [Line(row) for row in data.rows if row["scope"] == "all" and row["year"] in years],
            "csv_tables": [(name, schema.TABLES[key]["title"]) for key, name in schema.CSV_TABLES.items()],
            "licence": licence(),
            "updates": UPDATES,
            "last_verified_at": parse_datetime(last) if last else None,
            "schema_version": schema.VERSION,
        },
    )
    if anonymous:
        stamp(response, etag, fresh)
    else:
        response["Cache-Control"] = "private, no-cache"
    return response


@login_not_required
@require_safe
def schema_page(request):
    tables = [(key, spec, schema.CSV_TABLES[key]) for key, spec in schema.TABLES.items()]
    return render(
        request,
        "opendata/schema.html",
        {
            "version": schema.VERSION,
            "document": schema.DOCUMENT,
            "tables": tables,
            "left_out": schema.CSV_LEFT_OUT,
        },
    )
