from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from monev.loading import load_facts
from roadmap.loading import FixtureError


class Command(BaseCommand):
    help = (
        "Load the values the regulations state as facts (fixtures/*/facts.json) as realisations. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", type=Path, default=Path(settings.BASE_DIR) / "fixtures")

    def handle(self, *args, fixtures: Path, **options):
        try:
            stats = load_facts(root=fixtures)
        except FixtureError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Facts loaded: {stats.total('created')} created, {stats.total('updated')} updated, "
                f"{stats.total('unchanged')} unchanged."
            )
        )
