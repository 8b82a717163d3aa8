"""One series across road maps: an item carried over from an earlier edition (its ``predecessor``, and
that one's) reads as one line of targets and realisations (docs/editions.md).

Each year is answered by the item of the edition in force that year, among the item and its
predecessors: the one whose edition started latest by then, else the earliest (the 2020 road map
answers for the 2016-2019 cells of its tables). A later edition never changes an earlier page: a
series only looks back.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from actions.models import PriorityActivity
from areas.models import Indicator
from monev.standing import Rules, YearStatus, item_years, year_status


@dataclass(frozen=True)
class SeriesYear:
    year: int
    item: object  # the indicator or activity that answers for the year
    status: YearStatus
    carried_over: bool  # answered by a predecessor, not by the item whose series this is

    @property
    def edition(self):
        return edition_of(self.item)


def chain(item) -> list:
    """The item and its predecessors, newest first (as far as they are loaded or prefetched: a
    prefetch that left out a draft's item stops the chain there)."""
    members = [item]
    while members[-1].predecessor_id is not None and len(members) < 10:
        previous = members[-1].predecessor
        if previous is None:
            break
        members.append(previous)
    return members


def edition_of(member):
    return member.area.edition if member.area_id else member.quick_win.edition


def start_year(member) -> int:
    return edition_of(member).start_year


def answering(members: list, year: int):
    """The member of the chain that answers for ``year`` (see the module's docstring)."""
    started = [m for m in members if start_year(m) <= year]
    if started:
        return max(started, key=start_year)
    return min(members, key=start_year)


def series(item, years_of=item_years, rules: Rules | None = None, today=None) -> list[SeriesYear]:
    """Every year the chain has (``years_of`` each member), each from the member answering for it."""
    members = chain(item)
    rules = rules or Rules.from_settings()
    years = sorted({y for m in members for y in years_of(m) if answering(members, y) is m})
    return [
        SeriesYear(year, member, year_status(member, year, rules, today), member is not item)
        for year in years
        for member in [answering(members, year)]
    ]


def target_years(member) -> list[int]:
    return sorted(member.targets_by_year)


EDITION_PATHS = {Indicator: ("area__edition",), PriorityActivity: ("area__edition", "quick_win__edition")}


def load_chain(item, queryset) -> None:
    """Fetch ``item``'s predecessors of enacted editions (a query each) from ``queryset``, which
    prefetches what year_status needs, so that ``chain`` walks them without further queries."""
    current = item
    for _ in range(10):
        if current.predecessor_id is None:
            return
        previous = (
            queryset.select_related(*EDITION_PATHS[queryset.model])
            .filter(pk=current.predecessor_id)
            .exclude(**{f"{path}__status": "draft" for path in EDITION_PATHS[queryset.model]})
            .first()
        )
        if previous is None:
            current.predecessor_id = None  # a draft's item is not part of a published series
            return
        current.predecessor = previous
        current = previous


def indicator_predecessors(realisations, depth: int = 2) -> list[Prefetch]:
    """Prefetches of key indicators' predecessors of enacted editions (``depth`` road maps back) with
    their targets and ``realisations`` (a queryset): no query at all where nothing was carried over."""
    queryset = (
        Indicator.objects.select_related("area__edition", "scale")
        .filter(area__edition__status="enacted")
        .prefetch_related("targets__level", "scale__levels", Prefetch("realisations", queryset=realisations))
    )
    return [Prefetch("__".join(["predecessor"] * n), queryset=queryset) for n in range(1, depth + 1)]
