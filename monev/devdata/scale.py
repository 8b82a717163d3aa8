"""Data at scale for benchmarks and load runs: N times a realistic year of monev.

Scale 1 is the regency as it really reports: 45 Perangkat Daerah (the 23 the regulation names
plus the 19 kecamatan and three hospitals and offices), every item of the roadmap, four quarters
of 2020 and 2021, reports in every review state with evidence and history. Scale N adds N − 1
copies of every area's indicators, activities and action-plan rows (shared round-robin among the
agencies), each reported the same way, so every page has N times the rows to show. Agency plans
(``scale_plans``), the PMPRB (``assessment.scale``) and the follow-up register (``followup.scale``)
grow with N as well; the apps above monev answer the ``scale_seeded`` signal.

Everything synthetic is marked: agencies' codes start with ``skala-``, copied items' names end
with ``[skala k]``; ``clear_scale`` removes it all again.
"""

import itertools
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from actions.models import ActionPlanLead, ActionPlanRow, ActivityTarget, PlannedAction, PriorityActivity
from areas.models import Indicator, IndicatorTarget
from monev.devdata import scale_seeded, without_history
from monev.devdata.scale_plans import clear_plans, seed_plans
from monev.models import ActionProgress, ActionStatus, Evidence, Realisation, ReviewState
from roadmap.models import Agency, RoadmapEdition, Role, UserProfile

SCALE_PREFIX = "skala-"
SCALE_PASSWORD = "monev-skala-2020"
MARKER = "[skala "  # in the names of copied items
YEARS = (2020, 2021)
EXTRA_AGENCIES = [
    *[
        (f"Kecamatan {name}", "kecamatan")
        for name in [
            "Bojong",
            "Buaran",
            "Doro",
            "Kajen",
            "Kandangserang",
            "Karanganyar",
            "Karangdadap",
            "Kedungwuni",
            "Kesesi",
            "Lebakbarang",
            "Paninggaran",
            "Petungkriyono",
            "Siwalan",
            "Sragi",
            "Talun",
            "Tirto",
            "Wiradesa",
            "Wonokerto",
            "Wonopringgo",
        ]
    ],
    ("Dinas Kesehatan", "dinas"),
    ("Rumah Sakit Umum Daerah Kraton", "rumah_sakit"),
    ("Satuan Polisi Pamong Praja", "satuan"),
]
# How a realistic year's reports end up: most verified, some waiting, a few returned or in draft.
STATES = [ReviewState.VERIFIED] * 6 + [ReviewState.SUBMITTED] * 2 + [ReviewState.RETURNED, ReviewState.DRAFT]


@dataclass
class ScaleStats:
    agencies: int = 0
    users: int = 0
    items: int = 0
    realisations: int = 0
    progress: int = 0
    evidence: int = 0
    more: list[str] = field(default_factory=list)  # what the apps above monev made (scale_seeded)


def slug(name: str) -> str:
    return SCALE_PREFIX + name.lower().replace(" ", "-")[:30]


def ensure_agencies() -> list[Agency]:
    for name, kind in EXTRA_AGENCIES:
        short = name.replace("Kecamatan ", "Kec. ").replace("Rumah Sakit Umum Daerah", "RSUD")
        Agency.objects.get_or_create(
            code=slug(name), defaults={"name": name, "short_name": short, "kind": kind}
        )
    return list(Agency.objects.order_by("pk"))


def ensure_admins(agencies: list[Agency]) -> list:
    """One agency admin per agency (``skala-<code>``), for load runs."""
    users = []
    password = get_user_model()(username="x")
    password.set_password(SCALE_PASSWORD)
    for agency in agencies:
        user, created = get_user_model().objects.get_or_create(
            username=f"{SCALE_PREFIX}{agency.code}"[:150],
            defaults={
                "first_name": "Admin",
                "last_name": agency.short_name[:150],
                "password": password.password,
            },
        )
        UserProfile.objects.get_or_create(user=user, defaults={"role": Role.AGENCY_ADMIN, "agency": agency})
        users.append(user)
    return users


