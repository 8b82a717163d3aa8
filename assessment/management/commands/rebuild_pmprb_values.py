"""Recompute every assessment's stored counted answers and scores from its answers (assessment/stored.py)."""

from django.core.management.base import BaseCommand

from assessment import stored


class Command(BaseCommand):
    help = "Rebuild the stored counted answers and scores of every PMPRB assessment from the answers."

    def handle(self, *args, **options):
        count = stored.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Counted answers and scores of {count} assessments rebuilt."))
