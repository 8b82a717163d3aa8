"""Compute every stored action-plan standing again from the lead reports (docs/standings.md)."""

from django.core.management.base import BaseCommand

from monev import plan_standings


class Command(BaseCommand):
    help = "Compute every planned action's stored progress (monev.PlanStanding) again from the lead reports."

    def handle(self, *args, **options):
        count = plan_standings.rebuild()
        self.stdout.write(f"{count} stored action-plan standings computed again.")
