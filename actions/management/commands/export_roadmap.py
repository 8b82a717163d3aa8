from django.core.management.base import BaseCommand, CommandError

from actions.opendata import export_text
from roadmap.models import RoadmapEdition


class Command(BaseCommand):
    help = "Print the road map in force as open-data JSON (the same document as /roadmap/export.json)."

    def handle(self, *args, **options):
        edition = RoadmapEdition.objects.current()
        if edition is None:
            raise CommandError("No road map is loaded; run 'python manage.py load_roadmap' first.")
        self.stdout.write(export_text(edition), ending="")
