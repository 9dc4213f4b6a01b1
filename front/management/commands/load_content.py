"""Load the handbook content (fixtures/content) and the demo set (fixtures/demo) into the database."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from front.loading import SECTIONS
from front.search import index as search_index
from regions.importing import ImportRefused
from regions.loading import load_content


class Command(BaseCommand):
    help = "Laadt de inhoud uit de handboeken (fixtures/content) en de voorbeeldscholen; twee keer laden verandert niets."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, help="YAML-bestanden; standaard alle inhoud en voorbeeldgegevens.")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren en tellen; niets opslaan.")
        parser.add_argument("--no-demo", action="store_true", help="Sla de fictieve voorbeeldscholen over.")

    def handle(self, *args, files, dry_run, no_demo, **options):
        if not files:
            fixtures = Path(settings.BASE_DIR) / "fixtures"
            files = sorted((fixtures / "content").glob("*.yaml"))
            if not no_demo:
                files += sorted((fixtures / "demo").glob("*.yaml"))
        missing = [str(f) for f in files if not f.is_file()]
        if missing:
            raise CommandError(f"Bestand niet gevonden: {', '.join(missing)}")
        try:
            with search_index.paused():  # indexed once, below, instead of at every save
                summary = load_content(files, SECTIONS, dry_run=dry_run)
        except ImportRefused as exc:
            raise CommandError(
                f"Niets geladen: {len(exc.errors)} fout(en) gevonden.\n" + "\n".join(f"- {e}" for e in exc.errors)
            ) from None
        if not dry_run:
            search_index.rebuild()
        prefix = "Proefrun, niets opgeslagen. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{len(files)} bestand(en): {summary.line()}"))
        if options["verbosity"] > 1:
            for label, count in sorted((summary.counts["created"] + summary.counts["updated"]).items()):
                self.stdout.write(f"  {label}: {count}")
