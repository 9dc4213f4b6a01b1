"""Generate a reproducible synthetic Netherlands (regions, SWVs, schools, assignments) for benchmarks."""

from django.core.management.base import BaseCommand, CommandError

from front.search.index import rebuild as rebuild_search_index
from front.synthetic import SCALES, RealContentPresent, generate


class Command(BaseCommand):
    help = (
        "Maakt een reproduceerbare synthetische dataset (standaard landelijke omvang) in een APARTE database "
        "(zet DATABASE_URL); alles heet 'Synthetisch' en is als voorbeeld gemarkeerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="national")
        parser.add_argument("--seed", type=int, default=20261124)

    def handle(self, *args, scale, seed, **options):
        try:
            counts = generate(scale=SCALES[scale], seed=seed)
            rebuild_search_index()  # generate() writes in bulk, without the signals that keep the index
        except RealContentPresent as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS("Synthetisch aangemaakt: " + ", ".join(f"{k}: {v}" for k, v in counts.items())))
