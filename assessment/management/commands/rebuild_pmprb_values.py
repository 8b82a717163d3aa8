"""Recompute every assessment's stored counted answers from its answers (assessment/stored.py)."""

from django.core.management.base import BaseCommand

from assessment import stored


class Command(BaseCommand):
    help = "Rebuild the stored counted answers of every PMPRB assessment from the answers."

    def handle(self, *args, **options):
        count = stored.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Counted answers of {count} assessments rebuilt."))
