"""Demo accounts and demo reports for a newcomer (see README.md), and data at scale for benchmarks."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from monev import plan_standings, standings
from monev.devdata import demo_seeded
from monev.devdata.demo import DEMO_YEAR, seed_demo_plans, seed_demo_reports
from monev.devdata.scale import SCALE_PASSWORD, seed_scale
from roadmap.models import Agency, Role, UserProfile

DEMO_PASSWORD = "monev-demo-2020"

DEMO_ACCOUNTS = [
    # username, first name, last name, role, agency code
    ("organisasi", "Dewi", "Anggraini", Role.STAFF, None),
    ("inspektorat", "Agus", "Santoso", Role.AGENCY_ADMIN, "inspektorat"),
    ("bkd", "Rina", "Wulandari", Role.AGENCY_ADMIN, "bkd"),
    # Bagian Organisasi as a Perangkat Daerah: in the Pengawasan Pokja, it reviews Inspektorat's reports.
    ("bag-organisasi", "Fajar", "Nugroho", Role.AGENCY_ADMIN, "bagian-organisasi"),
    ("pengarah", "Bambang", "Hartono", Role.STEERING, None),
]


class Command(BaseCommand):
    help = f"Create or reset the demo accounts (password {DEMO_PASSWORD!r}). Refuses when DEBUG is off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Also generate N times a realistic year of use (45 agencies, 2020-2021, every item; "
            "see monev/devdata/scale.py). 0: none; 1: the roadmap as it is; at most 50.",
        )

    def handle(self, *args, force: bool, scale: int, **options):
        if not 0 <= scale <= 50:
            raise CommandError("--scale must be between 0 and 50.")
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: demo accounts with a published password are refused (use --force)."
            )
        with transaction.atomic():
            for username, first_name, last_name, role, agency_code in DEMO_ACCOUNTS:
                agency = Agency.objects.get(code=agency_code) if agency_code else None
                user, _ = get_user_model().objects.update_or_create(
                    username=username,
                    defaults={"first_name": first_name, "last_name": last_name, "is_active": True},
                )
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                UserProfile.objects.update_or_create(
                    user=user, defaults={"role": role, "agency": agency, "must_change_password": False}
                )
                self.stdout.write(f"  {username}: {role.label}{f' ({agency})' if agency else ''}")
        today = timezone.localdate()
        # Each item's and planned action's stored standing once, not once per report.
        with standings.deferred(), plan_standings.deferred():
            count = seed_demo_reports(today)
        self.stdout.write(
            f"  {count} demo reports for {DEMO_YEAR} in every review state; one reporting window open."
        )
        self.stdout.write(f"  {seed_demo_plans()}")
        for _, line in demo_seeded.send(sender=self.__class__, today=today):
            if line:
                self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Demo accounts ready; password: {DEMO_PASSWORD}"))
        if scale:
            started = time.monotonic()
            with transaction.atomic(), standings.deferred(), plan_standings.deferred():
                stats = seed_scale(scale=scale)
                standings.rebuild()  # its reports are bulk-created, without signals
                plan_standings.rebuild()
            self.stdout.write(
                f"  scale {scale}: {stats.agencies} agencies, {stats.users} agency admins "
                f"(password {SCALE_PASSWORD}), {stats.items} copied items, {stats.realisations} realisations, "
                f"{stats.progress} action-plan progress reports, {stats.evidence} evidence records "
                f"in {time.monotonic() - started:.1f} s."
            )
            for line in stats.more:
                self.stdout.write(f"  {line}.")
