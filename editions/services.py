"""Making, enacting and amending road maps: each function is one transaction, called with keywords only.

A draft is changed directly; an enacted edition only through an open amendment, which records
every change it makes (``AmendmentChange``) and names itself in the history of each target it
rewrites. An item of an enacted edition is never deleted: an amendment drops it from its
effective year, and the reports already made on it stay (docs/editions.md).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Model
from django.utils import timezone
from django.utils.text import slugify

from actions.models import (
    ActionPlanLead,
    ActionPlanRow,
    ActivityTarget,
    PlannedAction,
    PriorityActivity,
    QuickWin,
    SupportScope,
)
from areas.models import ChangeArea, Indicator, IndicatorTarget, PokjaMembership
from areas.targets import item_levels, target_values
from editions.checks import check_edition
from editions.copying import Copier
from editions.models import Amendment, AmendmentChange, ChangeKind
from roadmap.models import Agency, EditionStatus, RoadmapEdition
from roadmap.notation import NO_TARGET_MARKS

NOT_OPEN = "Perubahan ini sudah selesai dicatat; buat perubahan baru."
NEEDS_AMENDMENT = "Edisi ini sudah ditetapkan: pilih perubahan (amandemen) yang menjadi dasar perubahan ini."
DRAFT_ONLY = "Hanya rancangan yang dapat diubah bagian ini; edisi yang ditetapkan diubah melalui perubahan."


def edition_of(item) -> RoadmapEdition:
    if isinstance(item, PriorityActivity):
        return item.edition
    if isinstance(item, ChangeArea | QuickWin):
        return item.edition
    return item.area.edition


def item_field(item) -> str:
    """The AmendmentChange field naming ``item``."""
    if isinstance(item, Indicator):
        return "indicator"
    if isinstance(item, PriorityActivity):
        return "activity"
    return "row"


def require_editable(edition: RoadmapEdition, amendment: Amendment | None) -> None:
    """A draft takes changes directly; an enacted edition only under one of its open amendments."""
    if edition.is_draft:
        if amendment is not None:
            raise ValidationError("Rancangan diubah langsung, tanpa perubahan (amandemen).")
        return
    if amendment is None:
        raise ValidationError(NEEDS_AMENDMENT)
    amendment.refresh_from_db(fields=["closed_at"])  # closed meanwhile, in another tab
    if amendment.edition_id != edition.pk:
        raise ValidationError("Perubahan ini untuk edisi lain.")
    if not amendment.is_open:
        raise ValidationError(NOT_OPEN)


def require_draft(edition: RoadmapEdition) -> None:
    if not edition.is_draft:
        raise ValidationError(DRAFT_ONLY)


def shown(value) -> str:
    """A field's value as a change record writes it."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return str(value)


def record(amendment: Amendment | None, item, kind: str, **details) -> None:
    if amendment is not None:
        AmendmentChange.objects.create(amendment=amendment, kind=kind, **{item_field(item): item}, **details)


def history_reason(amendment: Amendment | None, edition: RoadmapEdition) -> str:
    if amendment is None:
        return f"Penyusunan {edition}"
    return str(amendment)[:100]  # the amendment's page holds its reason


# --- Editions ----------------------------------------------------------------------------------


@transaction.atomic
def copy_edition(
    *,
    source: RoadmapEdition,
    title: str,
    start_year: int,
    end_year: int,
    regulation_type: str = "Peraturan Bupati Pekalongan",
    all_years: bool = False,
    user,
) -> RoadmapEdition:
    """A new draft with everything ``source`` holds; target cells and planned actions outside the new
    period are left behind unless ``all_years`` (an identical copy)."""
    edition = RoadmapEdition(
        status=EditionStatus.DRAFT,
        title=title,
        start_year=start_year,
        end_year=end_year,
        regulation_type=regulation_type,
        copied_from=source,
    )
    edition.full_clean()
    edition.save()
    Copier(source, edition, None if all_years else set(edition.years), user).run()
    return edition


