"""Write the search index anew from all content (after a bulk load that skipped signals, or a restore)."""

from django.core.management.base import BaseCommand

from front.search.index import rebuild


class Command(BaseCommand):
    help = "Bouwt de zoekindex opnieuw op uit alle inhoud."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Zoekindex opnieuw opgebouwd: {count} documenten."))