def copy_items(edition: RoadmapEdition, copy: int, agencies: list[Agency]) -> int:
    """One copy of every area's indicators, activities and action-plan rows, led round-robin."""
    lead = itertools.cycle(agencies)
    suffix = f" [skala {copy}]"
    count = 0
    for area in edition.areas.all():
        for indicator in (
            Indicator.objects.filter(area=area)
            .exclude(name__contains=MARKER)
            .prefetch_related("targets")
            .order_by("order")
        ):
            targets = list(indicator.targets.all())
            indicator.pk, indicator.id = None, None
            indicator.name = indicator.name[:290] + suffix
            indicator.order += 100 * copy  # a smallint: room for scale 300
            indicator.is_key, indicator.ref = False, ""  # one key chart, one "indeks-rb" per area
            indicator.save()
            IndicatorTarget.objects.bulk_create(
                IndicatorTarget(indicator=indicator, year=t.year, as_written=t.as_written, number=t.number,
                                level_id=t.level_id, comparator=t.comparator)
                for t in targets
            )  # fmt: skip
            count += 1
        for activity in (
            PriorityActivity.objects.filter(area=area)
            .exclude(name__contains=MARKER)
            .prefetch_related("targets")
            .order_by("order")
        ):
            targets = list(activity.targets.all())
            activity.pk, activity.id = None, None
            activity.name = activity.name[:290] + suffix
            activity.order += 100 * copy
            activity.agency = next(lead)
            activity.save()
            ActivityTarget.objects.bulk_create(
                ActivityTarget(activity=activity, year=y, as_written="45", number=45)
                for y in (*range(2016, 2021), 2021)
            )  # a target in both reported years
            count += 1
        for row in (
            ActionPlanRow.objects.filter(area=area)
            .exclude(name__contains=MARKER)
            .prefetch_related("planned_actions")
            .order_by("order")
        ):
            actions = list(row.planned_actions.all())
            row.pk, row.id = None, None
            row.name = row.name[:390] + suffix
            row.order += 100 * copy
            row.save()
            ActionPlanLead.objects.create(row=row, agency=next(lead), order=1)
            PlannedAction.objects.bulk_create(
                PlannedAction(row=row, year=a.year, order=a.order, text=a.text) for a in actions
            )
            count += 1
    return count


