"""Import real school locations from DUO's open-data lists into the regions whose scope covers them."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory.duo import import_duo_schools
from regions.importing import ImportRefused
from regions.models import Region

SHIPPED = Path(settings.BASE_DIR) / "fixtures" / "duo"


class Command(BaseCommand):
    help = (
        "Leest DUO's lijsten van schoolvestigingen (CSV, zoals DUO ze publiceert) in de regio's volgens hun reikwijdte; "
        "één foute regel weigert alles. Zonder bestanden: de meegeleverde lijsten in fixtures/duo."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, help="DUO-bestanden; standaard alle in fixtures/duo.")
        parser.add_argument("--region", help="Alleen deze regio (slug), bijvoorbeeld amsterdam-diemen.")
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Datum van de gegevens (JJJJ-MM-DD); standaard vandaag."
        )
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")

    def handle(self, *args, files, region, date, dry_run, **options):
        files = files or sorted(SHIPPED.glob("*.csv"))
        missing = [str(f) for f in files if not f.is_file()]
        if missing or not files:
            raise CommandError(f"Bestand niet gevonden: {', '.join(missing) or SHIPPED}")
        region_obj = None
        if region:
            region_obj = Region.objects.filter(slug=region, is_national=False).first()
            if region_obj is None:
                raise CommandError(f"Onbekende regio: {region}")
        try:
            report = import_duo_schools(files, region=region_obj, dry_run=dry_run, date=date)
        except ImportRefused as exc:
            raise CommandError(
                f"Niets geïmporteerd: {len(exc.errors)} fout(en).\n" + "\n".join(f"- {e}" for e in exc.errors)
            ) from None
        if options["verbosity"] > 1:
            for line in report.lines:
                self.stdout.write(line)
        prefix = "Proefrun, niets opgeslagen. " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.line()))
        for line in report.breakdown():
            self.stdout.write(line)
