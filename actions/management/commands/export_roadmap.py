from django.core.management.base import BaseCommand, CommandError

from actions.opendata import export_text
from roadmap.models import RoadmapEdition


class Command(BaseCommand):
    help = (
        "Print a road map as open-data JSON (the same document as /roadmap/export.json): "
        "the edition in force, or the one --edition names."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--edition",
            type=int,
            help="The edition's id, as in /roadmap/export.json?edition=<id> (default: the edition in force).",
        )

    def handle(self, *args, edition: int | None = None, **options):
        if edition is None:
            chosen = RoadmapEdition.objects.current()
            if chosen is None:
                raise CommandError("No road map is loaded; run 'python manage.py load_roadmap' first.")
        else:
            chosen = RoadmapEdition.objects.filter(pk=edition).first()
            if chosen is None:
                ids = ", ".join(f"{e.pk} ({e})" for e in RoadmapEdition.objects.all())
                raise CommandError(f"No edition {edition}; the editions are: {ids or 'none'}.")
        self.stdout.write(export_text(chosen), ending="")
