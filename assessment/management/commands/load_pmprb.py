from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessment.loading import load_models
from roadmap.loading import FixtureError


class Command(BaseCommand):
    help = (
        "Load the PMPRB evaluation models from fixtures/pmprb/ (structure, weights with sources, example "
        "questions). Idempotent: loading the same files again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", type=Path, default=Path(settings.BASE_DIR) / "fixtures")

    def handle(self, *args, fixtures: Path, **options):
        try:
            stats = load_models(root=fixtures)
        except FixtureError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                "PMPRB models loaded: {created} created, {updated} updated, {unchanged} unchanged, "
                "{removed} removed.".format(
                    **{o: stats.total(o) for o in ("created", "updated", "unchanged", "removed")}
                )
            )
        )