@transaction.atomic
def update_draft(*, edition: RoadmapEdition, values: dict, user) -> RoadmapEdition:
    edition = RoadmapEdition.objects.select_for_update().get(pk=edition.pk)
    require_draft(edition)
    for name, value in values.items():
        setattr(edition, name, value)
    edition.full_clean()
    edition.save()
    return edition


@transaction.atomic
def delete_draft(*, edition: RoadmapEdition, user) -> None:
    """A draft has no reports (nobody reports on a draft), so it may go entirely."""
    edition = RoadmapEdition.objects.select_for_update().get(pk=edition.pk)
    require_draft(edition)
    edition.delete()


@transaction.atomic
def enact_edition(*, edition: RoadmapEdition, regulation: dict, user) -> RoadmapEdition:
    """Enact a draft with its regulation's number and dates; from its start year it is in force."""
    edition = RoadmapEdition.objects.select_for_update().get(pk=edition.pk)
    if not edition.is_draft:
        raise ValidationError("Edisi ini sudah ditetapkan.")
    result = check_edition(edition)
    if not result.passed:
        raise ValidationError(
            f"Rancangan belum dapat ditetapkan: {len(result.problems)} masalah pada pemeriksaan harus diperbaiki dahulu."
        )
    clash = RoadmapEdition.objects.enacted().filter(start_year=edition.start_year).first()
    if clash is not None:
        raise ValidationError(
            {
                "start_year": f"{clash} sudah berlaku mulai {edition.start_year}: ubah tahun mulai rancangan ini."
            }
        )
    for name, value in regulation.items():
        setattr(edition, name, value)
    edition.status = EditionStatus.ENACTED
    edition.full_clean()
    edition.save()
    return edition


# --- Areas and quick wins (drafts only) ----------------------------------------------------------


def next_order(queryset, field: str = "order") -> int:
    return (queryset.aggregate(top=Max(field))["top"] or 0) + 1


@transaction.atomic
def save_area(
    *, edition: RoadmapEdition, area: ChangeArea | None, name: str, pokja: list[Agency], user
) -> ChangeArea:
    require_draft(edition)
    if area is None:
        area = ChangeArea(edition=edition, order=next_order(edition.areas))
    area.name = name
    area.slug = unique_slug(edition, name, area.pk)
    area.full_clean()
    area.save()
    kept = {m.agency_id: m for m in area.pokja_memberships.all()}
    wanted = [agency.pk for agency in pokja]
    area.pokja_memberships.exclude(agency__in=wanted).delete()
    area.pokja_memberships.update(order=F("order") + 1000)  # out of the way of unique (area, order)
    for order, agency in enumerate(wanted, start=1):
        membership = kept.get(agency) or PokjaMembership(area=area, agency_id=agency)
        membership.order = order
        membership.save()
    return area


