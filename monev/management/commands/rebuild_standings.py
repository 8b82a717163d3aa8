"""Compute every stored standing again from the reports (docs/standings.md)."""

from django.core.management.base import BaseCommand

from monev import standings


class Command(BaseCommand):
    help = "Compute every stored item standing (monev.Standing) again from the reports."

    def handle(self, *args, **options):
        count = standings.rebuild()
        self.stdout.write(f"{count} stored standings computed again.")