def report_everything(
    edition: RoadmapEdition, agencies: list[Agency], users: dict, rng: random.Random
) -> ScaleStats:
    """Four quarters of both years for every activity and planned action; the year figure for indicators."""
    stats = ScaleStats()
    now = timezone.now()
    staff = get_user_model().objects.filter(profile__role=Role.STAFF).first()
    realisations, progress = [], []
    activities = PriorityActivity.objects.of_edition(edition).exclude(
        pk__in=Realisation.objects.filter(year__in=YEARS, activity__isnull=False).values("activity")
    )
    for activity in activities.select_related("agency"):
        reporter = users.get(activity.agency_id)
        for year, quarter in itertools.product(YEARS, (1, 2, 3, 4)):
            state = rng.choice(STATES)
            realisations.append(
                Realisation(
                    activity=activity, year=year, period=f"q{quarter}", number=rng.randint(5, 60),
                    note="Data skala.", obstacles=rng.choice(["", "Anggaran terbatas."]),
                    review_state=state, reported_by=reporter, submitted_at=now,
                    reviewed_by=staff if state in (ReviewState.VERIFIED, ReviewState.RETURNED) else None,
                    reviewed_at=now if state in (ReviewState.VERIFIED, ReviewState.RETURNED) else None,
                    review_note="Lengkapi bukti." if state == ReviewState.RETURNED else "",
                )
            )  # fmt: skip
    indicators = (
        Indicator.objects.of_edition(edition)
        .filter(target_kind="number")
        .exclude(
            pk__in=Realisation.objects.filter(year__in=YEARS, indicator__isnull=False).values("indicator")
        )
    )
    for indicator in indicators:
        for year in YEARS:
            realisations.append(
                Realisation(indicator=indicator, year=year, period="year", number=rng.randint(40, 100),
                            review_state=ReviewState.VERIFIED, reported_by=staff, submitted_at=now,
                            reviewed_by=staff, reviewed_at=now)
            )  # fmt: skip
    actions = PlannedAction.objects.filter(row__area__edition=edition, year__in=YEARS).exclude(
        pk__in=ActionProgress.objects.values("planned_action")
    )
    first_leads = dict(ActionPlanLead.objects.filter(order=1).values_list("row_id", "agency_id"))
    for action in actions:
        reporter = users.get(first_leads.get(action.row_id))
        for quarter in (1, 2, 3, 4):
            status = [
                ActionStatus.NOT_STARTED,
                ActionStatus.IN_PROGRESS,
                ActionStatus.IN_PROGRESS,
                ActionStatus.DONE,
            ][quarter - 1]
            state = rng.choice(STATES)
            progress.append(
                ActionProgress(
                    planned_action=action, quarter=quarter, lead_id=first_leads[action.row_id], status=status,
                    percent={"not_started": 0, "in_progress": 25 * quarter, "done": 100}[status],
                    note="Data skala.", review_state=state, reported_by=reporter, submitted_at=now,
                    reviewed_by=staff if state == ReviewState.VERIFIED else None,
                    reviewed_at=now if state == ReviewState.VERIFIED else None,
                )
            )  # fmt: skip
    realisations = bulk_create_with_history(realisations, Realisation, batch_size=1000, default_user=staff)
    progress = bulk_create_with_history(progress, ActionProgress, batch_size=1000, default_user=staff)
    evidence = [
        Evidence(realisation=report, link=f"https://data.pekalongankab.go.id/bukti/{report.pk}", title="Bukti",
                 uploaded_by=report.reported_by)
        for report in realisations if report.review_state != ReviewState.DRAFT
    ] + [
        Evidence(action_progress=report, link=f"https://data.pekalongankab.go.id/rencana/{report.pk}",
                 uploaded_by=report.reported_by)
        for report in progress[::2]
    ]  # fmt: skip
    Evidence.objects.bulk_create(evidence, batch_size=1000)
    stats.realisations, stats.progress, stats.evidence = len(realisations), len(progress), len(evidence)
    return stats


@transaction.atomic
def seed_scale(*, scale: int, seed: int = 2020) -> ScaleStats:
    """Make the database hold ``scale`` times a realistic year of use (see the module's docstring)."""
    edition = RoadmapEdition.objects.current()
    if edition is None:
        raise ValueError("Muat road map terlebih dahulu (python manage.py load_roadmap).")
    clear_scale()
    agencies = ensure_agencies()
    admins = ensure_admins(agencies)
    items = sum(copy_items(edition, copy, agencies) for copy in range(1, scale))
    users = {admin.profile.agency_id: admin for admin in admins}
    rng = random.Random(seed)
    stats = report_everything(edition, agencies, users, rng)
    stats.agencies, stats.users, stats.items = len(agencies), len(admins), items
    staff = get_user_model().objects.filter(profile__role=Role.STAFF).order_by("pk").first()
    made = seed_plans(edition, agencies, scale, staff, users, rng)
    stats.more.append(
        f"{made['plans']} agency plans with {made['plan_indicators']} indicators and "
        f"{made['plan_reports']} reports on them"
    )
    stats.more += [line for _, line in scale_seeded.send(sender=seed_scale, scale=scale, seed=seed) if line]
    return stats


@transaction.atomic
def clear_scale() -> None:
    """Remove every synthetic item and the reports on them (the regulation's items keep theirs)."""
    with without_history():
        clear_plans()
        # Reports protect their items: remove them first.
        Realisation.objects.filter(
            Q(indicator__name__contains=MARKER) | Q(activity__name__contains=MARKER)
        ).delete()
        ActionProgress.objects.filter(planned_action__row__name__contains=MARKER).delete()
        Indicator.objects.filter(name__contains=MARKER).delete()
        PriorityActivity.objects.filter(name__contains=MARKER).delete()
        ActionPlanRow.objects.filter(name__contains=MARKER).delete()
        Realisation.objects.filter(note="Data skala.").delete()
        ActionProgress.objects.filter(note="Data skala.").delete()
    Realisation.history.filter(note="Data skala.").delete()
    ActionProgress.history.filter(note="Data skala.").delete()
