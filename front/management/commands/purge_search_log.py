"""Delete 'Gezocht maar niet gevonden' rows older than 90 days; run it daily (cron or a scheduled task)."""

from django.core.management.base import BaseCommand

from front.search.log import RETENTION_DAYS, purge


class Command(BaseCommand):
    help = f"Verwijdert zoekvragen uit het zoeklogboek die ouder zijn dan {RETENTION_DAYS} dagen."

    def handle(self, *args, **options):
        count = purge()
        self.stdout.write(self.style.SUCCESS(f"{count} regel(s) ouder dan {RETENTION_DAYS} dagen verwijderd."))
