"""Import real school locations from DUO's open-data CSV into one region."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.duo import import_duo_schools
from regions.importing import ImportRefused
from regions.models import Region, Sector


class Command(BaseCommand):
    help = "Importeert schoollocaties uit het DUO-bestand (CSV) in één regio; één foute regel weigert het hele bestand."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--region", required=True, help="Slug van de regio, bijvoorbeeld amsterdam-diemen.")
        parser.add_argument("--sector", help="Sector als het bestand die niet noemt: po, sbo, so, vo, vso of pro.")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")

    def handle(self, *args, file, region, sector, dry_run, **options):
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        region_obj = Region.objects.filter(slug=region, is_national=False).first()
        if region_obj is None:
            raise CommandError(f"Onbekende regio: {region}")
        sector_obj = None
        if sector:
            sector_obj = Sector.objects.filter(code=sector).first()
            if sector_obj is None:
                raise CommandError(f"Onbekende sector: {sector}")
        try:
            report = import_duo_schools(file, region=region_obj, default_sector=sector_obj, dry_run=dry_run)
        except ImportRefused as exc:
            raise CommandError(
                f"Niets geïmporteerd: {len(exc.errors)} fout(en).\n" + "\n".join(f"- {e}" for e in exc.errors)
            ) from None
        for line in report.lines:
            self.stdout.write(line)
        prefix = "Proefrun, niets opgeslagen. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.line()))
