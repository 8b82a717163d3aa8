from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from actions.loading import load_roadmap
from roadmap.loading import FixtureError


class Command(BaseCommand):
    help = (
        "Load the road map regulations from fixtures/ (agencies, scales and every edition directory). "
        "Idempotent: loading the same files again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures",
            type=Path,
            default=Path(settings.BASE_DIR) / "fixtures",
            help="Folder with agencies.json, scales.json and one folder per edition (default: fixtures/).",
        )
        parser.add_argument(
            "editions",
            nargs="*",
            type=Path,
            help="Edition folders to load (default: every folder of --fixtures with a regulation.json).",
        )

    def handle(self, *args, fixtures: Path, editions: list[Path], verbosity: int, **options):
        try:
            stats = load_roadmap(root=fixtures, editions=editions or None)
        except FixtureError as exc:
            raise CommandError(str(exc)) from exc
        if verbosity >= 2:
            for (model, outcome), count in sorted(stats.items()):
                self.stdout.write(f"  {model}: {count} {outcome}")
        self.stdout.write(
            self.style.SUCCESS(
                "Road map loaded: {created} created, {updated} updated, {unchanged} unchanged, "
                "{removed} removed.".format(
                    **{
                        outcome: stats.total(outcome)
                        for outcome in ("created", "updated", "unchanged", "removed")
                    }
                )
            )
        )