def unique_slug(edition: RoadmapEdition, name: str, pk: int | None) -> str:
    base = slugify(name)[:70] or "area"
    slug, n = base, 2
    while edition.areas.filter(slug=slug).exclude(pk=pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def delete_area(*, area: ChangeArea, user) -> None:
    require_draft(area.edition)
    area.delete()


@transaction.atomic
def save_quick_win(*, edition: RoadmapEdition, quick_win: QuickWin | None, values: dict, user) -> QuickWin:
    require_draft(edition)
    quick_win = quick_win or QuickWin(edition=edition)
    for name, value in values.items():
        setattr(quick_win, name, value)
    quick_win.full_clean()
    quick_win.save()
    return quick_win


@transaction.atomic
def delete_quick_win(*, quick_win: QuickWin, user) -> None:
    require_draft(quick_win.edition)
    quick_win.delete()


# --- Indicators and activities -----------------------------------------------------------------


def apply_fields(item: Model, values: dict, amendment: Amendment | None) -> None:
    """Set ``values`` on ``item``, recording each change under the amendment (an existing item only)."""
    for name, value in values.items():
        if item.pk is None:  # a new item: recorded as added, not field by field
            setattr(item, name, value)
            continue
        old = getattr(item, name)
        if old == value:
            continue
        setattr(item, name, value)
        label = str(item._meta.get_field(name).verbose_name)
        record(amendment, item, ChangeKind.CHANGED, field=label, before=shown(old), after=shown(value))


def place(item, parent_field: str, parent, queryset) -> None:
    """Put ``item`` under ``parent`` (an area or a quick win), last, when it is new or moves there."""
    if getattr(item, f"{parent_field}_id") != getattr(parent, "pk", None) or item.pk is None:
        item.order = next_order(queryset.filter(**{parent_field: parent}).exclude(pk=item.pk))


def write_targets(
    item, target_model, parent_field: str, cells: dict[int, str], amendment, edition, user
) -> int:
    """Rewrite the cells that changed; a year without a cell gets one only when something is written."""
    levels = item_levels(item)
    existing = {
        t.year: t for t in target_model.objects.select_for_update(of=("self",)).filter(**{parent_field: item})
    }
    changed = 0
    errors = {}
    for year, written in sorted(cells.items()):
        written = written.strip()
        target = existing.get(year)
        if target is None and not written:
            continue
        if target is not None and target.as_written == written:
            continue
        try:
            values = target_values(written, levels)
        except ValueError as error:
            errors[f"target_{year}"] = str(error)
            continue
        before = target.as_written if target is not None else ""
        target = target or target_model(**{parent_field: item}, year=year)
        for name, value in values.items():
            setattr(target, name, value)
        target._change_reason = history_reason(amendment, edition)
        target._history_user = user
        target.full_clean()
        target.save()
        changed += 1
        record(
            amendment,
            item,
            ChangeKind.TARGET,
            field=f"Target {year}",
            year=year,
            before=before or "–",
            after=written or "–",
        )
    if errors:
        raise ValidationError(errors)
    return changed


@transaction.atomic
def save_indicator(
    *,
    edition: RoadmapEdition,
    indicator: Indicator | None,
    values: dict,
    cells: dict[int, str],
    amendment: Amendment | None = None,
    user,
) -> Indicator:
    """Add or change an indicator of ``edition``: its settings (``values``: area, name, unit, target_kind,
    scale, direction, aggregation, data_owner, is_key) and its yearly targets as written (``cells``)."""
    require_editable(edition, amendment)
    new = indicator is None
    indicator = indicator or Indicator()
    if values["area"].edition_id != edition.pk:
        raise ValidationError({"area": "Area ini bukan bagian dari edisi ini."})
    place(indicator, "area", values["area"], Indicator.objects.all())
    apply_fields(indicator, values, amendment)
    indicator.full_clean()
    indicator.save()
    if new:
        record(amendment, indicator, ChangeKind.ADDED, after=indicator.name)
    write_targets(indicator, IndicatorTarget, "indicator", cells, amendment, edition, user)
    return indicator


@transaction.atomic
def save_activity(
    *,
    edition: RoadmapEdition,
    activity: PriorityActivity | None,
    values: dict,
    cells: dict[int, str],
    amendment: Amendment | None = None,
    user,
) -> PriorityActivity:
    """Add or change a priority activity (of an area, or of a quick win's table): ``values`` holds area or
    quick_win (one of them), name, unit, direction, aggregation, agency, agency_note."""
    require_editable(edition, amendment)
    new = activity is None
    activity = activity or PriorityActivity()
    area, quick_win = values.get("area"), values.get("quick_win")
    parent = area or quick_win
    if (area is None) == (quick_win is None) or parent.edition_id != edition.pk:
        raise ValidationError({"parent": "Pilih satu area perubahan atau satu quick win dari edisi ini."})
    parent_field = "area" if area is not None else "quick_win"
    place(activity, parent_field, parent, PriorityActivity.objects.all())
    apply_fields(activity, {"area": area, "quick_win": quick_win, **values}, amendment)
    activity.full_clean()
    activity.save()
    if new:
        record(amendment, activity, ChangeKind.ADDED, after=activity.name)
    write_targets(activity, ActivityTarget, "activity", cells, amendment, edition, user)
    return activity


# --- Action-plan rows ----------------------------------------------------------------------------


def write_planned_actions(row: ActionPlanRow, actions: dict[int, list[str]], amendment) -> None:
    """Each year's bullets in order; a reported action cannot go (its progress reports stay with it)."""
    for year, texts in sorted(actions.items()):
        current = list(row.planned_actions.filter(year=year).order_by("order"))
        texts = [t for t in texts if t.strip() and t.strip() not in NO_TARGET_MARKS]
        for stale in current[len(texts) :]:
            if stale.progress.exists():
                raise ValidationError(
                    {
                        f"actions_{year}": f"“{stale.text[:60]}” sudah dilaporkan kemajuannya dan tidak dapat dihapus."
                    }
                )
        before = "\n".join(a.text for a in current)
        for stale in current[len(texts) :]:
            stale.delete()
        for order, text in enumerate(texts, start=1):
            action = current[order - 1] if order <= len(current) else PlannedAction(row=row, year=year)
            if action.pk and action.text == text and action.order == order:
                continue
            action.order, action.text = order, text
            action.full_clean()
            action.save()
        after = "\n".join(texts)
        if before != after and row.pk:
            record(
                amendment,
                row,
                ChangeKind.CHANGED,
                field=f"Rencana aksi {year}",
                year=year,
                before=before or "–",
                after=after or "–",
            )


@transaction.atomic
def save_action_row(
    *,
    edition: RoadmapEdition,
    row: ActionPlanRow | None,
    values: dict,
    leads: list[Agency],
    supporters: list[Agency],
    actions: dict[int, list[str]],
    amendment: Amendment | None = None,
    user,
) -> ActionPlanRow:
    """Add or change an action-plan row: ``values`` (area, group, label, name, support_scope,
    supporting_as_written), its lead agencies (Utama) in order, the named supporting agencies
    (Pendukung) and each year's planned actions, one text per bullet."""
    require_editable(edition, amendment)
    if not leads:
        raise ValidationError({"leads": "Pilih sekurang-kurangnya satu Perangkat Daerah Utama."})
    new = row is None
    row = row or ActionPlanRow()
    area = values["area"]
    if area.edition_id != edition.pk:
        raise ValidationError({"area": "Area ini bukan bagian dari edisi ini."})
    group = values.get("group")
    if group is not None and group.area_id != area.pk:
        raise ValidationError({"group": "Kelompok harus berada pada area yang sama."})
    place(row, "area", area, ActionPlanRow.objects.all())
    if values.get("support_scope") == SupportScope.LISTED and not values.get("supporting_as_written"):
        values = {**values, "supporting_as_written": "; ".join(a.name for a in supporters)}
    apply_fields(row, values, amendment)
    row.full_clean()
    row.save()
    if new:
        record(amendment, row, ChangeKind.ADDED, after=row.name)
    old_leads = [lead.agency for lead in row.leads.all()]
    if old_leads != list(leads):
        row.leads.all().delete()
        for n, agency in enumerate(leads, start=1):  # one by one: each save keeps stored progress in step
            ActionPlanLead.objects.create(row=row, agency=agency, order=n)
        if not new:
            record(
                amendment,
                row,
                ChangeKind.CHANGED,
                field="Perangkat Daerah Utama",
                before="; ".join(a.name for a in old_leads) or "–",
                after="; ".join(a.name for a in leads),
            )
    if set(row.supporting_agencies.all()) != set(supporters):
        before = "; ".join(a.name for a in row.supporting_agencies.all())
        row.supporting_agencies.set(supporters)
        if not new:
            record(
                amendment,
                row,
                ChangeKind.CHANGED,
                field="Perangkat Daerah Pendukung",
                before=before or "–",
                after="; ".join(a.name for a in supporters) or "–",
            )
    write_planned_actions(row, actions, amendment)
    return row


# --- Dropping items ------------------------------------------------------------------------------


@transaction.atomic
def drop_item(*, item, amendment: Amendment | None = None, user) -> None:
    """Drop an indicator, activity or action-plan row: from a draft it is deleted; from an enacted
    edition an amendment drops it from its effective year, clearing the targets (and the unreported
    planned actions) of those years, while every report already made on it stays."""
    edition = edition_of(item)
    require_editable(edition, amendment)
    if edition.is_draft:
        item.delete()
        return
    if item.dropped_from is not None:
        raise ValidationError("Item ini sudah dihapus dari road map.")
    year = amendment.effective_year
    item.dropped_from = year
    item.save(update_fields=["dropped_from"])
    record(amendment, item, ChangeKind.DROPPED, year=year, before=item.name, after=f"dihapus mulai {year}")
    if isinstance(item, ActionPlanRow):
        item.planned_actions.filter(year__gte=year, progress__isnull=True).delete()
        return
    target_model = IndicatorTarget if isinstance(item, Indicator) else ActivityTarget
    targets = target_model.objects.select_for_update(of=("self",)).filter(
        **{item_field(item): item}, year__gte=year
    )
    for target in targets:
        if not target.is_set:
            continue
        target.as_written, target.number, target.level, target.comparator = "-", None, None, ""
        target._change_reason = history_reason(amendment, edition)
        target._history_user = user
        target.save()


# --- Amendments ----------------------------------------------------------------------------------


@transaction.atomic
def create_amendment(
    *,
    edition: RoadmapEdition,
    basis: str,
    document_number: str,
    document_date,
    reason: str,
    effective_year: int,
    user,
) -> Amendment:
    edition = RoadmapEdition.objects.select_for_update().get(pk=edition.pk)
    amendment = Amendment(
        edition=edition,
        sequence=next_order(edition.amendments, "sequence"),
        basis=basis,
        document_number=document_number,
        document_date=document_date,
        reason=reason,
        effective_year=effective_year,
        created_by=user,
    )
    amendment.full_clean()
    amendment.save()
    return amendment


@transaction.atomic
def close_amendment(*, amendment: Amendment, user) -> Amendment:
    amendment = Amendment.objects.select_for_update(of=("self",)).get(pk=amendment.pk)
    if not amendment.is_open:
        raise ValidationError(NOT_OPEN)
    amendment.closed_at = timezone.now()
    amendment.save(update_fields=["closed_at"])
    return amendment


# --- The road-map workbook -----------------------------------------------------------------------


@transaction.atomic
def apply_workbook(*, edition: RoadmapEdition, preview, drop_missing: bool = False, user) -> dict[str, int]:
    """Write a previewed workbook (editions.workbook) into a draft: all of it or nothing."""
    require_draft(edition)
    if preview.has_errors:
        raise ValidationError("Berkas masih berisi galat: perbaiki barisnya, lalu unggah kembali.")
    counts = {"new": 0, "changed": 0, "dropped": 0}
    for line in preview.lines:
        if line.outcome not in ("new", "changed"):
            continue
        counts[line.outcome] += 1
        if line.kind == "indicator":
            save_indicator(
                edition=edition, indicator=line.item, values=line.values, cells=line.cells, user=user
            )
        elif line.kind == "activity":
            save_activity(
                edition=edition, activity=line.item, values=line.values, cells=line.cells, user=user
            )
        else:
            save_action_row(
                edition=edition,
                row=line.item,
                values=line.values,
                leads=line.leads,
                supporters=line.supporters,
                actions=line.cells,
                user=user,
            )
    if drop_missing:
        for item in preview.missing:
            drop_item(item=item, user=user)
            counts["dropped"] += 1
    return counts
