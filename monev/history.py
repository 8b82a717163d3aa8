"""An item's audit trail in Indonesian: every change to its reports, evidence, targets and reopenings.

Built from django-simple-history's tables in a fixed number of queries: consecutive records
of one object are compared here rather than through ``prev_record`` (a query per record).
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from actions.models import ActionPlanRow, ActivityTarget
from areas.models import Indicator, IndicatorTarget, ScaleLevel
from editions.models import AmendmentChange
from monev.items import item_id_key
from monev.models import ActionProgress, Evidence, Realisation, ReopenedItem, ReportingWindow, ReviewState
from monev.models.periods import quarter_label
from monev.models.windows import window_label
from roadmap.dates import format_date
from roadmap.notation import format_number

IGNORED = {
    "id",
    "created_at",
    "updated_at",
    "submitted_at",
    "reviewed_at",
    "changed_at",
    "uploaded_at",
    "history_id",
    "version",  # an internal counter against lost updates, not something a person changed
    "file",  # the storage path; the file is named by its original name
}
KIND_LABELS = {"+": "dibuat", "~": "diubah", "-": "dihapus"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime
    who: str
    what: str
    kind: str
    reason: str
    changes: list[Change] = field(default_factory=list)


# The item or report a record belongs to is what the entry is about, not one of its changes.
OWNERS = {
    "indicator_id",
    "activity_id",
    "row_id",
    "realisation_id",
    "action_progress_id",
    "planned_action_id",
    "window_id",
}


def tracked_fields(model) -> list:
    return [
        f
        for f in model._meta.fields
        if f.attname not in IGNORED | OWNERS and not f.name.startswith("history_")
    ]


def describe(model_field, value, lookups: dict) -> str:
    if value is None or value == "":
        return "–"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        return lookups.get(model_field.related_model, {}).get(value, f"#{value}")
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return str(value)


def name_of(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "sistem"


def lookups_for() -> dict:
    """Readable names for the foreign keys a history shows: users and scale levels."""
    users = {
        user.pk: user.get_full_name() or user.get_username()
        for user in get_user_model().objects.only("first_name", "last_name", "username")
    }
    levels = dict(ScaleLevel.objects.values_list("pk", "label"))
    return {get_user_model(): users, ScaleLevel: levels}


def entries_for(model, records, label, lookups: dict) -> list[Entry]:
    fields = tracked_fields(model)
    ordered = sorted(records, key=lambda r: (r.id, r.history_date, r.history_id))
    entries, previous = [], {}
    for record in ordered:
        before = previous.get(record.id)
        changes = []
        for model_field in fields:
            new = getattr(record, model_field.attname)
            old = getattr(before, model_field.attname) if before is not None else None
            if before is None and record.history_type == "+":
                if new not in (None, ""):
                    changes.append(
                        Change(str(model_field.verbose_name), "–", describe(model_field, new, lookups))
                    )
            elif before is not None and old != new:
                changes.append(
                    Change(
                        str(model_field.verbose_name),
                        describe(model_field, old, lookups),
                        describe(model_field, new, lookups),
                    )
                )
        previous[record.id] = record
        if record.history_type == "~" and not changes and not record.history_change_reason:
            continue  # a save that changed nothing tracked
        entries.append(
            Entry(
                when=record.history_date,
                who=name_of(record.history_user),
                what=label(record),
                kind=KIND_LABELS.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries


def own_agency_ids(item, profile) -> set[int] | None:
    """The agencies whose drafts this user may see in the item's history (None: every draft, staff)."""
    if profile is None or profile.is_staff_member:
        return None
    return {profile.agency_id} if profile.agency_id else set()


def visible(records: list, owner, agencies: set[int] | None) -> list:
    """Drop the records of drafts of other agencies: a draft is its reporter's and staff's only."""
    if agencies is None:
        return records
    return [r for r in records if r.review_state != ReviewState.DRAFT or owner(r) in agencies]


