"""Action-plan progress in words, for every page and workbook that lists a row's planned actions.

Planned actions come with ``progress`` prefetched (with ``lead`` and ``contributor``); the rule
itself is ``monev.plan_progress``.
"""

from monev.models import ActionStatus, ReviewState
from monev.plan_progress import ActionStanding, action_standing, percent_text


def leads_of(row) -> list:
    """A row's leads (Utama), in the order the regulation lists them: the plain records a page loaded
    (``lead_records``, dashboards.selectors.plan_rows), else the prefetched ``leads`` (with ``agency``)."""
    records = getattr(row, "lead_records", None)
    return records if records is not None else list(row.leads.all())


def lead_ids(row) -> list[int]:
    """The row's lead agencies (Utama), in the order the regulation lists them."""
    return [lead.agency_id for lead in leads_of(row)]


def reports_of(action) -> list:
    """A planned action's progress reports: the plain records a page loaded (``progress_records``,
    dashboards.selectors.plan_rows), else the prefetched ``progress``."""
    records = getattr(action, "progress_records", None)
    return records if records is not None else list(action.progress.all())


def standing_of(action, row, quarters=None) -> ActionStanding:
    return action_standing((p for p in reports_of(action) if p.lead_id), lead_ids(row), quarters)


STATUS_LABELS = dict(ActionStatus.choices)  # a dict: read for each of thousands of reports in a workbook


def report_text(report) -> str:
    return f"{STATUS_LABELS[report.status]} ({percent_text(report.percent)})"


def part_lines(standing: ActionStanding, row) -> list[str]:
    """Each Utama's part: "Inspektorat: Selesai (100 %)", "BKD: belum dilaporkan"; a lone Utama unnamed."""
    names = {lead.agency_id: lead.agency.short_name for lead in leads_of(row)}
    lines = []
    for part in standing.parts:
        text = report_text(part.report) if part.report else "belum dilaporkan"
        if part.pending:
            text += ", menunggu verifikasi"
        lines.append(text if len(standing.parts) == 1 else f"{names.get(part.lead_id, '?')}: {text}")
    return lines


def contribution_lines(action, quarters=None) -> list[str]:
    """Each supporting agency's latest verified contribution: "Dinkominfo: Sedang berjalan (40 %)"."""
    verified = [
        r
        for r in reports_of(action)
        if r.contributor_id
        and r.review_state == ReviewState.VERIFIED
        and (quarters is None or r.quarter in quarters)
    ]
    latest = {r.contributor_id: r for r in sorted(verified, key=lambda r: r.quarter)}  # the last one stays
    return [
        f"{report.contributor.short_name}: {report_text(report)}"
        for report in sorted(latest.values(), key=lambda r: r.contributor.name)
    ]