def item_history(item, profile=None) -> list[Entry]:
    lookups = lookups_for()
    entries: list[Entry] = []
    agencies = own_agency_ids(item, profile)
    if isinstance(item, ActionPlanRow):
        actions = {a.pk: a for a in item.planned_actions.all()}
        progress = visible(
            list(ActionProgress.history.filter(planned_action_id__in=actions).select_related("history_user")),
            lambda r: r.lead_id or r.contributor_id,
            agencies,
        )
        entries += entries_for(
            ActionProgress,
            progress,
            lambda r: (
                f"Kemajuan {quarter_label(r.quarter)} {actions[r.planned_action_id].year}"
                + (" (kontribusi pendukung)" if r.contributor_id else "")
                + f": {actions[r.planned_action_id].text[:60]}"
            ),
            lookups,
        )
        evidence_filter = {"action_progress_id__in": {r.id for r in progress}}
        years = {action.year for action in actions.values()}
    else:
        owner_id = item.data_owner_id if isinstance(item, Indicator) else item.agency_id
        reports = visible(
            list(Realisation.history.filter(**item_id_key(item)).select_related("history_user")),
            lambda r: owner_id,
            agencies,
        )
        periods = dict(Realisation._meta.get_field("period").flatchoices)
        entries += entries_for(
            Realisation, reports, lambda r: f"Realisasi {periods[r.period]} {r.year}", lookups
        )
        target_model = IndicatorTarget if isinstance(item, Indicator) else ActivityTarget
        targets = target_model.history.filter(**item_id_key(item)).select_related("history_user")
        # The targets as first loaded from the regulation are not news; every later change is.
        entries += [
            e
            for e in entries_for(target_model, targets, lambda r: f"Target {r.year}", lookups)
            if not (e.who == "sistem" and e.kind == "dibuat")
        ]
        evidence_filter = {"realisation_id__in": {r.id for r in reports}}
        years = set(item.targets_by_year) | {r.year for r in reports}
    evidence = Evidence.history.filter(**evidence_filter).select_related("history_user")
    entries += entries_for(
        Evidence, evidence, lambda r: f"Bukti dukung {r.title or r.original_name or r.link}", lookups
    )
    reopened = ReopenedItem.history.filter(**item_id_key(item)).select_related("history_user", "window")
    entries += entries_for(ReopenedItem, reopened, lambda r: f"Dibuka kembali untuk {r.window}", lookups)
    entries += window_reopenings(years)
    entries += amendment_entries(item)
    return sorted(entries, key=lambda e: e.when, reverse=True)


def window_reopenings(years: set[int]) -> list[Entry]:
    """Whole reporting windows of the item's years reopened by staff, with the reason they gave."""
    records = (
        ReportingWindow.history.filter(year__in=years, is_open=True)
        .exclude(history_change_reason__isnull=True)
        .exclude(history_change_reason="")
        .select_related("history_user", "changed_by")
    )
    return [
        Entry(
            when=record.history_date,
            who=name_of(record.history_user or record.changed_by),
            what=f"Jendela pelaporan {window_label(record.period)} {record.year}",
            kind="dibuka kembali",
            reason=record.history_change_reason,
        )
        for record in records
    ]


def amendment_entries(item) -> list[Entry]:
    """What each amendment of the road map changed in this item (editions.models), one entry per change."""
    changes = AmendmentChange.objects.filter(**item_id_key(item)).select_related("amendment__created_by")
    entries = []
    for change in changes:
        amendment, user = change.amendment, change.amendment.created_by
        entries.append(
            Entry(
                when=change.made_at,
                who=name_of(user),
                what=f"{amendment} ({format_date(amendment.document_date)})",
                kind=change.get_kind_display().lower(),
                reason=amendment.reason,
                changes=[Change(change.field or "item", change.before or "–", change.after or "–")],
            )
        )
    return entries


def targets_when_reported(item, reports) -> None:
    """Mark each report whose year's target has changed since it was made with ``target_then``: the
    target as written when it was submitted (or last saved), to show beside the target now."""
    # Each item kind's targets point at it by their own foreign key (a plan target's is "indicator").
    targets = item.targets
    records = sorted(
        targets.model.history.filter(**{f"{targets.field.name}_id": item.pk}).values_list(
            "year", "history_date", "as_written"
        ),
        key=lambda record: record[1],
    )
    now = {year: target.as_written for year, target in item.targets_by_year.items()}
    for report in reports:
        moment = report.submitted_at or report.updated_at
        then = [written for year, when, written in records if year == report.year and when <= moment]
        report.target_then = report.target_now = None
        if then and then[-1] != now.get(report.year, ""):
            report.target_then, report.target_now = then[-1] or "–", now.get(report.year) or "–"
